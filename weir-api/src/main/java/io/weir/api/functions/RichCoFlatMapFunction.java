package io.weir.api.functions;

/** A {@link CoFlatMapFunction} with {@code open}/{@code close} and a {@link RuntimeContext}. */
public abstract class RichCoFlatMapFunction<I1, I2, O> extends AbstractRichFunction implements CoFlatMapFunction<I1, I2, O> {
    private static final long serialVersionUID = 1L;

}
