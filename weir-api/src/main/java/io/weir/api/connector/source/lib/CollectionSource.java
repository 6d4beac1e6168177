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

/** A bounded source over a list held in memory, split into contiguous chunks, one per reader. */
public final class CollectionSource<T> implements Source<T, CollectionSource.Chunk<T>> {
    private static final long serialVersionUID = 1L;

    private static final int RECORDS_PER_POLL = 256;
    private final List<T> elements;

    public CollectionSource(List<T> elements) {
        this.elements = List.copyOf(elements);
    }

    @Override
    public Boundedness getBoundedness() {
        return Boundedness.BOUNDED;
    }

    @Override
    public SplitEnumerator<Chunk<T>> createEnumerator(int parallelism) {
        List<Chunk<T>> chunks = new ArrayList<>();
        int n = elements.size();
        for (int i = 0; i < parallelism; i++) {
            int from = (int) ((long) n * i / parallelism);
            int to = (int) ((long) n * (i + 1) / parallelism);
            if (from < to) {
                chunks.add(new Chunk<>(i, elements.subList(from, to)));
            }
        }
        return new QueueSplitEnumerator<>(chunks);
    }

    @Override
    public SourceReader<T, Chunk<T>> createReader(SourceReaderContext context) {
        return new SourceReader<>() {
            private List<T> current = List.of();
            private int next;

            @Override
            public void addSplit(Chunk<T> split) {
                current = split.elements();
                next = 0;
            }

            @Override
            public InputStatus pollNext(ReaderOutput<T> output) {
                int end = Math.min(current.size(), next + RECORDS_PER_POLL);
                for (; next < end; next++) {
                    output.collect(current.get(next));
                }
                return next < current.size() ? InputStatus.MORE_AVAILABLE : InputStatus.END_OF_SPLIT;
            }
        };
    }

    /** A contiguous run of the elements. */
    public record Chunk<T>(int index, List<T> elements) implements SourceSplit {
        @Override
        public String splitId() {
            return "chunk-" + index;
        }
    }
}
