package io.weir.api.connector.source;

/** Where a reader emits records. */
public interface ReaderOutput<T> {
    void collect(T record);

    /** Emits a record with the timestamp the source knows (the stream's timestamp assigner may override it). */
    void collect(T record, long timestamp);
}
