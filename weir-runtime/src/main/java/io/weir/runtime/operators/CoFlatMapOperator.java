package io.weir.runtime.operators;

import io.weir.api.functions.CoFlatMapFunction;

/** Applies a {@link CoFlatMapFunction}: {@code flatMap1} for input 0, {@code flatMap2} for input 1. */
public final class CoFlatMapOperator<I1, I2, O> implements StreamOperator<O> {
    private final CoFlatMapFunction<I1, I2, O> function;
    private TimestampedCollector<O> collector;

    public CoFlatMapOperator(CoFlatMapFunction<I1, I2, O> function) {
        this.function = function;
    }

    @Override
    public void open(OperatorContext<O> context) throws Exception {
        collector = new TimestampedCollector<>(context.output());
        UserFunctions.open(function, context.runtimeContext());
    }

    @Override
    public OperatorInput<?> input(int index) {
        OperatorInput<I1> first = (v, ts) -> {
            collector.timestamp = ts;
            function.flatMap1(v, collector);
        };
        OperatorInput<I2> second = (v, ts) -> {
            collector.timestamp = ts;
            function.flatMap2(v, collector);
        };
        return index == 0 ? first : second;
    }

    @Override
    public void close() throws Exception {
        UserFunctions.close(function);
    }
}
