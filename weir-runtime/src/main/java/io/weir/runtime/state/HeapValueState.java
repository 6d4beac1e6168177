package io.weir.runtime.state;

import io.weir.api.state.ValueState;

final class HeapValueState<T> implements ValueState<T> {
    private final StateTable<T> table;
    private final T defaultValue;

    HeapValueState(HeapKeyedStateBackend backend, T defaultValue) {
        this.table = new StateTable<>(backend);
        this.defaultValue = defaultValue;
    }

    @Override
    public T value() {
        T v = table.get();
        return v == null ? defaultValue : v;
    }

    @Override
    public void update(T value) {
        if (value == null) {
            table.remove();
        } else {
            table.put(value);
        }
    }

    @Override
    public void clear() {
        table.remove();
    }
}
