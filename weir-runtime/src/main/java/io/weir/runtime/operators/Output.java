package io.weir.runtime.operators;

import io.weir.api.common.OutputTag;
import io.weir.runtime.time.WatermarkStatus;

/**
 * Where an operator emits: to the chained operators that follow it and to the exchanges leaving its task.
 * A record is handed on by reference; the operator must not change it afterwards.
 */
public interface Output<T> {
    /** Emits a record with its event timestamp ({@code TimestampAssigner.NO_TIMESTAMP} when it has none). */
    void emit(T value, long timestamp);

    /** Emits to a side output; dropped when nothing consumes that side output. */
    <X> void emitSide(OutputTag<X> tag, X value, long timestamp);

    /** Emits the operator's watermark; one at or below the previous one is dropped. */
    void emitWatermark(long watermark);

    /** The operator's output went idle or became active again; a repeated status is dropped. */
    void emitWatermarkStatus(WatermarkStatus status);
}
