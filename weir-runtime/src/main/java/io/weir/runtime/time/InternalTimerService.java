package io.weir.runtime.time;

/**
 * The keyed timers of one operator, for the current key. A timer is identified by (key, namespace, time):
 * registering it twice leaves one timer; deleting one that does not exist does nothing. Timers fire in
 * time order, on the task thread, with their key set as the current key.
 */
public interface InternalTimerService<N> {
    long currentProcessingTime();

    /** The operator's event time: {@code Long.MIN_VALUE} before the first watermark. */
    long currentWatermark();

    /**
     * Does nothing once event time has ended, that is while the watermark is at {@code MAX_WATERMARK}: at the end of
     * input in STREAMING, while a key's timers fire at its end in BATCH.
     */
    void registerEventTimeTimer(N namespace, long time);

    void deleteEventTimeTimer(N namespace, long time);

    void registerProcessingTimeTimer(N namespace, long time);

    void deleteProcessingTimeTimer(N namespace, long time);
}
