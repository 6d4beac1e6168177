package io.weir.api.functions;

/**
 * Combines two values of a key into one. Must be associative. Weir hands the result downstream and keeps it
 * as state, so return a new object rather than mutating {@code value1} in place when it may still be in flight.
 */
@FunctionalInterface
public interface ReduceFunction<T> extends Function {
    T reduce(T value1, T value2) throws Exception;
}
