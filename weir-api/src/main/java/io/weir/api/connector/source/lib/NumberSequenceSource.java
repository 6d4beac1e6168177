package io.weir.api.connector.source.lib;

import io.weir.api.connector.source.Boundedness;
import io.weir.api.connector.source.InputStatus;
import io.weir.api.connector.source.QueueSplitEnumerator;
import io.weir.api.connector.source.ReaderOutput;
import io.weir.api.connector.source.SourceReader;
import io.weir.api.connector.source.SourceReaderContext;
import io.weir.api.connector.source.SourceSplit;
import io.weir.api.connector.source.SplitEnumerator;
import io.weir.api.connector.source.Source;

import java.util.ArrayList;
import java.util.List;

/** The longs {@code from..to} inclusive, in parallel ranges. */
public final class NumberSequenceSource implements Source<Long, NumberSequenceSource.Range> {
    private static final long serialVersionUID = 1L;

    private static final int RECORDS_PER_POLL = 1024;
    private final long from;
    private final long to;

    public NumberSequenceSource(long from, long to) {
        if (from > to) {
            throw new IllegalArgumentException("fromSequence: 'from' (" + from + ") must not be greater than 'to' (" + to + ")");
        }
        this.from = from;
        this.to = to;
    }

    @Override
    public Boundedness getBoundedness() {
        return Boundedness.BOUNDED;
    }

    @Override
    public SplitEnumerator<Range> createEnumerator(int parallelism) {
        List<Range> ranges = new ArrayList<>();
        long count = to - from + 1; // may overflow for the full long range; such sequences are not sensible jobs
        // A few splits per reader so that a slow reader does not hold the job back.
        int splits = (int) Math.max(1, Math.min(count, parallelism * 4L));
        for (int i = 0; i < splits; i++) {
            long start = from + count / splits * i + Math.min(i, count % splits);
            long end = start + count / splits + (i < count % splits ? 1 : 0) - 1;
            ranges.add(new Range(i, start, end));
        }
        return new QueueSplitEnumerator<>(ranges);
    }

    @Override
    public SourceReader<Long, Range> createReader(SourceReaderContext context) {
        return new SourceReader<>() {
            private long next = 1;
            private long end = 0;

            @Override
            public void addSplit(Range split) {
                next = split.from();
                end = split.to();
            }

            @Override
            public InputStatus pollNext(ReaderOutput<Long> output) {
                long stop = Math.min(end, next + RECORDS_PER_POLL - 1);
                for (; next <= stop; next++) {
                    output.collect(next);
                }
                return next <= end ? InputStatus.MORE_AVAILABLE : InputStatus.END_OF_SPLIT;
            }
        };
    }

    /** The longs {@code from..to} inclusive. */
    public record Range(int index, long from, long to) implements SourceSplit {
        @Override
        public String splitId() {
            return "range-" + index + "[" + from + ".." + to + "]";
        }
    }
}
