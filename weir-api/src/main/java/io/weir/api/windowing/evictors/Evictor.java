package io.weir.api.windowing.evictors;

import io.weir.api.windowing.windows.Window;

import java.io.Serializable;

/**
 * Removes records from a window's contents when it fires: before the window function sees them, after, or both.
 * Removal is through the iterator of {@code elements} ({@code Iterator.remove()}); what remains is the window's
 * contents from then on. A window with an evictor keeps every record, even with {@code reduce} or
 * {@code aggregate}, which then run over the remaining records at each firing.
 */
public interface Evictor<T, W extends Window> extends Serializable {

    /** Called when the window fires, before the window function; {@code size} is the number of elements. */
    void evictBefore(Iterable<TimestampedValue<T>> elements, int size, W window, EvictorContext evictorContext);

    /** Called after the window function emitted its result. */
    void evictAfter(Iterable<TimestampedValue<T>> elements, int size, W window, EvictorContext evictorContext);

    /** What an evictor can see of time. */
    interface EvictorContext {
        long getCurrentProcessingTime();

        long getCurrentWatermark();
    }
}
