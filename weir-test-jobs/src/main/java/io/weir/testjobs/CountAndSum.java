package io.weir.testjobs;

import io.weir.api.functions.AggregateFunction;

/** Counts events and sums their values: {@code {count, sum}}. */
public final class CountAndSum implements AggregateFunction<Event, long[], long[]> {
    private static final long serialVersionUID = 1L;

    @Override
    public long[] createAccumulator() {
        return new long[2];
    }

    @Override
    public long[] add(Event value, long[] accumulator) {
        return new long[] {accumulator[0] + 1, accumulator[1] + value.value()};
    }

    @Override
    public long[] getResult(long[] accumulator) {
        return accumulator;
    }

    @Override
    public long[] merge(long[] a, long[] b) {
        return new long[] {a[0] + b[0], a[1] + b[1]};
    }
}
