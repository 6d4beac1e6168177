package io.weir.api.connector.source;

/**
 * Reads splits, one at a time, on the task thread of one source subtask. Call order:
 * {@code open}, then for each split {@code addSplit} and {@code pollNext} until it returns
 * {@link InputStatus#END_OF_SPLIT}, and {@code close} at the end (also on failure or cancel).
 */
public interface SourceReader<T, SplitT extends SourceSplit> extends AutoCloseable {
    default void open() throws Exception {
    }

    /** Starts reading {@code split}; the previous split, if any, is done. */
    void addSplit(SplitT split) throws Exception;

    /**
     * Emits some records of the current split, about a batch's worth at most so the task stays responsive
     * to cancellation, and says whether more follow.
     */
    InputStatus pollNext(ReaderOutput<T> output) throws Exception;

    @Override
    default void close() throws Exception {
    }
}
