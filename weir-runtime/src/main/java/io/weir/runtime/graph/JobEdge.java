package io.weir.runtime.graph;

import io.weir.api.common.OutputTag;
import io.weir.api.dag.Partitioning;
import io.weir.api.functions.KeySelector;

/**
 * An exchange between two tasks: from operator {@code sourceOperator} of task {@code sourceVertex}
 * (its main output, or the side output {@code tag}) to input {@code targetInput} of task
 * {@code targetVertex}'s head operator.
 *
 * <p>{@code index} is the edge's position in {@link JobGraph#edges()}. It keeps edges that are alike in every
 * other property distinct (a stream unioned with itself makes two such exchanges, each carrying every record),
 * since edges are keys of the deployments' maps of writers, channels and partition files.
 */
public record JobEdge(int index, int sourceVertex, int sourceOperator, OutputTag<?> tag, int targetVertex, int targetInput,
                      Partitioning.Kind partitioner, KeySelector<?, ?> keySelector, ExchangeKind exchangeKind) {

    /** Forward and rescale connect each producer to a subset of consumers; the others connect all to all. */
    public boolean isPointwise() {
        return partitioner == Partitioning.Kind.FORWARD || partitioner == Partitioning.Kind.RESCALE;
    }
}
