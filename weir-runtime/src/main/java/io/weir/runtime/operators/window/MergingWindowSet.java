package io.weir.runtime.operators.window;

import io.weir.api.windowing.windows.Window;
import io.weir.api.windowing.assigners.MergingWindowAssigner;
import io.weir.runtime.state.KeyedStateBackend;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

/**
 * The current key's windows for a merging (session) assigner, each with its <em>state window</em>: the window
 * under which its contents are kept. When windows merge, the result takes over the state window of one of them
 * and the contents of the others are folded into it, so contents move at most once per merge instead of being
 * re-keyed under every new result window. Kept in keyed state, so it is per key and lives as long as the key
 * has windows.
 */
final class MergingWindowSet<W extends Window> {
    private final MergingWindowAssigner<?, W> assigner;
    private final WindowSlots<W, W> stateWindows;

    MergingWindowSet(KeyedStateBackend backend, MergingWindowAssigner<?, W> assigner) {
        this.assigner = assigner;
        this.stateWindows = new WindowSlots<>(backend, WindowStateNames.MERGING_WINDOWS);
    }

    /** Told about each merge, before the set moves on. */
    @FunctionalInterface
    interface MergeFunction<W> {
        /**
         * @param result             the window that replaces {@code merged}
         * @param merged             the key's earlier windows that became {@code result}
         * @param stateWindow        where {@code result}'s contents are kept (one of {@code merged}'s)
         * @param mergedStateWindows the other state windows, whose contents must be folded into it
         */
        void merge(W result, Collection<W> merged, W stateWindow, Collection<W> mergedStateWindows) throws Exception;
    }

    /** The window under which {@code window}'s contents are kept, or null if the key has no such window. */
    W stateWindowOf(W window) throws Exception {
        return stateWindows.get(window);
    }

    /** Forgets {@code window} (it was cleaned up, or came in too late). */
    void retire(W window) throws Exception {
        stateWindows.remove(window);
    }

    /**
     * Adds a record's window: it merges with the key's windows as the assigner decides. Returns the window the
     * record belongs to now: {@code newWindow} itself, or the result of the merge that took it in.
     */
    W addWindow(W newWindow, MergeFunction<W> onMerge) throws Exception {
        if (stateWindows.get(newWindow) != null) {
            return newWindow;
        }
        List<W> windows = new ArrayList<>(stateWindows.all().keySet());
        windows.add(newWindow);
        List<Merge<W>> merges = new ArrayList<>();
        assigner.mergeWindows(windows, (toBeMerged, result) -> merges.add(new Merge<>(new ArrayList<>(toBeMerged), result)));
        W resultWindow = newWindow;
        boolean newWindowMerged = false;
        for (Merge<W> merge : merges) {
            List<W> merged = merge.windows();
            if (merged.remove(newWindow)) {
                newWindowMerged = true;
                resultWindow = merge.result();
            }
            if (merged.isEmpty()) {
                continue;
            }
            W stateWindow = stateWindows.get(merged.get(0));
            List<W> mergedStateWindows = new ArrayList<>();
            for (W window : merged) {
                W s = stateWindows.remove(window);
                if (s != null && !s.equals(stateWindow)) {
                    mergedStateWindows.add(s);
                }
            }
            stateWindows.put(merge.result(), stateWindow);
            // A new window inside an existing one changes nothing.
            if (!(merged.size() == 1 && merged.get(0).equals(merge.result()))) {
                onMerge.merge(merge.result(), merged, stateWindow, mergedStateWindows);
            }
        }
        if (!newWindowMerged) {
            stateWindows.put(newWindow, newWindow);
        }
        return resultWindow;
    }

    private record Merge<W>(List<W> windows, W result) {
    }
}
