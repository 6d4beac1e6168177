package io.weir.runtime.operators;

import io.weir.api.connector.source.ReaderOutput;
import io.weir.api.connector.source.SourceOutput;
import io.weir.api.eventtime.TimestampAssigner;
import io.weir.api.eventtime.Watermark;
import io.weir.api.eventtime.WatermarkGenerator;
import io.weir.api.eventtime.WatermarkStrategy;
import io.weir.runtime.time.WatermarkCombiner;
import io.weir.runtime.time.WatermarkStatus;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The {@link ReaderOutput} a source reader emits into: assigns timestamps, runs a watermark generator per
 * output (the reader's own, and one per split output) and combines their watermarks and statuses into the
 * reader's with a {@link WatermarkCombiner} (see the rule on {@link ReaderOutput}). The reader is also idle
 * while it waits for a split of an unbounded source.
 *
 * <p>Without {@code generateWatermarks} (BATCH) only timestamps are assigned: no generator runs, watermarks and
 * statuses the reader emits are ignored, and the only watermark is the {@code MAX_WATERMARK} at the end.
 * Used on the source task's thread only.
 */
final class SourceReaderOutput<T> implements ReaderOutput<T> {
    private final Output<T> output;
    private final WatermarkStrategy<T> strategy;
    private final WatermarkStrategy.GeneratorContext generatorContext;
    private final boolean generateWatermarks;
    private final TimestampAssigner<T> timestampAssigner;
    private final StreamOutput main;
    private final Map<String, StreamOutput> splits = new LinkedHashMap<>();
    private final WatermarkCombiner combined = new WatermarkCombiner(0);
    private boolean waitingForSplit;
    private final WatermarkCombiner.Listener toOutput = new WatermarkCombiner.Listener() {
        @Override
        public void onWatermark(long watermark) {
            output.emitWatermark(watermark);
            if (waitingForSplit) {
                output.emitWatermarkStatus(WatermarkStatus.IDLE);
            }
        }

        @Override
        public void onStatus(WatermarkStatus status) {
            if (!waitingForSplit) {
                output.emitWatermarkStatus(status);
            }
        }
    };

    SourceReaderOutput(Output<T> output, WatermarkStrategy<T> strategy,
                       WatermarkStrategy.GeneratorContext generatorContext, boolean generateWatermarks) {
        this.output = output;
        this.strategy = strategy;
        this.generatorContext = generatorContext;
        this.generateWatermarks = generateWatermarks;
        this.timestampAssigner = strategy.createTimestampAssigner();
        this.main = new StreamOutput();
        main.join();
    }

    // ------------------------------------------------------------------------- the reader's own output

    @Override
    public void collect(T record) {
        main.collect(record);
    }

    @Override
    public void collect(T record, long timestamp) {
        main.collect(record, timestamp);
    }

    @Override
    public void emitWatermark(Watermark watermark) {
        main.emitWatermark(watermark);
    }

    @Override
    public void markIdle() {
        main.markIdle();
    }

    @Override
    public void markActive() {
        main.markActive();
    }

    // ------------------------------------------------------------------------- split outputs

    @Override
    public SourceOutput<T> createOutputForSplit(String splitId) {
        if (splitId == null) {
            throw new IllegalArgumentException("createOutputForSplit: the split id must not be null");
        }
        StreamOutput split = splits.get(splitId);
        if (split == null) {
            split = new StreamOutput();
            splits.put(splitId, split);
            split.join();
            if (!main.usedForRecords) {
                main.leave();
            }
        }
        return split;
    }

    @Override
    public void releaseOutputForSplit(String splitId) {
        StreamOutput split = splits.remove(splitId);
        if (split != null) {
            split.leave();
            if (splits.isEmpty()) {
                main.join();
            }
        }
    }

    // ------------------------------------------------------------------------- driven by the source operator

    /** Every {@code pipeline.auto-watermark-interval}: each generator may emit. */
    void emitPeriodicWatermarks() {
        if (!generateWatermarks) {
            return;
        }
        for (StreamOutput split : splits.values()) {
            split.generator.onPeriodicEmit(split);
        }
        main.generator.onPeriodicEmit(main);
    }

    /** An unbounded source has no split for this reader now: it is idle, whatever its outputs say. */
    void waitingForSplit(boolean waiting) {
        if (waiting == waitingForSplit) {
            return;
        }
        waitingForSplit = waiting;
        output.emitWatermarkStatus(waiting || combined.isIdle() ? WatermarkStatus.IDLE : WatermarkStatus.ACTIVE);
    }

    /** The bounded input is exhausted: event time ends. */
    void endOfInput() {
        output.emitWatermark(Long.MAX_VALUE);
    }

    /**
     * One stream of the reader with its own generator and watermark; it takes part in the reader's combined
     * watermark while joined.
     */
    private final class StreamOutput implements SourceOutput<T> {
        private final WatermarkGenerator<T> generator;
        /** Its number in the combiner while joined, else -1. */
        private int stream = -1;
        private long watermark = Long.MIN_VALUE;
        private boolean idle;
        private boolean usedForRecords;

        StreamOutput() {
            this.generator = generateWatermarks ? strategy.createWatermarkGenerator(generatorContext) : null;
        }

        @Override
        public void collect(T record) {
            collect(record, TimestampAssigner.NO_TIMESTAMP);
        }

        /** The record goes out before the generator sees it: a watermark it causes must not make it late. */
        @Override
        public void collect(T record, long timestamp) {
            long assigned = timestampAssigner.extractTimestamp(record, timestamp);
            if (!usedForRecords) {
                usedForRecords = true;
                join();
            }
            output.emit(record, assigned);
            if (generator != null) {
                generator.onEvent(record, assigned, this);
            }
        }

        @Override
        public void emitWatermark(Watermark next) {
            if (!generateWatermarks) {
                return;
            }
            markActive();
            if (next.timestamp() <= watermark) {
                return;
            }
            watermark = next.timestamp();
            if (stream >= 0) {
                combined.updateWatermark(stream, watermark, toOutput);
            }
        }

        @Override
        public void markIdle() {
            if (!generateWatermarks || idle) {
                return;
            }
            idle = true;
            if (stream >= 0) {
                combined.updateStatus(stream, WatermarkStatus.IDLE, toOutput);
            }
        }

        @Override
        public void markActive() {
            if (!generateWatermarks || !idle) {
                return;
            }
            idle = false;
            if (stream >= 0) {
                combined.updateStatus(stream, WatermarkStatus.ACTIVE, toOutput);
            }
        }

        void join() {
            if (stream < 0) {
                stream = combined.add(watermark, idle ? WatermarkStatus.IDLE : WatermarkStatus.ACTIVE, toOutput);
            }
        }

        void leave() {
            if (stream >= 0) {
                combined.remove(stream, toOutput);
                stream = -1;
            }
        }
    }
}
