package io.weir.runtime.operators.window;

import io.weir.api.windowing.windows.Window;
import java.util.Collection;

/**
 * What a window keeps of its records until it fires, per key and state window: the records themselves, or
 * their pre-aggregate. A firing computes the window's result from it and hands it to {@link WindowResults}.
 * Called on the task thread with the window's key current.
 */
interface WindowContents<IN, W extends Window> {
    /**
     * Adds a record to {@code stateWindow}.
     *
     * @return whether the window had no contents before (it was created, or purged since)
     */
    boolean add(W stateWindow, IN value, long timestamp) throws Exception;

    /**
     * Emits the result of {@code window}, whose contents are kept under {@code stateWindow}; nothing if it has
     * none.
     */
    void emit(W window, W stateWindow) throws Exception;

    /** Drops the contents of {@code stateWindow}. */
    void clear(W stateWindow) throws Exception;

    /** {@link #emit} then {@link #clear}: the window's last firing, at its cleanup time. */
    default void emitAndClear(W window, W stateWindow) throws Exception {
        emit(window, stateWindow);
        clear(stateWindow);
    }

    /** Folds the contents of {@code sources} into {@code target} and drops theirs (session windows merged). */
    void merge(W target, Collection<W> sources) throws Exception;
}
