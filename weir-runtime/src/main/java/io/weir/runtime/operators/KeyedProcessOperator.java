package io.weir.runtime.operators;

import io.weir.api.common.OutputTag;
import io.weir.api.eventtime.TimestampAssigner;
import io.weir.api.functions.KeyedProcessFunction;
import io.weir.api.functions.TimerService;
import io.weir.runtime.state.KeyedStateBackend;

/** Runs a {@link KeyedProcessFunction}; the runtime has set the current key before each record. */
public final class KeyedProcessOperator<K, I, O> implements StreamOperator<O>, OperatorInput<I> {
    private final KeyedProcessFunction<K, I, O> function;
    private Output<O> output;
    private KeyedStateBackend keyedState;
    private TimestampedCollector<O> collector;
    private UnsupportedTimerService timerService;
    private ContextImpl context;

    public KeyedProcessOperator(KeyedProcessFunction<K, I, O> function) {
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
        return this;
    }

    @Override
    public void processElement(I value, long timestamp) throws Exception {
        collector.timestamp = timestamp;
        function.processElement(value, context, collector);
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

    private final class ContextImpl extends KeyedProcessFunction<K, I, O>.Context {
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
