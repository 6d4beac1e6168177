package io.weir.runtime.graph;

import io.weir.api.common.OutputTag;

/** An operator's output that stays inside its task: to the chained operator at {@code targetOperator}. */
public record ChainLink(int targetOperator, OutputTag<?> tag) {
}
