package io.weir.api.connector.source;

import io.weir.api.eventtime.WatermarkOutput;

/**
 * Where a reader emits the records of one stream: the whole reader ({@link ReaderOutput}) or one split
 * ({@link ReaderOutput#createOutputForSplit}). Each output has its own watermark generator; a reader may also
 * emit watermarks or mark the output idle itself (e.g. a partition known to be empty).
 */
public interface SourceOutput<T> extends WatermarkOutput {
    /** Emits a record without a timestamp (the stream's timestamp assigner may give it one). */
    void collect(T record);

    /** Emits a record with the timestamp the source knows (the stream's timestamp assigner may override it). */
    void collect(T record, long timestamp);
}
