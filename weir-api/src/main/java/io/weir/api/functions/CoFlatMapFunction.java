package io.weir.api.functions;

/** A flat map over two connected streams: one method per input. */
public interface CoFlatMapFunction<I1, I2, O> extends Function {
    void flatMap1(I1 value, Collector<O> out) throws Exception;

    void flatMap2(I2 value, Collector<O> out) throws Exception;
}
