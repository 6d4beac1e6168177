package io.weir.api.windowing.assigners;

import io.weir.api.windowing.DurationArgument;
import io.weir.api.windowing.triggers.EventTimeTrigger;
import io.weir.api.windowing.triggers.Trigger;
import io.weir.api.windowing.windows.TimeWindow;

import java.time.Duration;
import java.util.Collection;
import java.util.List;

/**
 * Fixed-size, non-overlapping event-time windows: each record goes into the one window that contains
 * its event timestamp. Windows start at multiples of the size (from the epoch), shifted by an optional offset.
 */
public class TumblingEventTimeWindows extends WindowAssigner<Object, TimeWindow> {
    private static final long serialVersionUID = 1L;
    private final long size;
    private final long offset;

    protected TumblingEventTimeWindows(long size, long offset) {
        this.size = size;
        this.offset = offset;
    }

    /** Windows of length {@code size}, aligned to the epoch. */
    public static TumblingEventTimeWindows of(Duration size) {
        return of(size, Duration.ZERO);
    }

    /**
     * Windows of length {@code size} starting at {@code offset} past each multiple of {@code size}, e.g. hourly
     * windows at a quarter past with {@code of(Duration.ofHours(1), Duration.ofMinutes(15))}.
     */
    public static TumblingEventTimeWindows of(Duration size, Duration offset) {
        String method = "TumblingEventTimeWindows.of";
        long sizeMillis = DurationArgument.positiveMillis(method, "size", size);
        long offsetMillis = AssignerArguments.offset(method, DurationArgument.millis(method, "offset", offset),
                sizeMillis, "size");
        return new TumblingEventTimeWindows(sizeMillis, offsetMillis);
    }

    @Override
    public Collection<TimeWindow> assignWindows(Object element, long timestamp, WindowAssignerContext context) {
        long time = AssignerArguments.eventTimestamp(element, timestamp, this);
        long start = TimeWindow.getWindowStartWithOffset(time, offset, size);
        return List.of(new TimeWindow(start, AssignerArguments.end(start, size, element)));
    }

    @Override
    public Trigger<Object, TimeWindow> getDefaultTrigger() {
        return EventTimeTrigger.create();
    }

    @Override
    public boolean isEventTime() {
        return true;
    }

    public long getSize() {
        return size;
    }

    public long getOffset() {
        return offset;
    }

    @Override
    public String toString() {
        return "TumblingEventTimeWindows(" + size + (offset == 0 ? "" : ", offset " + offset) + ")";
    }
}
