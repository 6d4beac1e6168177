package io.weir.runtime.operators;

import io.weir.api.common.OutputTag;
import io.weir.api.functions.KeyedProcessFunction;
import io.weir.api.functions.TimerService;

/** Runs a {@link KeyedProcessFunction}; the runtime has set the current key before each record. */
public final class KeyedProcessOperator<K, I, O> implements StreamOperator<O>, OperatorInput<I> {
    private final KeyedProcessFunction<K, I, O> function;
    private ElementContext<O> element;
    private ContextImpl context;

    public KeyedProcessOperator(KeyedProcessFunction<K, I, O> function) {
        this.function = function;
    }

    @Override
    public void open(OperatorContext<O> ctx) throws Exception {
        element = new ElementContext<>(ctx, ctx.keyedStateBackend());
        context = new ContextImpl();
        UserFunctions.open(function, ctx.runtimeContext());
    }

    @Override
    public OperatorInput<?> input(int index) {
        return this;
    }

    @Override
    public void processElement(I value, long timestamp) throws Exception {
        function.processElement(value, context, element.forRecord(timestamp));
    }

    @Override
    public void processWatermark(long watermark, Output<O> out) {
        element.advanceWatermark(watermark);
        out.emitWatermark(watermark);
    }

    @Override
    public void close() throws Exception {
        UserFunctions.close(function);
    }

    private final class ContextImpl extends KeyedProcessFunction<K, I, O>.Context {
        ContextImpl() {
            function.super();
        }

        @Override
        public Long timestamp() {
            return element.timestamp();
        }

        @Override
        @SuppressWarnings("unchecked")
        public K getCurrentKey() {
            return (K) element.currentKey();
        }

        @Override
        public <X> void output(OutputTag<X> outputTag, X value) {
            element.output(outputTag, value);
        }

        @Override
        public TimerService timerService() {
            return element.timerService();
        }
    }
}
