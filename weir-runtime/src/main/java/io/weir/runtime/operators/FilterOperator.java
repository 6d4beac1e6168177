package io.weir.runtime.operators;

import io.weir.api.functions.FilterFunction;

/** Passes on the records a {@link FilterFunction} accepts. */
public final class FilterOperator<T> implements StreamOperator<T>, OperatorInput<T> {
    private final FilterFunction<T> function;
    private Output<T> output;

    public FilterOperator(FilterFunction<T> function) {
        this.function = function;
    }

    @Override
    public void open(OperatorContext<T> context) throws Exception {
        output = context.output();
        UserFunctions.open(function, context.runtimeContext());
    }

    @Override
    public OperatorInput<?> input(int index) {
        return this;
    }

    @Override
    public void processElement(T value, long timestamp) throws Exception {
        if (function.filter(value)) {
            output.emit(value, timestamp);
        }
    }

    @Override
    public void close() throws Exception {
        UserFunctions.close(function);
    }
}
