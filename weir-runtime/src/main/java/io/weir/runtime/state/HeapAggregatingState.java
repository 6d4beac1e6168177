package io.weir.runtime.state;

import io.weir.api.functions.AggregateFunction;
import io.weir.api.state.AggregatingState;

final class HeapAggregatingState<IN, ACC, OUT> implements AggregatingState<IN, OUT> {
    private final StateTable<ACC> table;
    private final AggregateFunction<IN, ACC, OUT> function;

    HeapAggregatingState(HeapKeyedStateBackend backend, AggregateFunction<IN, ACC, OUT> function) {
        this.table = new StateTable<>(backend);
        this.function = function;
    }

    @Override
    public OUT get() {
        ACC acc = table.get();
        return acc == null ? null : function.getResult(acc);
    }

    @Override
    public void add(IN value) {
        ACC acc = table.get();
        table.put(function.add(value, acc == null ? function.createAccumulator() : acc));
    }

    @Override
    public void clear() {
        table.remove();
    }
}
