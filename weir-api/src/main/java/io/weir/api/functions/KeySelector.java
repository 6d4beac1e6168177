package io.weir.api.functions;

/** Extracts the key of a record. Keys need consistent {@code equals} and {@code hashCode}. */
@FunctionalInterface
public interface KeySelector<IN, KEY> extends Function {
    KEY getKey(IN value) throws Exception;
}
