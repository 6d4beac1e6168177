package io.weir.api.functions;

import io.weir.api.common.OutputTag;

/** A process function on a keyed stream: keyed state, the current key, side outputs. */
public abstract class KeyedProcessFunction<K, I, O> extends AbstractRichFunction {
    private static final long serialVersionUID = 1L;

    public abstract void processElement(I value, Context ctx, Collector<O> out) throws Exception;

    /**
     * Called when a timer registered through {@code ctx.timerService()} fires, with its key current. Event-time
     * timers fire when the watermark passes them (in BATCH: at the end of their key); processing-time timers on
     * the wall clock (in BATCH: at the end of their key, after the event-time ones).
     */
    public void onTimer(long timestamp, OnTimerContext ctx, Collector<O> out) throws Exception {
    }

    /** What a {@link KeyedProcessFunction} sees of the record being processed. */
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
