package io.weir.runtime.operators;

import io.weir.runtime.serialization.KeyedValue;

import io.weir.api.functions.ReduceFunction;

/**
 * A rolling aggregation in BATCH: its input is sorted by key, so it folds a key's records and emits one final
 * value when the key ends. That value carries the timestamp {@code Long.MAX_VALUE}, as in Flink: it is emitted
 * when the key's event time has ended (the watermark is at its maximum), not at any one record's time, and
 * this holds whether or not the input had timestamps.
 */
public final class BatchRollingReduceOperator<T> implements StreamOperator<T>, OperatorInput<Object>, KeyBoundaryListener {
    private final ReduceFunction<T> function;
    private final boolean inputIsPartials;
    private Output<T> output;
    private T current;

    /** {@code inputIsPartials}: the input comes from combiners, as {@link KeyedValue}s and uncombined records. */
    public BatchRollingReduceOperator(ReduceFunction<T> function, boolean inputIsPartials) {
        this.function = function;
        this.inputIsPartials = inputIsPartials;
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
    @SuppressWarnings("unchecked")
    public void processElement(Object input, long ts) throws Exception {
        // Behind a combiner: partials, and the records it let pass uncombined.
        T value = (T) (inputIsPartials && input instanceof KeyedValue partial ? partial.value() : input);
        current = current == null ? value : function.reduce(current, value);
        if (current == null) {
            throw new NullPointerException("The reduce function returned null");
        }
    }

    @Override
    public void endOfKey() {
        if (current != null) {
            output.emit(current, Long.MAX_VALUE);
            current = null;
        }
    }

    @Override
    public void close() throws Exception {
        UserFunctions.close(function);
    }
}
