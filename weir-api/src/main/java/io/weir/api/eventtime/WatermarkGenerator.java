package io.weir.api.eventtime;

/** Generates watermarks from the records seen ({@link #onEvent}) and periodically ({@link #onPeriodicEmit}). */
public interface WatermarkGenerator<T> {
    void onEvent(T event, long eventTimestamp, WatermarkOutput output);

    /** Called every {@code pipeline.auto-watermark-interval}. */
    void onPeriodicEmit(WatermarkOutput output);
}
