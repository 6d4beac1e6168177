package io.weir.runtime.operators.window;

import io.weir.api.windowing.windows.Window;
import io.weir.runtime.state.KeyedStateBackend;

import java.util.Collection;
import java.util.HashMap;

/**
 * A window's contents as an accumulator per state window of the current key, kept in keyed state
 * ({@link WindowSlots}) and folded by an {@link Accumulation}.
 */
final class AccumulatingContents<IN, A, W extends Window> implements WindowContents<IN, W> {
    private final WindowSlots<W, A> slots;
    private final Accumulation<IN, A> accumulation;
    private final WindowResults<W> results;

    AccumulatingContents(KeyedStateBackend backend, Accumulation<IN, A> accumulation, WindowResults<W> results) {
        this.slots = new WindowSlots<>(backend, WindowStateNames.CONTENTS);
        this.accumulation = accumulation;
        this.results = results;
    }

    @Override
    public boolean add(W stateWindow, IN value, long timestamp) throws Exception {
        HashMap<W, A> windows = slots.forWrite();
        A accumulator = windows.get(stateWindow);
        if (accumulator == null) {
            windows.put(stateWindow, accumulation.create(value));
            return true;
        }
        accumulation.add(accumulator, value);
        return false;
    }

    @Override
    public void emit(W window, W stateWindow) throws Exception {
        A accumulator = slots.get(stateWindow);
        if (accumulator != null) {
            accumulation.emit(accumulator, window, results);
        }
    }

    @Override
    public void clear(W stateWindow) throws Exception {
        slots.remove(stateWindow);
    }

    /** One lookup: the contents are taken out, then emitted. */
    @Override
    public void emitAndClear(W window, W stateWindow) throws Exception {
        A removed = slots.remove(stateWindow);
        if (removed != null) {
            accumulation.emit(removed, window, results);
        }
    }

    @Override
    public void merge(W target, Collection<W> sources) throws Exception {
        for (W source : sources) {
            A from = slots.remove(source);
            if (from == null) {
                continue;
            }
            A into = slots.get(target);
            if (into == null) {
                slots.put(target, from);
            } else {
                accumulation.merge(into, from);
            }
        }
    }
}
