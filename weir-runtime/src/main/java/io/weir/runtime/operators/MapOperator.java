package io.weir.runtime.operators;

import io.weir.api.functions.MapFunction;

/** Applies a {@link MapFunction}; the output keeps the input's timestamp. */
public final class MapOperator<I, O> implements StreamOperator<O>, OperatorInput<I> {
    private final MapFunction<I, O> function;
    private Output<O> output;

    public MapOperator(MapFunction<I, O> function) {
        this.function = function;
    }

    @Override
    public void open(OperatorContext<O> context) throws Exception {
        output = context.output();
        UserFunctions.open(function, context.runtimeContext());
    }

    @Override
    public OperatorInput<?> input(int index) {
        return this;
    }

    @Override
    public void processElement(I value, long timestamp) throws Exception {
        output.emit(function.map(value), timestamp);
    }

    @Override
    public void close() throws Exception {
        UserFunctions.close(function);
    }
}
