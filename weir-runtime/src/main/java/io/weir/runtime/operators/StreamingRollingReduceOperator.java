package io.weir.runtime.operators;

import io.weir.api.functions.ReduceFunction;
import io.weir.api.state.ValueState;
import io.weir.api.state.ValueStateDescriptor;

/**
 * A rolling aggregation in STREAMING: folds each record into its key's value and emits the updated value,
 * one output per input (the latest output per key is the key's current result).
 */
public final class StreamingRollingReduceOperator<T> implements StreamOperator<T>, OperatorInput<T> {
    private static final String STATE_NAME = "_weir_rolling_value";
    private final ReduceFunction<T> function;
    private Output<T> output;
    private ValueState<T> current;

    public StreamingRollingReduceOperator(ReduceFunction<T> function) {
        this.function = function;
    }

    @Override
    @SuppressWarnings("unchecked")
    public void open(OperatorContext<T> context) throws Exception {
        output = context.output();
        current = context.keyedStateBackend().getOrCreateState(
                new ValueStateDescriptor<>(STATE_NAME, (Class<T>) Object.class));
        UserFunctions.open(function, context.runtimeContext());
    }

    @Override
    public OperatorInput<?> input(int index) {
        return this;
    }

    @Override
    public void processElement(T value, long timestamp) throws Exception {
        T previous = current.value();
        T updated = previous == null ? value : function.reduce(previous, value);
        if (updated == null) {
            throw new NullPointerException("The reduce function returned null");
        }
        current.update(updated);
        output.emit(updated, timestamp);
    }

    @Override
    public void close() throws Exception {
        UserFunctions.close(function);
    }
}
