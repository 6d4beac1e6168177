package io.weir.runtime.state;

import io.weir.api.state.MapState;

import java.util.Collections;
import java.util.HashMap;
import java.util.Map;

final class HeapMapState<UK, UV> implements MapState<UK, UV> {
    private final StateTable<HashMap<UK, UV>> table;

    HeapMapState(HeapKeyedStateBackend backend) {
        this.table = new StateTable<>(backend);
    }

    private Map<UK, UV> read() {
        HashMap<UK, UV> map = table.get();
        return map == null ? Map.of() : map;
    }

    private HashMap<UK, UV> write() {
        HashMap<UK, UV> map = table.get();
        if (map == null) {
            map = new HashMap<>();
            table.put(map);
        }
        return map;
    }

    @Override
    public UV get(UK key) {
        return read().get(key);
    }

    @Override
    public void put(UK key, UV value) {
        write().put(key, value);
    }

    @Override
    public void putAll(Map<UK, UV> map) {
        write().putAll(map);
    }

    @Override
    public void remove(UK key) {
        HashMap<UK, UV> map = table.get();
        if (map != null) {
            map.remove(key);
            if (map.isEmpty()) {
                table.remove();
            }
        }
    }

    @Override
    public boolean contains(UK key) {
        return read().containsKey(key);
    }

    @Override
    public Iterable<Map.Entry<UK, UV>> entries() {
        return Collections.unmodifiableMap(read()).entrySet();
    }

    @Override
    public Iterable<UK> keys() {
        return Collections.unmodifiableMap(read()).keySet();
    }

    @Override
    public Iterable<UV> values() {
        return Collections.unmodifiableMap(read()).values();
    }

    @Override
    public boolean isEmpty() {
        return read().isEmpty();
    }

    @Override
    public void clear() {
        table.remove();
    }
}
