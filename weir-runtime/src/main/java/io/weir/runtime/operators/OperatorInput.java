package io.weir.runtime.operators;

/** One input of an operator. Called on the task thread only. */
@FunctionalInterface
public interface OperatorInput<T> {
    void processElement(T value, long timestamp) throws Exception;
}
