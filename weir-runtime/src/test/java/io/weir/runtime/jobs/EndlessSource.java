package io.weir.runtime.jobs;

import io.weir.api.connector.source.Boundedness;
import io.weir.api.connector.source.InputStatus;
import io.weir.api.connector.source.ReaderOutput;
import io.weir.api.connector.source.Source;
import io.weir.api.connector.source.SourceReader;
import io.weir.api.connector.source.SourceReaderContext;
import io.weir.api.connector.source.SourceSplit;
import io.weir.api.connector.source.SplitEnumerator;
import io.weir.api.connector.source.StaticSplitEnumerator;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * An unbounded source: reader {@code i} of {@code p} emits {@code i, i + p, i + 2p, ...} and never ends, so
 * every value is emitted at most once. Counts the readers opened and closed in this JVM, so a test can tell
 * that a job has really stopped. Tests call {@link #resetCounts()} first.
 */
final class EndlessSource implements Source<Long, EndlessSource.Residue> {
    private static final int RECORDS_PER_POLL = 100;
    private static final AtomicInteger OPENED = new AtomicInteger();
    private static final AtomicInteger CLOSED = new AtomicInteger();

    static void resetCounts() {
        OPENED.set(0);
        CLOSED.set(0);
    }

    static int readersOpened() {
        return OPENED.get();
    }

    static int readersClosed() {
        return CLOSED.get();
    }

    @Override
    public Boundedness getBoundedness() {
        return Boundedness.CONTINUOUS_UNBOUNDED;
    }

    @Override
    public SplitEnumerator<Residue> createEnumerator(int parallelism) {
        List<Residue> splits = new ArrayList<>();
        for (int i = 0; i < parallelism; i++) {
            splits.add(new Residue(i, parallelism));
        }
        return new StaticSplitEnumerator<>(splits, parallelism);
    }

    @Override
    public SourceReader<Long, Residue> createReader(SourceReaderContext context) {
        return new SourceReader<>() {
            private long next;
            private long step;

            @Override
            public void open() {
                OPENED.incrementAndGet();
            }

            @Override
            public void addSplit(Residue split) {
                next = split.residue();
                step = split.modulus();
            }

            @Override
            public InputStatus pollNext(ReaderOutput<Long> output) {
                for (int i = 0; i < RECORDS_PER_POLL; i++) {
                    output.collect(next);
                    next += step;
                }
                return InputStatus.MORE_AVAILABLE;
            }

            @Override
            public void close() {
                CLOSED.incrementAndGet();
            }
        };
    }

    /** The values congruent to {@code residue} modulo {@code modulus}. */
    record Residue(int residue, int modulus) implements SourceSplit {
        @Override
        public String splitId() {
            return residue + " mod " + modulus;
        }
    }
}
