package io.weir.runtime.exchange;

import io.weir.runtime.time.WatermarkStatus;

/**
 * The producer side of one exchange from one producer subtask: records, watermarks and the end of the
 * partition go in; where they go (threads, files) is the implementation's business. Used by the producing
 * task's thread only.
 */
public interface PartitionWriter {
    void emit(Object value, long timestamp) throws Exception;

    /** Sends partly filled batches now (buffer timeout, or before blocking on input). */
    void flush() throws InterruptedException;

    /** True when records wait in partly filled batches. */
    boolean hasPending();

    void emitWatermark(long watermark) throws InterruptedException;

    /** The producer went idle or became active again (see {@link WatermarkStatus}). */
    void emitWatermarkStatus(WatermarkStatus status) throws InterruptedException;

    /** Flushes and ends every channel: the consumers see the end of this producer. */
    void finish() throws Exception;

    /** The producer failed or was cancelled: releases what it holds and discards output not yet published. */
    default void abort() {
    }
}
