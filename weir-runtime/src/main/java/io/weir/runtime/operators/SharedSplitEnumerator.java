package io.weir.runtime.operators;

import io.weir.api.connector.source.SourceSplit;
import io.weir.api.connector.source.SplitEnumerator;

import java.util.Optional;

/** One enumerator per source and job, shared by its reader subtasks; calls are serialised here. */
public final class SharedSplitEnumerator<S extends SourceSplit> {
    private final SplitEnumerator<S> enumerator;

    public SharedSplitEnumerator(SplitEnumerator<S> enumerator) {
        this.enumerator = enumerator;
    }

    public synchronized Optional<S> nextSplit(int subtask) {
        return enumerator.nextSplit(subtask);
    }
}
