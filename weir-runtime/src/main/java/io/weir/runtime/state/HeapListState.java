package io.weir.runtime.state;

import io.weir.api.state.ListState;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

final class HeapListState<T> implements ListState<T> {
    private final StateTable<ArrayList<T>> table;

    HeapListState(HeapKeyedStateBackend backend) {
        this.table = new StateTable<>(backend);
    }

    @Override
    public Iterable<T> get() {
        ArrayList<T> list = table.get();
        return list == null ? List.of() : Collections.unmodifiableList(list);
    }

    @Override
    public void add(T value) {
        if (value == null) {
            throw new NullPointerException("ListState.add: null values are not allowed");
        }
        ArrayList<T> list = table.get();
        if (list == null) {
            list = new ArrayList<>();
            table.put(list);
        }
        list.add(value);
    }

    @Override
    public void addAll(List<T> values) {
        for (T v : values) {
            add(v);
        }
    }

    @Override
    public void update(List<T> values) {
        if (values == null || values.isEmpty()) {
            table.remove();
            return;
        }
        ArrayList<T> copy = new ArrayList<>(values.size());
        for (T v : values) {
            if (v == null) {
                throw new NullPointerException("ListState.update: null values are not allowed");
            }
            copy.add(v);
        }
        table.put(copy);
    }

    @Override
    public void clear() {
        table.remove();
    }
}
