package io.weir.api.functions;

/** A {@link FlatJoinFunction} with {@code open}/{@code close} and a {@link RuntimeContext}. */
public abstract class RichFlatJoinFunction<IN1, IN2, OUT> extends AbstractRichFunction
        implements FlatJoinFunction<IN1, IN2, OUT> {
    private static final long serialVersionUID = 1L;

}
