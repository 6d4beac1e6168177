package io.weir.runtime.operators;

import io.weir.api.functions.FlatMapFunction;

/** Applies a {@link FlatMapFunction}; every output record keeps the input's timestamp. */
public final class FlatMapOperator<I, O> implements StreamOperator<O>, OperatorInput<I> {
    private final FlatMapFunction<I, O> function;
    private TimestampedCollector<O> collector;

    public FlatMapOperator(FlatMapFunction<I, O> function) {
        this.function = function;
    }

    @Override
    public void open(OperatorContext<O> context) throws Exception {
        collector = new TimestampedCollector<>(context.output());
        UserFunctions.open(function, context.runtimeContext());
    }

    @Override
    public OperatorInput<?> input(int index) {
        return this;
    }

    @Override
    public void processElement(I value, long timestamp) throws Exception {
        collector.timestamp = timestamp;
        function.flatMap(value, collector);
    }

    @Override
    public void close() throws Exception {
        UserFunctions.close(function);
    }
}
