package io.weir.api.eventtime;

/** Emits nothing: event time advances only with the {@code MAX_WATERMARK} at the end of a bounded input. */
final class NoWatermarks<T> implements WatermarkGenerator<T> {
    @Override
    public void onEvent(T event, long eventTimestamp, WatermarkOutput output) {
    }

    @Override
    public void onPeriodicEmit(WatermarkOutput output) {
    }
}
