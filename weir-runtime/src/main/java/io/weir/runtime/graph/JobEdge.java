package io.weir.runtime.graph;

import io.weir.api.common.OutputTag;
import io.weir.api.dag.Partitioning;
import io.weir.api.functions.KeySelector;

/**
 * An exchange between two tasks: from operator {@code sourceOperator} of task {@code sourceVertex}
 * (its main output, or the side output {@code tag}) to input {@code targetInput} of task
 * {@code targetVertex}'s head operator.
 *
 * <p>{@code id} is unique within the job graph. Two edges can otherwise be alike in every field (a stream
 * unioned with itself feeds its consumer twice), and the scheduler keys channels and writers by edge.
 */
public record JobEdge(int id, int sourceVertex, int sourceOperator, OutputTag<?> tag, int targetVertex,
                      int targetInput, Partitioning.Kind partitioner, KeySelector<?, ?> keySelector,
                      ExchangeKind exchangeKind) {

    /** Forward and rescale connect each producer to a subset of consumers; the others connect all to all. */
    public boolean isPointwise() {
        return partitioner == Partitioning.Kind.FORWARD || partitioner == Partitioning.Kind.RESCALE;
    }
}
