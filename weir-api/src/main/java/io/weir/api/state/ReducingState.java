package io.weir.api.state;

/** Values of a key folded into one with a {@code ReduceFunction}. */
public interface ReducingState<T> extends AppendingState<T, T> {
}
