package io.weir.api.windowing.evictors;

import io.weir.api.windowing.DurationArgument;
import io.weir.api.windowing.windows.Window;

import java.time.Duration;
import java.util.Iterator;

/**
 * Keeps the records of a window whose event timestamps lie within {@code windowSize} of the newest one: a record
 * is evicted if its timestamp is at most {@code newest - windowSize}. Records without timestamps are never
 * evicted, and nothing is evicted when no record has one. Before the window function by default, or after it.
 */
public final class TimeEvictor<W extends Window> implements Evictor<Object, W> {
    private static final long serialVersionUID = 1L;
    private final long windowSize;
    private final boolean doEvictAfter;

    private TimeEvictor(long windowSize, boolean doEvictAfter) {
        this.windowSize = windowSize;
        this.doEvictAfter = doEvictAfter;
    }

    public static <W extends Window> TimeEvictor<W> of(Duration windowSize) {
        return of(windowSize, false);
    }

    public static <W extends Window> TimeEvictor<W> of(Duration windowSize, boolean doEvictAfter) {
        return new TimeEvictor<>(DurationArgument.positiveMillis("TimeEvictor.of", "windowSize", windowSize),
                doEvictAfter);
    }

    @Override
    public void evictBefore(Iterable<TimestampedValue<Object>> elements, int size, W window, EvictorContext ctx) {
        if (!doEvictAfter) {
            evict(elements);
        }
    }

    @Override
    public void evictAfter(Iterable<TimestampedValue<Object>> elements, int size, W window, EvictorContext ctx) {
        if (doEvictAfter) {
            evict(elements);
        }
    }

    private void evict(Iterable<TimestampedValue<Object>> elements) {
        long newest = Long.MIN_VALUE;
        boolean any = false;
        for (TimestampedValue<Object> e : elements) {
            if (e.hasTimestamp()) {
                newest = Math.max(newest, e.getTimestamp());
                any = true;
            }
        }
        if (!any) {
            return;
        }
        long cutoff = newest - windowSize;
        for (Iterator<TimestampedValue<Object>> it = elements.iterator(); it.hasNext(); ) {
            TimestampedValue<Object> e = it.next();
            if (e.hasTimestamp() && e.getTimestamp() <= cutoff) {
                it.remove();
            }
        }
    }

    public long getWindowSize() {
        return windowSize;
    }

    @Override
    public String toString() {
        return "TimeEvictor(" + windowSize + (doEvictAfter ? ", after" : "") + ")";
    }
}
