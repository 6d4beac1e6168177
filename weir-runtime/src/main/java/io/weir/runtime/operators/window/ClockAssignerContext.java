package io.weir.runtime.operators.window;

import io.weir.api.windowing.assigners.WindowAssigner;

import java.util.function.LongSupplier;

/** What a window assigner may ask of its operator: the processing time of the operator's clock. */
final class ClockAssignerContext extends WindowAssigner.WindowAssignerContext {
    private final LongSupplier processingTime;

    ClockAssignerContext(LongSupplier processingTime) {
        this.processingTime = processingTime;
    }

    @Override
    public long getCurrentProcessingTime() {
        return processingTime.getAsLong();
    }
}
