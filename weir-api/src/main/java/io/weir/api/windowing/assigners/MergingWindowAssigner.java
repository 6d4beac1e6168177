package io.weir.api.windowing.assigners;

import io.weir.api.windowing.windows.Window;

import java.util.Collection;

/**
 * An assigner whose windows grow together (session windows): when a record's window overlaps windows the key
 * already has, they become one window, and their contents, trigger state and timers move to it.
 */
public abstract class MergingWindowAssigner<T, W extends Window> extends WindowAssigner<T, W> {
    private static final long serialVersionUID = 1L;

    /**
     * Decides which of {@code windows} (a key's current windows and a new one) become one, and reports each
     * such group of two or more to {@code callback} with the window that replaces it.
     */
    public abstract void mergeWindows(Collection<W> windows, MergeCallback<W> callback);

    /** Told about each merge. */
    @FunctionalInterface
    public interface MergeCallback<W> {
        void merge(Collection<W> toBeMerged, W mergeResult);
    }
}
