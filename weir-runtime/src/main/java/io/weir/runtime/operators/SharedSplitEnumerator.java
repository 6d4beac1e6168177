package io.weir.runtime.operators;

import io.weir.api.connector.source.SourceSplit;
import io.weir.api.connector.source.SplitEnumerator;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * One enumerator per source and job, shared by its reader subtasks; calls are serialised here. It remembers
 * which splits each subtask was given, so that a retried attempt of a subtask (BATCH recovery) reads exactly
 * the same splits again before it gets new ones.
 */
public final class SharedSplitEnumerator<S extends SourceSplit> {
    private final SplitEnumerator<S> enumerator;
    private final Map<Integer, List<S>> assigned = new HashMap<>();
    private final Map<Integer, Integer> replayed = new HashMap<>();

    public SharedSplitEnumerator(SplitEnumerator<S> enumerator) {
        this.enumerator = enumerator;
    }

    /** A new attempt of {@code subtask} starts: it first gets the splits its earlier attempts were given. */
    public synchronized void restartSubtask(int subtask) {
        replayed.put(subtask, 0);
    }

    public synchronized Optional<S> nextSplit(int subtask) {
        List<S> mine = assigned.computeIfAbsent(subtask, s -> new ArrayList<>());
        int cursor = replayed.getOrDefault(subtask, mine.size());
        if (cursor < mine.size()) {
            replayed.put(subtask, cursor + 1);
            return Optional.of(mine.get(cursor));
        }
        Optional<S> next = enumerator.nextSplit(subtask);
        next.ifPresent(split -> {
            mine.add(split);
            replayed.put(subtask, mine.size());
        });
        return next;
    }
}
