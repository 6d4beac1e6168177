package io.weir.api.functions;

/** A {@link JoinFunction} with {@code open}/{@code close} and a {@link RuntimeContext}. */
public abstract class RichJoinFunction<IN1, IN2, OUT> extends AbstractRichFunction
        implements JoinFunction<IN1, IN2, OUT> {
    private static final long serialVersionUID = 1L;

}
