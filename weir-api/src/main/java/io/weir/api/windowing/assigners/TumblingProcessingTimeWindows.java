package io.weir.api.windowing.assigners;

import io.weir.api.windowing.DurationArgument;
import io.weir.api.windowing.triggers.ProcessingTimeTrigger;
import io.weir.api.windowing.triggers.Trigger;
import io.weir.api.windowing.windows.TimeWindow;

import java.time.Duration;
import java.util.Collection;
import java.util.List;

/**
 * Fixed-size, non-overlapping processing-time windows: each record goes into the one window that contains
 * the processing time when it arrives. Windows start at multiples of the size (from the epoch), shifted by an optional offset.
 */
public class TumblingProcessingTimeWindows extends WindowAssigner<Object, TimeWindow> {
    private static final long serialVersionUID = 1L;
    private final long size;
    private final long offset;

    protected TumblingProcessingTimeWindows(long size, long offset) {
        this.size = size;
        this.offset = offset;
    }

    /** Windows of length {@code size}, aligned to the epoch. */
    public static TumblingProcessingTimeWindows of(Duration size) {
        return of(size, Duration.ZERO);
    }

    /**
     * Windows of length {@code size} starting at {@code offset} past each multiple of {@code size}, e.g. hourly
     * windows at a quarter past with {@code of(Duration.ofHours(1), Duration.ofMinutes(15))}.
     */
    public static TumblingProcessingTimeWindows of(Duration size, Duration offset) {
        String method = "TumblingProcessingTimeWindows.of";
        long sizeMillis = DurationArgument.positiveMillis(method, "size", size);
        long offsetMillis = AssignerArguments.offset(method, DurationArgument.millis(method, "offset", offset),
                sizeMillis, "size");
        return new TumblingProcessingTimeWindows(sizeMillis, offsetMillis);
    }

    @Override
    public Collection<TimeWindow> assignWindows(Object element, long timestamp, WindowAssignerContext context) {
        long time = context.getCurrentProcessingTime();
        long start = TimeWindow.getWindowStartWithOffset(time, offset, size);
        return List.of(new TimeWindow(start, AssignerArguments.end(start, size, element)));
    }

    @Override
    public Trigger<Object, TimeWindow> getDefaultTrigger() {
        return ProcessingTimeTrigger.create();
    }

    @Override
    public boolean isEventTime() {
        return false;
    }

    public long getSize() {
        return size;
    }

    public long getOffset() {
        return offset;
    }

    @Override
    public String toString() {
        return "TumblingProcessingTimeWindows(" + size + (offset == 0 ? "" : ", offset " + offset) + ")";
    }
}
