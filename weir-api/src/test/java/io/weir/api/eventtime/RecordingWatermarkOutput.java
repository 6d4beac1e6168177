package io.weir.api.eventtime;

import java.util.ArrayList;
import java.util.List;

/** Records what a generator emits: watermarks (as Long) and "idle"/"active", in order. */
final class RecordingWatermarkOutput implements WatermarkOutput {
    private final List<Object> events = new ArrayList<>();

    @Override
    public void emitWatermark(Watermark watermark) {
        events.add(watermark.timestamp());
    }

    @Override
    public void markIdle() {
        events.add("idle");
    }

    @Override
    public void markActive() {
        events.add("active");
    }

    List<Object> drain() {
        List<Object> copy = new ArrayList<>(events);
        events.clear();
        return copy;
    }
}
