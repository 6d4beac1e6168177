package io.weir.connectors.datagen;

import io.weir.api.connector.source.InputStatus;
import io.weir.api.connector.source.ReaderOutput;
import io.weir.api.connector.source.SourceReader;

/** Emits {@code fn(index)} for the indices of its split, paced by an optional rate. One task thread. */
final class GeneratorReader<T> implements SourceReader<T, GeneratorSplit> {
    /** Bounds the work of one {@link #pollNext} call so the task stays responsive to cancellation. */
    static final int MAX_RECORDS_PER_POLL = 1024;

    private final GeneratorFunction<T> fn;
    /** Total records per second over all readers, or 0 for no limit. */
    private final double totalRate;
    private final NanoClock clock;
    private RateSchedule schedule;
    private long next;
    private int stride;
    private long remaining;

    GeneratorReader(GeneratorFunction<T> fn, double totalRate, NanoClock clock) {
        this.fn = fn;
        this.totalRate = totalRate;
        this.clock = clock;
    }

    @Override
    public void addSplit(GeneratorSplit split) {
        next = split.first();
        stride = split.stride();
        remaining = split.size();
        // The split's stride is the number of readers sharing the rate.
        schedule = totalRate > 0 ? new RateSchedule(totalRate / stride) : null;
    }

    @Override
    public InputStatus pollNext(ReaderOutput<T> output) throws Exception {
        if (remaining == 0) {
            return InputStatus.END_OF_SPLIT;
        }
        long batch = Math.min(remaining, MAX_RECORDS_PER_POLL);
        if (schedule != null) {
            batch = schedule.take(clock.nanoTime(), batch);
            if (batch == 0) {
                return InputStatus.NOTHING_AVAILABLE;
            }
        }
        for (long i = 0; i < batch; i++) {
            output.collect(fn.map(next));
            next += stride;
        }
        remaining -= batch;
        return remaining == 0 ? InputStatus.END_OF_SPLIT : InputStatus.MORE_AVAILABLE;
    }

    /** Holds no resources; declared so that closing is known not to fail. */
    @Override
    public void close() {
    }
}
