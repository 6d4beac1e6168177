package io.weir.api.functions;

/** Receives the records a function emits. */
public interface Collector<T> {
    void collect(T record);

    /** Nothing to do for most collectors; present for Flink compatibility. */
    default void close() {
    }
}
