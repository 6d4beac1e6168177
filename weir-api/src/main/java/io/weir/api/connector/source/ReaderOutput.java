package io.weir.api.connector.source;

/**
 * Where a reader emits records. Records collected here directly go through the reader's own watermark
 * generator. A reader that interleaves several streams whose timestamps advance independently (the splits
 * or partitions it reads) should emit each through its own output from {@link #createOutputForSplit}: each
 * then has its own generator, and the reader's watermark is the minimum over them, so a stream that lags
 * behind holds the watermark back instead of making its records late.
 *
 * <p>The reader's watermark is the minimum over its open split outputs that are not idle, and over this
 * output too once it has collected a record or while no split output is open. Used on the task thread only.
 */
public interface ReaderOutput<T> extends SourceOutput<T> {
    /**
     * The output for {@code splitId}, created with its own watermark generator on the first call; later calls
     * with the same id return the same output until it is released. A new output starts at the reader's
     * current watermark: it holds it there until its own watermark passes it, and its records below it are
     * late. So create the outputs of streams read side by side before emitting through any of them.
     */
    SourceOutput<T> createOutputForSplit(String splitId);

    /**
     * Releases the output of {@code splitId} (its split is finished): it no longer holds back the reader's
     * watermark. Releasing an id without an output does nothing.
     */
    void releaseOutputForSplit(String splitId);
}
