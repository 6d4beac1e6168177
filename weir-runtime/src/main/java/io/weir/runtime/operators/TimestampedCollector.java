package io.weir.runtime.operators;

import io.weir.api.functions.Collector;

/** A {@link Collector} that gives emitted records the timestamp of the input record being processed. */
final class TimestampedCollector<T> implements Collector<T> {
    private final Output<T> output;
    long timestamp;

    TimestampedCollector(Output<T> output) {
        this.output = output;
    }

    @Override
    public void collect(T record) {
        output.emit(record, timestamp);
    }
}
