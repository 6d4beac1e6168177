package io.weir.api.connector.sink;

/**
 * Writes the records of one sink subtask, on its task thread. Call order: {@code write}*, then
 * {@code flush(true)} at the end of input, then {@code close()}. When the job fails or is cancelled,
 * {@code close()} is called without {@code flush(true)}: the writer must then discard what is not yet
 * committed, so that no half-written output is left behind.
 */
public interface SinkWriter<T> extends AutoCloseable {
    void write(T element, Context context) throws Exception;

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
