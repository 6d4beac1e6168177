package io.weir.runtime.operators.window;

import io.weir.api.windowing.windows.Window;
import io.weir.api.functions.ReduceFunction;
import io.weir.runtime.state.KeyedStateBackend;

import java.util.Collection;
import java.util.HashMap;

/** A window's records folded with a {@link ReduceFunction} as they arrive; the fold is the result. */
final class ReducingContents<IN, W extends Window> implements WindowContents<IN, W> {
    private final WindowSlots<W, Slot<IN>> slots;
    private final ReduceFunction<IN> reducer;
    private final WindowResults<W> results;

    ReducingContents(KeyedStateBackend backend, ReduceFunction<IN> reducer, WindowResults<W> results) {
        this.slots = new WindowSlots<>(backend, WindowStateNames.CONTENTS);
        this.reducer = reducer;
        this.results = results;
    }

    @Override
    public boolean add(W stateWindow, IN value, long timestamp) throws Exception {
        HashMap<W, Slot<IN>> windows = slots.forWrite();
        Slot<IN> slot = windows.get(stateWindow);
        if (slot == null) {
            windows.put(stateWindow, new Slot<>(value));
            return true;
        }
        slot.value = reducer.reduce(slot.value, value);
        return false;
    }

    @Override
    public void emit(W window, W stateWindow) throws Exception {
        Slot<IN> slot = slots.get(stateWindow);
        if (slot != null) {
            results.emitOne(slot.value, window);
        }
    }

    @Override
    public void clear(W stateWindow) throws Exception {
        slots.remove(stateWindow);
    }

    /** One lookup: the contents are taken out, then emitted. */
    @Override
    public void emitAndClear(W window, W stateWindow) throws Exception {
        Slot<IN> removed = slots.remove(stateWindow);
        if (removed != null) {
            results.emitOne(removed.value, window);
        }
    }

    @Override
    public void merge(W target, Collection<W> sources) throws Exception {
        for (W source : sources) {
            Slot<IN> from = slots.remove(source);
            if (from == null) {
                continue;
            }
            Slot<IN> into = slots.get(target);
            if (into == null) {
                slots.put(target, from);
            } else {
                into.value = reducer.reduce(into.value, from.value);
            }
        }
    }
}
