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
import java.util.concurrent.atomic.AtomicLong;

/** An unbounded source of 0, 1, 2, ... per reader, 16 records per poll, counting what it emitted: for tests that bound what a blocked pipeline buffers. */
final class MeteredEndlessSource implements Source<Long, MeteredEndlessSource.Split> {
    static final AtomicLong EMITTED = new AtomicLong();

    record Split(int id) implements SourceSplit {
        @Override
        public String splitId() {
            return "endless-" + id;
        }
    }

    @Override
    public Boundedness getBoundedness() {
        return Boundedness.CONTINUOUS_UNBOUNDED;
    }

    @Override
    public SplitEnumerator<Split> createEnumerator(int parallelism) {
        List<Split> splits = new ArrayList<>();
        for (int i = 0; i < parallelism; i++) {
            splits.add(new Split(i));
        }
        return new StaticSplitEnumerator<>(splits, parallelism);
    }

    @Override
    public SourceReader<Long, Split> createReader(SourceReaderContext context) {
        return new SourceReader<>() {
            private long next;

            @Override
            public void addSplit(Split split) {
            }

            @Override
            public InputStatus pollNext(ReaderOutput<Long> output) {
                for (int i = 0; i < 16; i++) {
                    output.collect(next++);
                    EMITTED.incrementAndGet();
                }
                return InputStatus.MORE_AVAILABLE;
            }
        };
    }
}
