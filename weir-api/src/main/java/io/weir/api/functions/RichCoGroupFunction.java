package io.weir.api.functions;

/** A {@link CoGroupFunction} with {@code open}/{@code close} and a {@link RuntimeContext}. */
public abstract class RichCoGroupFunction<IN1, IN2, OUT> extends AbstractRichFunction
        implements CoGroupFunction<IN1, IN2, OUT> {
    private static final long serialVersionUID = 1L;

}
