package io.weir.runtime.operators;

import io.weir.api.config.Configuration;
import io.weir.runtime.state.KeyedStateBackend;

/** What the runtime gives an operator when it opens: its output, its runtime context and its services. */
public interface OperatorContext<OUT> {
    Output<OUT> output();

    OperatorRuntimeContext runtimeContext();

    /** The keyed state backend, or null if the operator is not keyed. */
    KeyedStateBackend keyedStateBackend();

    Configuration configuration();

    String operatorName();

    /** Processing time: the wall clock in STREAMING, frozen for the whole job in BATCH. */
    io.weir.runtime.graph.ProcessingClock processingClock();
}
