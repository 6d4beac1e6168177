package io.weir.api.functions;

/** Clocks and timers of a keyed function. */
public interface TimerService {
    long currentProcessingTime();

    long currentWatermark();

    void registerEventTimeTimer(long time);

    void registerProcessingTimeTimer(long time);

    void deleteEventTimeTimer(long time);

    void deleteProcessingTimeTimer(long time);
}
