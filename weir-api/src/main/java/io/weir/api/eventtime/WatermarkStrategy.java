package io.weir.api.eventtime;

import java.io.Serializable;
import java.time.Duration;

/**
 * How a stream gets event timestamps and watermarks: a {@link TimestampAssigner} and a
 * {@link WatermarkGenerator}. In BATCH only the assigner runs (DESIGN.md section 1, Time).
 */
public interface WatermarkStrategy<T> extends Serializable {

    WatermarkGenerator<T> createWatermarkGenerator();

    /** By default the record keeps the timestamp its source gave it. */
    default TimestampAssigner<T> createTimestampAssigner() {
        return (element, recordTimestamp) -> recordTimestamp;
    }

    /** This strategy with timestamps taken from the records by {@code assigner}. */
    default WatermarkStrategy<T> withTimestampAssigner(TimestampAssigner<T> assigner) {
        WatermarkStrategy<T> base = this;
        return new WatermarkStrategy<>() {
            @Override
            public WatermarkGenerator<T> createWatermarkGenerator() {
                return base.createWatermarkGenerator();
            }

            @Override
            public TimestampAssigner<T> createTimestampAssigner() {
                return assigner;
            }
        };
    }

    /** No watermarks: event time never advances until the end of a bounded input. */
    static <T> WatermarkStrategy<T> noWatermarks() {
        return () -> new WatermarkGenerator<>() {
            @Override
            public void onEvent(T event, long eventTimestamp, WatermarkOutput output) {
            }

            @Override
            public void onPeriodicEmit(WatermarkOutput output) {
            }
        };
    }

    /** For timestamps that never decrease. */
    static <T> WatermarkStrategy<T> forMonotonousTimestamps() {
        return () -> new BoundedOutOfOrdernessWatermarks<>(Duration.ZERO);
    }

    /** For timestamps at most {@code maxOutOfOrderness} behind the highest one seen. */
    static <T> WatermarkStrategy<T> forBoundedOutOfOrderness(Duration maxOutOfOrderness) {
        return () -> new BoundedOutOfOrdernessWatermarks<>(maxOutOfOrderness);
    }

    /** A strategy from a generator supplier. */
    static <T> WatermarkStrategy<T> forGenerator(WatermarkGeneratorSupplier<T> supplier) {
        return supplier::createWatermarkGenerator;
    }

    /** Creates a generator; serializable so that a strategy can be built from a lambda. */
    @FunctionalInterface
    interface WatermarkGeneratorSupplier<T> extends Serializable {
        WatermarkGenerator<T> createWatermarkGenerator();
    }
}
