package io.weir.runtime.operators;

import io.weir.api.config.PipelineOptions;
import io.weir.api.eventtime.TimestampAssigner;
import io.weir.api.eventtime.Watermark;
import io.weir.api.eventtime.WatermarkGenerator;
import io.weir.api.eventtime.WatermarkOutput;
import io.weir.api.eventtime.WatermarkStrategy;
import io.weir.runtime.time.ProcessingTimeService;
import io.weir.runtime.time.WatermarkStatus;

import java.time.Duration;

/**
 * {@code assignTimestampsAndWatermarks}: gives each record the timestamp of the strategy's assigner and, with
 * {@code generateWatermarks} (STREAMING), makes event time from its own generator: {@code onEvent} per record,
 * {@code onPeriodicEmit} every {@code pipeline.auto-watermark-interval} on the processing clock (zero: never).
 * The watermarks and statuses from upstream are replaced, not combined: only the {@code MAX_WATERMARK} at the
 * end of a bounded input passes, so that event time still ends. Without {@code generateWatermarks} (BATCH)
 * only the assigner runs and that final watermark is the only one.
 */
public final class TimestampsAndWatermarksOperator<T> implements StreamOperator<T>, OperatorInput<T>, WatermarkOutput {
    private final WatermarkStrategy<T> strategy;
    private final boolean generateWatermarks;
    private Output<T> output;
    private TimestampAssigner<T> timestampAssigner;
    /** Null without {@code generateWatermarks}. */
    private WatermarkGenerator<T> generator;
    private ProcessingTimeService processingTime;
    private long intervalMillis;
    private ProcessingTimeService.Scheduled nextPeriodicEmit;

    public TimestampsAndWatermarksOperator(WatermarkStrategy<T> strategy, boolean generateWatermarks) {
        this.strategy = strategy;
        this.generateWatermarks = generateWatermarks;
    }

    @Override
    public void open(OperatorContext<T> context) {
        output = context.output();
        timestampAssigner = strategy.createTimestampAssigner();
        if (!generateWatermarks) {
            return;
        }
        processingTime = context.processingTimeService();
        generator = strategy.createWatermarkGenerator(processingTime::currentProcessingTime);
        Duration interval = context.configuration().get(PipelineOptions.AUTO_WATERMARK_INTERVAL);
        if (interval.isNegative()) {
            throw new IllegalArgumentException(PipelineOptions.AUTO_WATERMARK_INTERVAL.key()
                    + " must not be negative, was " + interval);
        }
        if (!interval.isZero()) {
            // Processing time counts in milliseconds: a shorter interval means every millisecond.
            intervalMillis = Math.max(1, interval.toMillis());
            schedulePeriodicEmit();
        }
    }

    private void schedulePeriodicEmit() {
        nextPeriodicEmit = processingTime.registerTimer(processingTime.currentProcessingTime() + intervalMillis,
                time -> {
                    generator.onPeriodicEmit(this);
                    schedulePeriodicEmit();
                });
    }

    @Override
    public OperatorInput<?> input(int index) {
        return this;
    }

    /** The record goes out before the generator sees it: a watermark it causes must not make it late. */
    @Override
    public void processElement(T value, long timestamp) {
        long assigned = timestampAssigner.extractTimestamp(value, timestamp);
        output.emit(value, assigned);
        if (generator != null) {
            generator.onEvent(value, assigned, this);
        }
    }

    @Override
    public void processWatermark(long watermark, Output<T> out) {
        if (watermark == Long.MAX_VALUE) {
            out.emitWatermark(watermark);
        }
    }

    /** Upstream idleness is replaced too: this operator's generator decides whether its output is idle. */
    @Override
    public void processWatermarkStatus(WatermarkStatus status, Output<T> out) {
    }

    @Override
    public void endInput(int index) {
        cancelPeriodicEmit();
    }

    @Override
    public void close() {
        cancelPeriodicEmit();
    }

    private void cancelPeriodicEmit() {
        if (nextPeriodicEmit != null) {
            nextPeriodicEmit.cancel();
            nextPeriodicEmit = null;
        }
    }

    // ------------------------------------------------------------------------- the generator's output

    @Override
    public void emitWatermark(Watermark watermark) {
        output.emitWatermark(watermark.timestamp());
    }

    @Override
    public void markIdle() {
        output.emitWatermarkStatus(WatermarkStatus.IDLE);
    }

    @Override
    public void markActive() {
        output.emitWatermarkStatus(WatermarkStatus.ACTIVE);
    }
}
