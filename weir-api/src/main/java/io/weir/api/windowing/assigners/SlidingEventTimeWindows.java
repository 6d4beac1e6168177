package io.weir.api.windowing.assigners;

import io.weir.api.windowing.DurationArgument;
import io.weir.api.windowing.triggers.EventTimeTrigger;
import io.weir.api.windowing.triggers.Trigger;
import io.weir.api.windowing.windows.TimeWindow;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

/**
 * Fixed-size event-time windows that start every {@code slide}: a record goes into every window that contains
 * its event timestamp, {@code size / slide} of them when the slide divides the size.
 */
public class SlidingEventTimeWindows extends WindowAssigner<Object, TimeWindow> {
    private static final long serialVersionUID = 1L;
    private final long size;
    private final long slide;
    private final long offset;

    protected SlidingEventTimeWindows(long size, long slide, long offset) {
        this.size = size;
        this.slide = slide;
        this.offset = offset;
    }

    /** Windows of length {@code size} starting every {@code slide} (at most {@code size}), aligned to the epoch. */
    public static SlidingEventTimeWindows of(Duration size, Duration slide) {
        return of(size, slide, Duration.ZERO);
    }

    /** As {@link #of(Duration, Duration)}, with window starts shifted by {@code offset} (less than the slide). */
    public static SlidingEventTimeWindows of(Duration size, Duration slide, Duration offset) {
        String method = "SlidingEventTimeWindows.of";
        long sizeMillis = DurationArgument.positiveMillis(method, "size", size);
        long slideMillis = AssignerArguments.slide(method, sizeMillis,
                DurationArgument.positiveMillis(method, "slide", slide));
        long offsetMillis = AssignerArguments.offset(method, DurationArgument.millis(method, "offset", offset),
                slideMillis, "slide");
        return new SlidingEventTimeWindows(sizeMillis, slideMillis, offsetMillis);
    }

    @Override
    public Collection<TimeWindow> assignWindows(Object element, long timestamp, WindowAssignerContext context) {
        long time = AssignerArguments.eventTimestamp(element, timestamp, this);
        long lastStart = TimeWindow.getWindowStartWithOffset(time, offset, slide);
        List<TimeWindow> windows = new ArrayList<>((int) (size / slide) + 1);
        for (long start = lastStart; start > time - size; start -= slide) {
            windows.add(new TimeWindow(start, AssignerArguments.end(start, size, element)));
        }
        return windows;
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

    public long getSlide() {
        return slide;
    }

    public long getOffset() {
        return offset;
    }

    @Override
    public String toString() {
        return "SlidingEventTimeWindows(" + size + ", " + slide + (offset == 0 ? "" : ", offset " + offset) + ")";
    }
}
