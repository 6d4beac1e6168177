package io.weir.connectors.datagen;

import io.weir.api.connector.source.Boundedness;
import io.weir.api.connector.source.Source;
import io.weir.api.connector.source.SourceReader;
import io.weir.api.connector.source.SourceReaderContext;
import io.weir.api.connector.source.SplitEnumerator;
import io.weir.api.connector.source.StaticSplitEnumerator;

import java.util.ArrayList;
import java.util.List;

/**
 * Generates records from their index: {@code fn(0), fn(1), ...}, for tests, demos and benchmarks.
 *
 * <pre>{@code
 * env.fromSource(GeneratorSource.unbounded(i -> "event-" + i).withRate(1000),
 *         WatermarkStrategy.noWatermarks(), "events");
 * }</pre>
 *
 * <p>Each reader owns one split: reader {@code i} of {@code p} produces the indices {@code i, i + p,
 * i + 2p, ...}, so every index is produced exactly once and, within one reader, in increasing order. An
 * unbounded generator never ends (it is {@link Boundedness#CONTINUOUS_UNBOUNDED}); a bounded one produces
 * the indices {@code 0 .. count - 1} and ends.
 *
 * <p>{@link #withRate} caps the total rate over all readers, each reader taking an equal share. A reader
 * ahead of its schedule reports that nothing is available instead of waiting, so it never spins or blocks
 * its task.
 */
public final class GeneratorSource<T> implements Source<T, GeneratorSplit> {
    private static final long serialVersionUID = 1L;

    private final GeneratorFunction<T> fn;
    private final long count;
    private final Boundedness boundedness;
    /** Records per second over all readers, or 0 for no limit. */
    private final double rate;
    private final NanoClock clock;

    private GeneratorSource(GeneratorFunction<T> fn, long count, Boundedness boundedness, double rate, NanoClock clock) {
        this.fn = fn;
        this.count = count;
        this.boundedness = boundedness;
        this.rate = rate;
        this.clock = clock;
    }

    /** {@code fn(0), fn(1), ...} without end, as fast as the job takes them unless {@link #withRate rated}. */
    public static <T> GeneratorSource<T> unbounded(GeneratorFunction<T> fn) {
        return new GeneratorSource<>(requireFn(fn), Long.MAX_VALUE, Boundedness.CONTINUOUS_UNBOUNDED, 0,
                NanoClock.SYSTEM);
    }

    /** {@code fn(0) .. fn(count - 1)}, then the source ends. */
    public static <T> GeneratorSource<T> bounded(GeneratorFunction<T> fn, long count) {
        if (count < 0) {
            throw new IllegalArgumentException("GeneratorSource.bounded needs a count of at least 0, got " + count);
        }
        return new GeneratorSource<>(requireFn(fn), count, Boundedness.BOUNDED, 0, NanoClock.SYSTEM);
    }

    /** A copy that emits at most {@code recordsPerSecond} in total, shared equally by the readers. */
    public GeneratorSource<T> withRate(double recordsPerSecond) {
        if (!(recordsPerSecond > 0) || Double.isInfinite(recordsPerSecond)) {
            throw new IllegalArgumentException("GeneratorSource rate must be a positive finite number of records"
                    + " per second, got " + recordsPerSecond);
        }
        return new GeneratorSource<>(fn, count, boundedness, recordsPerSecond, clock);
    }

    /** A copy whose readers read time from {@code clock}, so tests can move time by hand. */
    GeneratorSource<T> withClock(NanoClock clock) {
        return new GeneratorSource<>(fn, count, boundedness, rate, clock);
    }

    @Override
    public Boundedness getBoundedness() {
        return boundedness;
    }

    @Override
    public SplitEnumerator<GeneratorSplit> createEnumerator(int parallelism) {
        List<GeneratorSplit> splits = new ArrayList<>(parallelism);
        for (int i = 0; i < parallelism; i++) {
            splits.add(new GeneratorSplit(i, parallelism, count));
        }
        return new StaticSplitEnumerator<>(splits, parallelism);
    }

    @Override
    public SourceReader<T, GeneratorSplit> createReader(SourceReaderContext context) {
        return new GeneratorReader<>(fn, rate, clock);
    }

    @Override
    public String toString() {
        return "GeneratorSource[" + (boundedness == Boundedness.BOUNDED ? "count=" + count : "unbounded")
                + (rate > 0 ? ", rate=" + rate + "/s" : "") + "]";
    }

    private static <T> GeneratorFunction<T> requireFn(GeneratorFunction<T> fn) {
        if (fn == null) {
            throw new IllegalArgumentException("GeneratorSource needs a generator function");
        }
        return fn;
    }
}
