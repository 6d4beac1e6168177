package io.weir.runtime.operators;

import io.weir.api.functions.TimerService;
import io.weir.runtime.time.ProcessingTimeService;

/**
 * The timer service of a function on a stream that is not keyed: the clocks answer, but a timer belongs to a
 * key, so registering or deleting one fails with what to do instead.
 */
final class NonKeyedTimerService implements TimerService {
    private final String operatorName;
    private final ProcessingTimeService processingTime;
    private long watermark = Long.MIN_VALUE;

    NonKeyedTimerService(String operatorName, ProcessingTimeService processingTime) {
        this.operatorName = operatorName;
        this.processingTime = processingTime;
    }

    void advanceWatermark(long watermark) {
        this.watermark = watermark;
    }

    @Override
    public long currentProcessingTime() {
        return processingTime.currentProcessingTime();
    }

    @Override
    public long currentWatermark() {
        return watermark;
    }

    private UnsupportedOperationException notKeyed() {
        return new UnsupportedOperationException("Operator '" + operatorName + "' is not keyed: timers belong to a "
                + "key, so they need a keyed stream (keyBy(...).process(...))");
    }

    @Override
    public void registerEventTimeTimer(long time) {
        throw notKeyed();
    }

    @Override
    public void registerProcessingTimeTimer(long time) {
        throw notKeyed();
    }

    @Override
    public void deleteEventTimeTimer(long time) {
        throw notKeyed();
    }

    @Override
    public void deleteProcessingTimeTimer(long time) {
        throw notKeyed();
    }
}
