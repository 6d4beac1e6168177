package io.weir.api.functions;

import io.weir.api.common.OutputTag;

/** Processes each record with access to its timestamp and side outputs. */
public abstract class ProcessFunction<I, O> extends AbstractRichFunction {
    private static final long serialVersionUID = 1L;

    public abstract void processElement(I value, Context ctx, Collector<O> out) throws Exception;

    /**
     * Called when a timer fires. Timers need a keyed stream ({@code keyBy(...).process(...)}); on a stream that
     * is not keyed, overriding this method is an error when the job is built.
     */
    public void onTimer(long timestamp, OnTimerContext ctx, Collector<O> out) throws Exception {
    }

    /** What a {@link ProcessFunction} sees of the record being processed. */
    public abstract class Context {
        /** The record's event timestamp, or null if it has none. */
        public abstract Long timestamp();

        /** Emits to the side output named by {@code outputTag}. */
        public abstract <X> void output(OutputTag<X> outputTag, X value);

        /** Clocks, and timers when the stream is keyed (registering a timer otherwise fails). */
        public abstract TimerService timerService();
    }

    /** The context of {@link #onTimer}: which clock fired. */
    public abstract class OnTimerContext extends Context {
        public abstract TimeDomain timeDomain();
    }
}
