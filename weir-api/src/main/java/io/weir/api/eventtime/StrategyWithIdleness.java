package io.weir.api.eventtime;

import java.time.Duration;

/** A strategy whose generators are another's wrapped in {@link WatermarksWithIdleness}. */
final class StrategyWithIdleness<T> implements WatermarkStrategy<T> {
    private static final long serialVersionUID = 1L;

    private final WatermarkStrategy<T> base;
    private final Duration idleTimeout;

    StrategyWithIdleness(WatermarkStrategy<T> base, Duration idleTimeout) {
        this.base = base;
        this.idleTimeout = idleTimeout;
    }

    /** Without a runtime context (a generator made by hand): idleness is measured on the wall clock. */
    @Override
    public WatermarkGenerator<T> createWatermarkGenerator() {
        return new WatermarksWithIdleness<>(base.createWatermarkGenerator(), idleTimeout, System::currentTimeMillis);
    }

    @Override
    public WatermarkGenerator<T> createWatermarkGenerator(GeneratorContext context) {
        return new WatermarksWithIdleness<>(base.createWatermarkGenerator(context), idleTimeout,
                context::currentProcessingTime);
    }

    @Override
    public TimestampAssigner<T> createTimestampAssigner() {
        return base.createTimestampAssigner();
    }
}
