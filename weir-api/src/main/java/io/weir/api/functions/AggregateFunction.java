package io.weir.api.functions;

/** Incremental aggregation through an accumulator: {@code IN -> ACC -> OUT}. */
public interface AggregateFunction<IN, ACC, OUT> extends Function {
    ACC createAccumulator();

    ACC add(IN value, ACC accumulator);

    OUT getResult(ACC accumulator);

    ACC merge(ACC a, ACC b);
}
