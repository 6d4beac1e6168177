package io.weir.runtime.operators.window;

import io.weir.api.windowing.windows.Window;
import io.weir.api.functions.AggregateFunction;
import io.weir.runtime.state.KeyedStateBackend;

import java.util.Collection;
import java.util.HashMap;

/** A window's records added to an {@link AggregateFunction}'s accumulator as they arrive; its result is emitted. */
final class AggregatingContents<IN, ACC, W extends Window> implements WindowContents<IN, W> {
    private final WindowSlots<W, Slot<ACC>> slots;
    private final AggregateFunction<IN, ACC, ?> function;
    private final WindowResults<W> results;

    AggregatingContents(KeyedStateBackend backend, AggregateFunction<IN, ACC, ?> function, WindowResults<W> results) {
        this.slots = new WindowSlots<>(backend, WindowStateNames.CONTENTS);
        this.function = function;
        this.results = results;
    }

    @Override
    public boolean add(W stateWindow, IN value, long timestamp) throws Exception {
        HashMap<W, Slot<ACC>> windows = slots.forWrite();
        Slot<ACC> slot = windows.get(stateWindow);
        if (slot == null) {
            windows.put(stateWindow, new Slot<>(function.add(value, function.createAccumulator())));
            return true;
        }
        slot.value = function.add(value, slot.value);
        return false;
    }

    @Override
    public void emit(W window, W stateWindow) throws Exception {
        Slot<ACC> slot = slots.get(stateWindow);
        if (slot != null) {
            results.emitOne(function.getResult(slot.value), window);
        }
    }

    @Override
    public void clear(W stateWindow) throws Exception {
        slots.remove(stateWindow);
    }

    /** One lookup: the contents are taken out, then emitted. */
    @Override
    public void emitAndClear(W window, W stateWindow) throws Exception {
        Slot<ACC> removed = slots.remove(stateWindow);
        if (removed != null) {
            results.emitOne(function.getResult(removed.value), window);
        }
    }

    @Override
    public void merge(W target, Collection<W> sources) throws Exception {
        for (W source : sources) {
            Slot<ACC> from = slots.remove(source);
            if (from == null) {
                continue;
            }
            Slot<ACC> into = slots.get(target);
            if (into == null) {
                slots.put(target, from);
            } else {
                into.value = function.merge(into.value, from.value);
            }
        }
    }
}
