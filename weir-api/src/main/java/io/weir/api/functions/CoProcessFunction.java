package io.weir.api.functions;

import io.weir.api.common.OutputTag;

/** Processes two connected streams with timestamps and side outputs. */
public abstract class CoProcessFunction<I1, I2, O> extends AbstractRichFunction {

    public abstract void processElement1(I1 value, Context ctx, Collector<O> out) throws Exception;

    public abstract void processElement2(I2 value, Context ctx, Collector<O> out) throws Exception;

    /** What the function sees of the record being processed. */
    public abstract class Context {
        public abstract Long timestamp();

        public abstract <X> void output(OutputTag<X> outputTag, X value);
    }
}
