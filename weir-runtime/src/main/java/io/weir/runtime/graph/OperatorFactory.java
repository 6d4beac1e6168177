package io.weir.runtime.graph;

import io.weir.runtime.operators.StreamOperator;

/** Creates one operator instance per subtask. Chosen by the translator for the job's execution mode. */
public interface OperatorFactory {
    StreamOperator<?> createOperator();

    /** What the operator does, for the plan: e.g. "Map", "RollingReduce(emit per record)". */
    String description();
}
