package io.weir.examples.windowwordcount;

import io.weir.api.functions.AggregateFunction;
import io.weir.api.tuple.Tuple2;

/** Counts a word's occurrences in a window as they arrive: the window keeps one number, not the words. */
final class CountWords implements AggregateFunction<Tuple2<String, Integer>, Long, Long> {
    private static final long serialVersionUID = 1L;

    @Override
    public Long createAccumulator() {
        return 0L;
    }

    @Override
    public Long add(Tuple2<String, Integer> value, Long accumulator) {
        return accumulator + value.f1;
    }

    @Override
    public Long getResult(Long accumulator) {
        return accumulator;
    }

    @Override
    public Long merge(Long a, Long b) {
        return a + b;
    }
}
