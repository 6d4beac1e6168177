package io.weir.api.dag;

import java.util.List;

/** Not an operator: says how the edge from its input is partitioned ({@code keyBy}, {@code rebalance}, ...). */
public final class PartitionTransformation<T> extends Transformation<T> {
    private final Transformation<T> input;
    private final Partitioning partitioning;

    public PartitionTransformation(Transformation<T> input, Partitioning partitioning) {
        super("Partition(" + partitioning + ")", input.getParallelism());
        this.input = input;
        this.partitioning = partitioning;
    }

    public Transformation<T> getInput() {
        return input;
    }

    public Partitioning getPartitioning() {
        return partitioning;
    }

    @Override
    public List<Transformation<?>> getInputs() {
        return List.of(input);
    }
}
