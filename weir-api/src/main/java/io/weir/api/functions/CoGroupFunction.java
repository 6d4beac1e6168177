package io.weir.api.functions;

/**
 * Called once per key and window of a coGroup ({@code a.coGroup(b).where(...).equalTo(...).window(...)}) with
 * the window's records of each input; one of the two may be empty, never both.
 */
@FunctionalInterface
public interface CoGroupFunction<IN1, IN2, OUT> extends Function {
    void coGroup(Iterable<IN1> first, Iterable<IN2> second, Collector<OUT> out) throws Exception;
}
