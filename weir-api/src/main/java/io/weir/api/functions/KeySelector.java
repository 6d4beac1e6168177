package io.weir.api.functions;

/**
 * Extracts the key of a record. Keys must not be null and must have value equality: {@code equals} and
 * {@code hashCode} of their own over their contents ({@link KeyEquality}); keys that do not are rejected.
 */
@FunctionalInterface
public interface KeySelector<IN, KEY> extends Function {
    KEY getKey(IN value) throws Exception;
}
