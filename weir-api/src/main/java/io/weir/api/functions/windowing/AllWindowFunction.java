package io.weir.api.functions.windowing;

import io.weir.api.functions.Collector;
import io.weir.api.functions.Function;
import io.weir.api.windowing.windows.Window;

/** Evaluates a window of a stream that is not keyed from the window and its records. */
@FunctionalInterface
public interface AllWindowFunction<IN, OUT, W extends Window> extends Function {
    void apply(W window, Iterable<IN> values, Collector<OUT> out) throws Exception;
}
