package io.weir.api.functions;

import io.weir.api.common.OutputTag;

/** Processes each record with access to its timestamp and side outputs. */
public abstract class ProcessFunction<I, O> extends AbstractRichFunction {

    public abstract void processElement(I value, Context ctx, Collector<O> out) throws Exception;

    /** What a {@link ProcessFunction} sees of the record being processed. */
    public abstract class Context {
        /** The record's event timestamp, or null if it has none. */
        public abstract Long timestamp();

        /** Emits to the side output named by {@code outputTag}. */
        public abstract <X> void output(OutputTag<X> outputTag, X value);
    }
}
