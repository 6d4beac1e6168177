package io.weir.runtime.operators;

import io.weir.api.common.OutputTag;
import io.weir.api.eventtime.TimestampAssigner;
import io.weir.api.functions.KeyedCoProcessFunction;
import io.weir.api.functions.TimerService;
import io.weir.runtime.state.KeyedStateBackend;

/** Runs a {@link KeyedCoProcessFunction}: two keyed inputs sharing one keyed state. */
public final class KeyedCoProcessOperator<K, I1, I2, O> implements StreamOperator<O> {
    private final KeyedCoProcessFunction<K, I1, I2, O> function;
    private Output<O> output;
    private KeyedStateBackend keyedState;
    private TimestampedCollector<O> collector;
    private UnsupportedTimerService timerService;
    private ContextImpl context;

    public KeyedCoProcessOperator(KeyedCoProcessFunction<K, I1, I2, O> function) {
        this.function = function;
    }

    @Override
    public void open(OperatorContext<O> ctx) throws Exception {
        output = ctx.output();
        keyedState = ctx.keyedStateBackend();
        collector = new TimestampedCollector<>(output);
        timerService = new UnsupportedTimerService(ctx.operatorName(), ctx.processingClock());
        context = new ContextImpl();
        UserFunctions.open(function, ctx.runtimeContext());
    }

    @Override
    public OperatorInput<?> input(int index) {
        OperatorInput<I1> first = (v, ts) -> {
            collector.timestamp = ts;
            function.processElement1(v, context, collector);
        };
        OperatorInput<I2> second = (v, ts) -> {
            collector.timestamp = ts;
            function.processElement2(v, context, collector);
        };
        return index == 0 ? first : second;
    }

    @Override
    public void processWatermark(long watermark, Output<O> out) {
        timerService.advanceWatermark(watermark);
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
            long ts = collector.timestamp;
            return ts == TimestampAssigner.NO_TIMESTAMP ? null : ts;
        }

        @Override
        @SuppressWarnings("unchecked")
        public K getCurrentKey() {
            return (K) keyedState.getCurrentKey();
        }

        @Override
        public <X> void output(OutputTag<X> outputTag, X value) {
            output.emitSide(outputTag, value, collector.timestamp);
        }

        @Override
        public TimerService timerService() {
            return timerService;
        }
    }
}
