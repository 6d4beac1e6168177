package io.weir.runtime.operators.window;

import io.weir.api.windowing.windows.Window;
import io.weir.api.state.ValueState;
import io.weir.api.state.ValueStateDescriptor;
import io.weir.runtime.state.KeyedStateBackend;

import java.util.HashMap;

/**
 * A value per window of the current key, kept as one keyed value holding the key's windows: finding a window's
 * value costs one keyed-state lookup and one hash lookup, and the key's entry disappears with its last window.
 */
final class WindowSlots<W, V> {
    private final ValueState<HashMap<W, V>> state;

    @SuppressWarnings("unchecked")
    WindowSlots(KeyedStateBackend backend, String name) {
        Class<HashMap<W, V>> type = (Class<HashMap<W, V>>) (Class<?>) HashMap.class;
        this.state = backend.getOrCreateState(new ValueStateDescriptor<>(name, type));
    }

    V get(W window) throws Exception {
        HashMap<W, V> windows = state.value();
        return windows == null ? null : windows.get(window);
    }

    /** The current key's windows, created empty if it has none: for a caller about to add one. */
    HashMap<W, V> forWrite() throws Exception {
        HashMap<W, V> windows = state.value();
        if (windows == null) {
            windows = new HashMap<>(4);
            state.update(windows);
        }
        return windows;
    }

    void put(W window, V value) throws Exception {
        forWrite().put(window, value);
    }

    V remove(W window) throws Exception {
        HashMap<W, V> windows = state.value();
        if (windows == null) {
            return null;
        }
        V removed = windows.remove(window);
        if (windows.isEmpty()) {
            state.clear();
        }
        return removed;
    }

    /** The current key's windows; empty (and not to be modified) when it has none. */
    java.util.Map<W, V> all() throws Exception {
        HashMap<W, V> windows = state.value();
        return windows == null ? java.util.Map.of() : windows;
    }
}
