package io.weir.runtime.operators;

import io.weir.api.common.OutputTag;
import io.weir.api.functions.KeyedProcessFunction;
import io.weir.api.functions.TimeDomain;
import io.weir.api.functions.TimerService;
import io.weir.runtime.time.InternalTimer;
import io.weir.runtime.time.Triggerable;
import io.weir.runtime.time.VoidNamespace;

/** Runs a {@link KeyedProcessFunction}; the runtime has set the current key before each record and timer. */
public final class KeyedProcessOperator<K, I, O>
        implements StreamOperator<O>, OperatorInput<I>, Triggerable<Object, VoidNamespace> {
    private final KeyedProcessFunction<K, I, O> function;
    private ElementContext<O> element;
    private ContextImpl context;
    private OnTimerContextImpl onTimerContext;

    public KeyedProcessOperator(KeyedProcessFunction<K, I, O> function) {
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
        return this;
    }

    @Override
    public void processElement(I value, long timestamp) throws Exception {
        function.processElement(value, context, element.forRecord(timestamp));
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

    private final class OnTimerContextImpl extends KeyedProcessFunction<K, I, O>.OnTimerContext {
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
