package io.weir.api.dag;

import io.weir.api.functions.KeySelector;

import java.util.List;

/**
 * An operator over two connected inputs; keyed when both key selectors are set. With only one set, the operator
 * is not keyed and that input is a keyed stream (hash-partitioned by its key; in BATCH also grouped by key).
 */
public final class TwoInputTransformation<I1, I2, O> extends Transformation<O> {
    private final Transformation<I1> input1;
    private final Transformation<I2> input2;
    private final Operation operation;
    private final KeySelector<I1, ?> keySelector1;
    private final KeySelector<I2, ?> keySelector2;

    public TwoInputTransformation(Transformation<I1> input1, Transformation<I2> input2, String name, Operation operation,
                                  KeySelector<I1, ?> keySelector1, KeySelector<I2, ?> keySelector2, int parallelism) {
        super(name, parallelism);
        this.input1 = input1;
        this.input2 = input2;
        this.operation = operation;
        this.keySelector1 = keySelector1;
        this.keySelector2 = keySelector2;
    }

    public Transformation<I1> getInput1() {
        return input1;
    }

    public Transformation<I2> getInput2() {
        return input2;
    }

    public Operation getOperation() {
        return operation;
    }

    public KeySelector<I1, ?> getKeySelector1() {
        return keySelector1;
    }

    public KeySelector<I2, ?> getKeySelector2() {
        return keySelector2;
    }

    public boolean isKeyed() {
        return keySelector1 != null && keySelector2 != null;
    }

    @Override
    public List<Transformation<?>> getInputs() {
        return List.of(input1, input2);
    }
}
