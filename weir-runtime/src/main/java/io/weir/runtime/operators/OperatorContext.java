package io.weir.runtime.operators;

import io.weir.api.config.Configuration;
import io.weir.runtime.state.KeyedStateBackend;
import io.weir.runtime.time.InternalTimerService;
import io.weir.runtime.time.ProcessingTimeService;
import io.weir.runtime.time.Triggerable;

/** What the runtime gives an operator when it opens: its output, its runtime context and its services. */
public interface OperatorContext<OUT> {
    Output<OUT> output();

    OperatorRuntimeContext runtimeContext();

    /** The keyed state backend, or null if the operator is not keyed. */
    KeyedStateBackend keyedStateBackend();

    Configuration configuration();

    String operatorName();

    /**
     * The task's processing time (the wall clock in STREAMING, frozen for the whole job in BATCH), with
     * callbacks on the task thread, e.g. for periodic work.
     */
    ProcessingTimeService processingTimeService();

    /** Whether {@link #timerService} is available: the operator is keyed. */
    default boolean hasKeyedTimers() {
        return keyedStateBackend() != null;
    }

    /**
     * This keyed operator's timers, firing into {@code target}; asked for at most once, in {@code open}.
     *
     * @throws IllegalStateException if the operator is not keyed
     */
    <K, N> InternalTimerService<N> timerService(Triggerable<K, N> target);
}
