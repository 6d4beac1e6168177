package io.weir.runtime.state;

import java.util.HashMap;

/** One state's values: a map per key group, keyed by the user's key. Maps are created on first write. */
final class StateTable<V> {
    private final HeapKeyedStateBackend backend;
    private final HashMap<Object, V>[] byKeyGroup;

    @SuppressWarnings("unchecked")
    StateTable(HeapKeyedStateBackend backend) {
        this.backend = backend;
        this.byKeyGroup = new HashMap[backend.numberOfKeyGroups()];
        backend.register(this);
    }

    void clear() {
        for (HashMap<Object, V> map : byKeyGroup) {
            if (map != null) {
                map.clear();
            }
        }
    }

    V get() {
        HashMap<Object, V> map = byKeyGroup[backend.currentKeyGroupIndex()];
        return map == null ? null : map.get(backend.getCurrentKey());
    }

    void put(V value) {
        int kg = backend.currentKeyGroupIndex();
        HashMap<Object, V> map = byKeyGroup[kg];
        if (map == null) {
            map = new HashMap<>();
            byKeyGroup[kg] = map;
        }
        map.put(backend.getCurrentKey(), value);
    }

    void remove() {
        HashMap<Object, V> map = byKeyGroup[backend.currentKeyGroupIndex()];
        if (map != null) {
            map.remove(backend.getCurrentKey());
        }
    }
}
