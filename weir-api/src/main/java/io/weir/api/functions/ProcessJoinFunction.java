package io.weir.api.functions;

import io.weir.api.common.OutputTag;

/**
 * Called by an interval join ({@code keyedA.intervalJoin(keyedB).between(lower, upper).process(...)}) once per
 * matching pair: a left record and a right record of the same key whose timestamps satisfy
 * {@code left + lower <= right <= left + upper}. What it emits carries the later of the two timestamps.
 */
public abstract class ProcessJoinFunction<IN1, IN2, OUT> extends AbstractRichFunction {
    private static final long serialVersionUID = 1L;

    public abstract void processElement(IN1 left, IN2 right, Context ctx, Collector<OUT> out) throws Exception;

    /** What the function sees of the pair being joined. */
    public abstract class Context {
        public abstract long getLeftTimestamp();

        public abstract long getRightTimestamp();

        /** The timestamp of what the function emits: the later of the two records' timestamps. */
        public abstract long getTimestamp();

        /** Emits to a side output, with {@link #getTimestamp()}. */
        public abstract <X> void output(OutputTag<X> outputTag, X value);
    }
}
