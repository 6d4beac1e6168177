package io.weir.api.functions;

/** A {@link CoMapFunction} with {@code open}/{@code close} and a {@link RuntimeContext}. */
public abstract class RichCoMapFunction<I1, I2, O> extends AbstractRichFunction implements CoMapFunction<I1, I2, O> {
    private static final long serialVersionUID = 1L;

}
