package io.weir.runtime.operators;

import io.weir.runtime.time.WatermarkStatus;

/**
 * The runtime's operator contract: one interface, typed records, several inputs as a list of inputs.
 *
 * <p>Threading: every method is called on the owning task's thread, never concurrently, so operators
 * need no locks. Call order:
 * <pre>
 * open -> (input(i).processElement | processWatermark | processWatermarkStatus)* -> endInput(i) for each input
 *      -> finish -> close                                 (on failure or cancel: close only)
 * </pre>
 * {@code input(i)} is called once per input while the chain is wired, after {@code open}.
 */
public interface StreamOperator<OUT> {
    void open(OperatorContext<OUT> context) throws Exception;

    /** Input {@code index} (0 for a one-input operator). */
    OperatorInput<?> input(int index);

    /** The combined watermark of all inputs advanced to {@code watermark}. By default it is passed on. */
    default void processWatermark(long watermark, Output<OUT> output) throws Exception {
        output.emitWatermark(watermark);
    }

    /**
     * The combined status of all inputs changed: IDLE when every input is idle (no watermarks come; the operator
     * must not hold back the watermark downstream), ACTIVE again before the next watermark. By default passed on.
     */
    default void processWatermarkStatus(WatermarkStatus status, Output<OUT> output) throws Exception {
        output.emitWatermarkStatus(status);
    }

    /** Input {@code index} has ended. */
    default void endInput(int index) throws Exception {
    }

    /** Every input has ended: the last chance to emit. */
    default void finish() throws Exception {
    }

    /** Releases resources; called exactly once, also after a failure (then without {@link #finish()}). */
    default void close() throws Exception {
    }
}
