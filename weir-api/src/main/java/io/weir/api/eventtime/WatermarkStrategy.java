package io.weir.api.eventtime;

import io.weir.api.functions.Function;

import java.io.Serializable;
import java.time.Duration;

/**
 * How a stream gets event timestamps and watermarks: a {@link TimestampAssigner} and a
 * {@link WatermarkGenerator}. Used by {@code fromSource(...)} (one generator per split output, combined per
 * reader) and by {@code assignTimestampsAndWatermarks(...)}. In BATCH only the assigner runs (DESIGN.md
 * section 1, Time).
 *
 * <p>A strategy is part of the job's plan, like a user function: it is serialized and each subtask creates
 * its own generator and assigner from it.
 */
public interface WatermarkStrategy<T> extends Function {

    /** A fresh generator for one subtask (or one split output of a source). */
    WatermarkGenerator<T> createWatermarkGenerator();

    /**
     * The runtime calls this one, with what the subtask offers generators (its processing clock). Strategies
     * that need the context, such as {@link #withIdleness}, override it; others need not.
     */
    default WatermarkGenerator<T> createWatermarkGenerator(GeneratorContext context) {
        return createWatermarkGenerator();
    }

    /** By default the record keeps the timestamp its source gave it. */
    default TimestampAssigner<T> createTimestampAssigner() {
        return (element, recordTimestamp) -> recordTimestamp;
    }

    /** This strategy with timestamps taken from the records by {@code assigner}. */
    default WatermarkStrategy<T> withTimestampAssigner(TimestampAssigner<T> assigner) {
        if (assigner == null) {
            throw new IllegalArgumentException("withTimestampAssigner: the timestamp assigner must not be null");
        }
        return withTimestampAssigner(() -> assigner);
    }

    /**
     * This strategy with an assigner created per subtask by {@code supplier}: for assigners holding state
     * that is not serializable.
     */
    default WatermarkStrategy<T> withTimestampAssigner(TimestampAssignerSupplier<T> supplier) {
        if (supplier == null) {
            throw new IllegalArgumentException("withTimestampAssigner: the timestamp assigner supplier must not be null");
        }
        return new StrategyWithTimestampAssigner<>(this, supplier);
    }

    /**
     * This strategy with idleness detection: an output that saw no record for {@code idleTimeout} (checked at
     * each periodic emit, on the subtask's processing clock) is marked idle, so it no longer holds back the
     * watermark downstream; its next record makes it active again.
     *
     * @throws IllegalArgumentException if {@code idleTimeout} is null or shorter than a millisecond
     */
    default WatermarkStrategy<T> withIdleness(Duration idleTimeout) {
        return new StrategyWithIdleness<>(this, WatermarksWithIdleness.checkedTimeout(idleTimeout));
    }

    /** No watermarks: event time never advances until the end of a bounded input. */
    static <T> WatermarkStrategy<T> noWatermarks() {
        return NoWatermarks::new;
    }

    /** For timestamps that never decrease: the watermark trails the highest timestamp seen by 1 ms. */
    static <T> WatermarkStrategy<T> forMonotonousTimestamps() {
        return () -> new BoundedOutOfOrdernessWatermarks<>(Duration.ZERO);
    }

    /**
     * For timestamps at most {@code maxOutOfOrderness} behind the highest one seen.
     *
     * @throws IllegalArgumentException if {@code maxOutOfOrderness} is null or negative
     */
    static <T> WatermarkStrategy<T> forBoundedOutOfOrderness(Duration maxOutOfOrderness) {
        BoundedOutOfOrdernessWatermarks.checkBound(maxOutOfOrderness);
        return () -> new BoundedOutOfOrdernessWatermarks<>(maxOutOfOrderness);
    }

    /** A strategy from a generator supplier, e.g. {@code forGenerator(MyGenerator::new)}. */
    static <T> WatermarkStrategy<T> forGenerator(WatermarkGeneratorSupplier<T> supplier) {
        if (supplier == null) {
            throw new IllegalArgumentException("forGenerator: the watermark generator supplier must not be null");
        }
        return supplier::createWatermarkGenerator;
    }

    /** Creates a generator; serializable so that a strategy can be built from a lambda. */
    @FunctionalInterface
    interface WatermarkGeneratorSupplier<T> extends Serializable {
        WatermarkGenerator<T> createWatermarkGenerator();
    }

    /** Creates a subtask's timestamp assigner; serializable so that it can be a lambda. */
    @FunctionalInterface
    interface TimestampAssignerSupplier<T> extends Serializable {
        TimestampAssigner<T> createTimestampAssigner();
    }

    /** What a subtask offers the generators it creates. */
    interface GeneratorContext {
        /** The subtask's processing time in milliseconds: the wall clock in STREAMING. */
        long currentProcessingTime();
    }
}
