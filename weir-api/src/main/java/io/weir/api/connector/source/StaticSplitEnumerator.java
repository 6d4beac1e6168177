package io.weir.api.connector.source;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Queue;

/** Split {@code i} goes to reader {@code i % parallelism}: for unbounded splits that never end, so none waits behind another. */
public final class StaticSplitEnumerator<SplitT extends SourceSplit> implements SplitEnumerator<SplitT> {
    private final List<Queue<SplitT>> perReader = new ArrayList<>();

    public StaticSplitEnumerator(List<SplitT> splits, int parallelism) {
        for (int i = 0; i < parallelism; i++) {
            perReader.add(new ArrayDeque<>());
        }
        for (int i = 0; i < splits.size(); i++) {
            perReader.get(i % parallelism).add(splits.get(i));
        }
    }

    @Override
    public Optional<SplitT> nextSplit(int subtask) {
        return Optional.ofNullable(perReader.get(subtask).poll());
    }
}
