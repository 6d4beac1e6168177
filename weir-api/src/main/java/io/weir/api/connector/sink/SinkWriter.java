package io.weir.api.connector.sink;

import io.weir.api.eventtime.Watermark;

/**
 * Writes the records of one sink subtask, on its task thread. Call order: {@code write}* (with
 * {@code writeWatermark} between records as event time advances), then {@code flush(true)} at the end of
 * input, then {@code close()}. When the job fails or is cancelled, {@code close()} is called without
 * {@code flush(true)}: the writer must then discard what is not yet committed, so that no half-written output
 * is left behind. A writer whose output must appear only when the whole job succeeded is a
 * {@link CommittingSinkWriter} of a {@link SupportsCommitter} sink.
 */
public interface SinkWriter<T> extends AutoCloseable {
    void write(T element, Context context) throws Exception;

    /**
     * The sink's watermark advanced: no record with a timestamp at or below it follows (late records aside).
     * Watermarks only increase; at the end of a bounded input the last one is {@code MAX_WATERMARK}. In BATCH
     * that is the only one. Ignored by default.
     */
    default void writeWatermark(Watermark watermark) throws Exception {
    }

    /** Makes written records durable; {@code endOfInput} is true once, after the last record. */
    void flush(boolean endOfInput) throws Exception;

    @Override
    void close() throws Exception;

    /** What the writer knows of the record being written. */
    interface Context {
        /** The record's event timestamp, or null. */
        Long timestamp();
    }
}
