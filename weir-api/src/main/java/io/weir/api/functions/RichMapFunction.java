package io.weir.api.functions;

/** A {@link MapFunction} with {@code open}/{@code close} and a {@link RuntimeContext}. */
public abstract class RichMapFunction<T, O> extends AbstractRichFunction implements MapFunction<T, O> {
    private static final long serialVersionUID = 1L;

}
