package io.weir.api.state;

/** Values of a key folded into an accumulator with an {@code AggregateFunction}. */
public interface AggregatingState<IN, OUT> extends AppendingState<IN, OUT> {
}
