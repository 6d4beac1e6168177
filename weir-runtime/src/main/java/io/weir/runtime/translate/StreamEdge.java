package io.weir.runtime.translate;

import io.weir.api.common.OutputTag;
import io.weir.api.dag.Partitioning;

/** A logical edge with its partitioning resolved. */
record StreamEdge(StreamNode source, OutputTag<?> tag, StreamNode target, int targetInput, Partitioning partitioning) {

    /** Chained edges become direct calls inside one task: same parallelism, forward, sole input, allowed. */
    boolean isChainable() {
        return partitioning.kind() == Partitioning.Kind.FORWARD
                && target.inputs.size() == 1
                && source.parallelism == target.parallelism
                && !source.chainingDisabled
                && !target.chainingDisabled;
    }
}
