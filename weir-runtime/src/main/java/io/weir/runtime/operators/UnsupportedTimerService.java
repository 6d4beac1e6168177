package io.weir.runtime.operators;

import io.weir.api.functions.TimerService;

/**
 * The timer service until timers are built (event-time work): the clocks answer, registering a timer fails
 * loudly instead of a timer that silently never fires.
 */
final class UnsupportedTimerService implements TimerService {
    private final String operatorName;
    private final io.weir.runtime.graph.ProcessingClock clock;
    private long watermark = Long.MIN_VALUE;

    UnsupportedTimerService(String operatorName, io.weir.runtime.graph.ProcessingClock clock) {
        this.operatorName = operatorName;
        this.clock = clock;
    }

    void advanceWatermark(long watermark) {
        this.watermark = watermark;
    }

    @Override
    public long currentProcessingTime() {
        return clock.currentTimeMillis();
    }

    @Override
    public long currentWatermark() {
        return watermark;
    }

    private UnsupportedOperationException notYet() {
        return new UnsupportedOperationException("Timers are not supported yet (operator '" + operatorName
                + "'): they arrive with Weir's event-time and timers work");
    }

    @Override
    public void registerEventTimeTimer(long time) {
        throw notYet();
    }

    @Override
    public void registerProcessingTimeTimer(long time) {
        throw notYet();
    }

    @Override
    public void deleteEventTimeTimer(long time) {
        throw notYet();
    }

    @Override
    public void deleteProcessingTimeTimer(long time) {
        throw notYet();
    }
}
