package io.weir.runtime.operators;

import io.weir.api.common.OutputTag;
import io.weir.api.functions.KeyedCoProcessFunction;
import io.weir.api.functions.TimerService;

/** Runs a {@link KeyedCoProcessFunction}: two keyed inputs sharing one keyed state. */
public final class KeyedCoProcessOperator<K, I1, I2, O> implements StreamOperator<O> {
    private final KeyedCoProcessFunction<K, I1, I2, O> function;
    private ElementContext<O> element;
    private ContextImpl context;

    public KeyedCoProcessOperator(KeyedCoProcessFunction<K, I1, I2, O> function) {
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
        OperatorInput<I1> first = (v, ts) -> function.processElement1(v, context, element.forRecord(ts));
        OperatorInput<I2> second = (v, ts) -> function.processElement2(v, context, element.forRecord(ts));
        return index == 0 ? first : second;
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

    private final class ContextImpl extends KeyedCoProcessFunction<K, I1, I2, O>.Context {
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
