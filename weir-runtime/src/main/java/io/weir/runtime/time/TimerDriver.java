package io.weir.runtime.time;

/**
 * The task's side of an operator's timer service: the operator chain tells it when time moves, before it
 * tells the operator. How timers react is the mode's choice (see the package documentation).
 */
public interface TimerDriver {
    /** The operator's watermark advanced: event-time timers up to {@code watermark} fire. */
    void advanceWatermark(long watermark) throws Exception;

    /** With input sorted by key: the current key's records are all processed. */
    void endOfKey() throws Exception;

    /**
     * All input ended. Processing time then jumps past every pending timer, as it does at the end of each key
     * in BATCH, so a bounded job gives the same final result in both modes: pending processing-time timers fire
     * in time order. Timers that firing registers fire too if they are not later than the last timer that was
     * pending when the input ended; later ones (a timer re-registering itself forever) are dropped. Event-time
     * timers registered then are ignored (see {@link InternalTimerService#registerEventTimeTimer}).
     */
    void endOfInput() throws Exception;
}
