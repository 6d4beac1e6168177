package io.weir.api.windowing.windows;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.function.BiConsumer;

/** The half-open interval of event or processing time {@code [start, end)}, in milliseconds. */
public final class TimeWindow extends Window {
    private static final long serialVersionUID = 1L;
    private final long start;
    private final long end;

    public TimeWindow(long start, long end) {
        if (end <= start) {
            throw new IllegalArgumentException("A time window must end after it starts, but was [" + start + ", "
                    + end + ")");
        }
        this.start = start;
        this.end = end;
    }

    /** The first millisecond in the window. */
    public long getStart() {
        return start;
    }

    /** The first millisecond after the window. */
    public long getEnd() {
        return end;
    }

    /** {@code end - 1}: the last millisecond in the window. */
    @Override
    public long maxTimestamp() {
        return end - 1;
    }

    /** Whether the two windows overlap or touch: session windows that do are merged into one. */
    public boolean intersects(TimeWindow other) {
        return start <= other.end && end >= other.start;
    }

    /** The smallest window that contains both. */
    public TimeWindow cover(TimeWindow other) {
        return new TimeWindow(Math.min(start, other.start), Math.max(end, other.end));
    }

    /**
     * The start of the window of length {@code windowSize} that contains {@code timestamp}, where windows start
     * at multiples of {@code windowSize} shifted by {@code offset} (also for negative timestamps).
     */
    public static long getWindowStartWithOffset(long timestamp, long offset, long windowSize) {
        return timestamp - Math.floorMod(timestamp - offset, windowSize);
    }

    /**
     * Merges overlapping or touching windows: calls {@code callback} with each group of two or more windows and
     * the window covering them. Windows that merge with nothing are not reported.
     */
    public static void mergeWindows(Collection<TimeWindow> windows,
                                    BiConsumer<Collection<TimeWindow>, TimeWindow> callback) {
        List<TimeWindow> sorted = new ArrayList<>(windows);
        sorted.sort((a, b) -> Long.compare(a.start, b.start));
        List<TimeWindow> group = new ArrayList<>();
        TimeWindow cover = null;
        for (TimeWindow w : sorted) {
            if (cover != null && cover.intersects(w)) {
                cover = cover.cover(w);
                group.add(w);
                continue;
            }
            if (group.size() > 1) {
                callback.accept(group, cover);
            }
            group = new ArrayList<>();
            group.add(w);
            cover = w;
        }
        if (group.size() > 1) {
            callback.accept(group, cover);
        }
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof TimeWindow w && w.start == start && w.end == end;
    }

    @Override
    public int hashCode() {
        return Long.hashCode(start * 31 + end);
    }

    @Override
    public String toString() {
        return "TimeWindow{start=" + start + ", end=" + end + '}';
    }
}
