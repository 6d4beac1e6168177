package io.weir.api.functions;

/** A map over two connected streams: one method per input. */
public interface CoMapFunction<I1, I2, O> extends Function {
    O map1(I1 value) throws Exception;

    O map2(I2 value) throws Exception;
}
