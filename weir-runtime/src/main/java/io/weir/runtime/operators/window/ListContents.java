package io.weir.runtime.operators.window;

import io.weir.api.windowing.windows.Window;
import io.weir.runtime.state.KeyedStateBackend;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.HashMap;

/** A window's records, all kept in arrival order, for a window function that sees every one. */
final class ListContents<IN, W extends Window> implements WindowContents<IN, W> {
    private final WindowSlots<W, ArrayList<IN>> slots;
    private final WindowResults<W> results;

    ListContents(KeyedStateBackend backend, WindowResults<W> results) {
        this.slots = new WindowSlots<>(backend, WindowStateNames.CONTENTS);
        this.results = results;
    }

    @Override
    public boolean add(W stateWindow, IN value, long timestamp) throws Exception {
        HashMap<W, ArrayList<IN>> windows = slots.forWrite();
        ArrayList<IN> records = windows.get(stateWindow);
        boolean created = records == null;
        if (created) {
            records = new ArrayList<>();
            windows.put(stateWindow, records);
        }
        records.add(value);
        return created;
    }

    @Override
    public void emit(W window, W stateWindow) throws Exception {
        ArrayList<IN> records = slots.get(stateWindow);
        if (records != null) {
            results.emitAll(Collections.unmodifiableList(records), window);
        }
    }

    @Override
    public void clear(W stateWindow) throws Exception {
        slots.remove(stateWindow);
    }

    /** One lookup: the contents are taken out, then emitted. */
    @Override
    public void emitAndClear(W window, W stateWindow) throws Exception {
        ArrayList<IN> removed = slots.remove(stateWindow);
        if (removed != null) {
            results.emitAll(Collections.unmodifiableList(removed), window);
        }
    }

    @Override
    public void merge(W target, Collection<W> sources) throws Exception {
        for (W source : sources) {
            ArrayList<IN> from = slots.remove(source);
            if (from == null) {
                continue;
            }
            ArrayList<IN> into = slots.get(target);
            if (into == null) {
                slots.put(target, from);
            } else {
                into.addAll(from);
            }
        }
    }
}
