package io.weir.api.functions;

/** Clocks and timers of a keyed function. */
public interface TimerService {
    long currentProcessingTime();

    long currentWatermark();

    /**
     * Registers a timer for the current key that fires when the watermark reaches {@code time}. Once event time has
     * ended (the watermark is at {@code MAX_WATERMARK}: after the end of input in STREAMING, while a key's timers
     * fire at its end in BATCH) this does nothing, so a timer that re-registers itself from {@code onTimer} stops.
     */
    void registerEventTimeTimer(long time);

    void registerProcessingTimeTimer(long time);

    void deleteEventTimeTimer(long time);

    void deleteProcessingTimeTimer(long time);
}
