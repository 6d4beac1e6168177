package io.weir.runtime.testing;

import io.weir.runtime.time.WatermarkCombiner;
import io.weir.runtime.time.WatermarkStatus;

import java.util.ArrayList;
import java.util.List;

/** Records what a {@link WatermarkCombiner} reports: watermarks (as Long) and statuses, in order. */
public final class RecordingWatermarks implements WatermarkCombiner.Listener {
    private final List<Object> events = new ArrayList<>();

    @Override
    public void onWatermark(long watermark) {
        events.add(watermark);
    }

    @Override
    public void onStatus(WatermarkStatus status) {
        events.add(status);
    }

    /** What was reported since the last call, then forgets it. */
    public List<Object> drain() {
        List<Object> copy = new ArrayList<>(events);
        events.clear();
        return copy;
    }
}
