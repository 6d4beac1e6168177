package io.weir.api.functions;

import io.weir.api.common.OutputTag;

/** Processes two keyed streams connected on the same key: shared keyed state, the current key. */
public abstract class KeyedCoProcessFunction<K, I1, I2, O> extends AbstractRichFunction {
    private static final long serialVersionUID = 1L;

    public abstract void processElement1(I1 value, Context ctx, Collector<O> out) throws Exception;

    public abstract void processElement2(I2 value, Context ctx, Collector<O> out) throws Exception;

    public void onTimer(long timestamp, OnTimerContext ctx, Collector<O> out) throws Exception {
    }

    /** What the function sees of the record being processed. */
    public abstract class Context {
        public abstract Long timestamp();

        public abstract K getCurrentKey();

        public abstract <X> void output(OutputTag<X> outputTag, X value);

        public abstract TimerService timerService();
    }

    /** The context of {@link #onTimer}. */
    public abstract class OnTimerContext extends Context {
        public abstract TimeDomain timeDomain();
    }
}
