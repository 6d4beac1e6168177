package io.weir.api.functions;

import io.weir.api.common.OutputTag;

/** Processes two connected streams with timestamps and side outputs. */
public abstract class CoProcessFunction<I1, I2, O> extends AbstractRichFunction {
    private static final long serialVersionUID = 1L;

    public abstract void processElement1(I1 value, Context ctx, Collector<O> out) throws Exception;

    public abstract void processElement2(I2 value, Context ctx, Collector<O> out) throws Exception;

    /**
     * Called when a timer fires. Timers need keyed inputs ({@code connect(...).keyBy(...)}); on inputs that are
     * not keyed, overriding this method is an error when the job is built.
     */
    public void onTimer(long timestamp, OnTimerContext ctx, Collector<O> out) throws Exception {
    }

    /** What the function sees of the record being processed. */
    public abstract class Context {
        public abstract Long timestamp();

        public abstract <X> void output(OutputTag<X> outputTag, X value);

        /** Clocks, and timers when the stream is keyed (registering a timer otherwise fails). */
        public abstract TimerService timerService();
    }

    /** The context of {@link #onTimer}: which clock fired. */
    public abstract class OnTimerContext extends Context {
        public abstract TimeDomain timeDomain();
    }
}
