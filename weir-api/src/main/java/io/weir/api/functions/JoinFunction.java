package io.weir.api.functions;

/**
 * Joins two records that meet in a window join ({@code a.join(b).where(...).equalTo(...).window(...)}): called
 * once per pair of a first-input and a second-input record with equal keys in the same window.
 */
@FunctionalInterface
public interface JoinFunction<IN1, IN2, OUT> extends Function {
    OUT join(IN1 first, IN2 second) throws Exception;
}
