package io.weir.runtime.operators;

import io.weir.api.common.OutputTag;
import io.weir.api.functions.KeyedCoProcessFunction;
import io.weir.api.functions.TimeDomain;
import io.weir.api.functions.TimerService;
import io.weir.runtime.time.InternalTimer;
import io.weir.runtime.time.Triggerable;
import io.weir.runtime.time.VoidNamespace;

/** Runs a {@link KeyedCoProcessFunction}: two keyed inputs sharing one keyed state and one set of timers. */
public final class KeyedCoProcessOperator<K, I1, I2, O>
        implements StreamOperator<O>, Triggerable<Object, VoidNamespace> {
    private final KeyedCoProcessFunction<K, I1, I2, O> function;
    private ElementContext<O> element;
    private ContextImpl context;
    private OnTimerContextImpl onTimerContext;

    public KeyedCoProcessOperator(KeyedCoProcessFunction<K, I1, I2, O> function) {
        this.function = function;
    }

    @Override
    public void open(OperatorContext<O> ctx) throws Exception {
        element = new ElementContext<>(ctx, ctx.keyedStateBackend(), this);
        context = new ContextImpl();
        onTimerContext = new OnTimerContextImpl();
        UserFunctions.open(function, ctx.runtimeContext());
    }

    @Override
    public OperatorInput<?> input(int index) {
        OperatorInput<I1> first = (v, ts) -> function.processElement1(v, context, element.forRecord(ts));
        OperatorInput<I2> second = (v, ts) -> function.processElement2(v, context, element.forRecord(ts));
        return index == 0 ? first : second;
    }

    @Override
    public void onEventTime(InternalTimer<Object, VoidNamespace> timer) throws Exception {
        function.onTimer(timer.timestamp(), onTimerContext, element.forTimer(timer, TimeDomain.EVENT_TIME));
    }

    @Override
    public void onProcessingTime(InternalTimer<Object, VoidNamespace> timer) throws Exception {
        function.onTimer(timer.timestamp(), onTimerContext, element.forTimer(timer, TimeDomain.PROCESSING_TIME));
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

    private final class OnTimerContextImpl extends KeyedCoProcessFunction<K, I1, I2, O>.OnTimerContext {
        OnTimerContextImpl() {
            function.super();
        }

        @Override
        public TimeDomain timeDomain() {
            return element.timeDomain();
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
