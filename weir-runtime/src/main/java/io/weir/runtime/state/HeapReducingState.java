package io.weir.runtime.state;

import io.weir.api.functions.ReduceFunction;
import io.weir.api.state.ReducingState;

final class HeapReducingState<T> implements ReducingState<T> {
    private final StateTable<T> table;
    private final ReduceFunction<T> reduceFunction;

    HeapReducingState(HeapKeyedStateBackend backend, ReduceFunction<T> reduceFunction) {
        this.table = new StateTable<>(backend);
        this.reduceFunction = reduceFunction;
    }

    @Override
    public T get() {
        return table.get();
    }

    @Override
    public void add(T value) throws Exception {
        T current = table.get();
        table.put(current == null ? value : reduceFunction.reduce(current, value));
    }

    @Override
    public void clear() {
        table.remove();
    }
}
