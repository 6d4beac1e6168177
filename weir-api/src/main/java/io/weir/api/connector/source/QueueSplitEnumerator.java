package io.weir.api.connector.source;

import java.util.ArrayDeque;
import java.util.Collection;
import java.util.Optional;
import java.util.Queue;

/** Gives the next split to whichever reader asks first, which balances uneven splits across readers. */
public final class QueueSplitEnumerator<SplitT extends SourceSplit> implements SplitEnumerator<SplitT> {
    private final Queue<SplitT> splits;

    public QueueSplitEnumerator(Collection<SplitT> splits) {
        this.splits = new ArrayDeque<>(splits);
    }

    @Override
    public Optional<SplitT> nextSplit(int subtask) {
        return Optional.ofNullable(splits.poll());
    }
}
