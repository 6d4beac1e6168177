package io.weir.runtime.operators;

import io.weir.api.functions.CoMapFunction;

/** Applies a {@link CoMapFunction}: {@code map1} for input 0, {@code map2} for input 1. */
public final class CoMapOperator<I1, I2, O> implements StreamOperator<O> {
    private final CoMapFunction<I1, I2, O> function;
    private Output<O> output;

    public CoMapOperator(CoMapFunction<I1, I2, O> function) {
        this.function = function;
    }

    @Override
    public void open(OperatorContext<O> context) throws Exception {
        output = context.output();
        UserFunctions.open(function, context.runtimeContext());
    }

    @Override
    public OperatorInput<?> input(int index) {
        OperatorInput<I1> first = (v, ts) -> output.emit(function.map1(v), ts);
        OperatorInput<I2> second = (v, ts) -> output.emit(function.map2(v), ts);
        return index == 0 ? first : second;
    }

    @Override
    public void close() throws Exception {
        UserFunctions.close(function);
    }
}
