package io.weir.api.connector.source;

import java.util.Optional;

/**
 * Hands out a source's splits to its readers. The runtime serialises calls, so an enumerator need not be
 * thread-safe.
 */
public interface SplitEnumerator<SplitT extends SourceSplit> {
    /**
     * The next split for reader {@code subtask}, or empty when that reader has no more work. For a bounded
     * source, empty ends that reader's input.
     */
    Optional<SplitT> nextSplit(int subtask);
}
