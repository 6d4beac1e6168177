package io.weir.runtime.operators;

import io.weir.api.functions.KeySelector;
import io.weir.api.functions.ReduceFunction;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Pre-aggregates a rolling reduction on the producer side of a BATCH shuffle, so that at most one record per
 * key crosses the exchange per producer subtask and flush. Emits {@link KeyedPartial}s: the key travels with
 * the partial result. Holds at most {@code maxKeys} keys, then sends its
 * partial results on (in first-seen order, so a key's partials keep the order of its records).
 */
public final class CombineOperator<T, K> implements StreamOperator<KeyedPartial>, OperatorInput<T> {
    private final ReduceFunction<T> function;
    private final KeySelector<T, K> keySelector;
    private final int maxKeys;
    private final Map<K, Partial<T>> partials = new LinkedHashMap<>();
    private Output<KeyedPartial> output;

    private static final class Partial<T> {
        T value;
        long timestamp;

        Partial(T value, long timestamp) {
            this.value = value;
            this.timestamp = timestamp;
        }
    }

    public CombineOperator(ReduceFunction<T> function, KeySelector<T, K> keySelector, int maxKeys) {
        if (maxKeys < 1) {
            throw new IllegalArgumentException("execution.batch.combine.max-keys must be positive, was " + maxKeys);
        }
        this.function = function;
        this.keySelector = keySelector;
        this.maxKeys = maxKeys;
    }

    @Override
    public void open(OperatorContext<KeyedPartial> context) throws Exception {
        output = context.output();
        UserFunctions.open(function, context.runtimeContext());
    }

    @Override
    public OperatorInput<?> input(int index) {
        return this;
    }

    @Override
    public void processElement(T value, long timestamp) throws Exception {
        K key = keySelector.getKey(value);
        Partial<T> partial = partials.get(key);
        if (partial == null) {
            if (partials.size() >= maxKeys) {
                flush();
            }
            partials.put(key, new Partial<>(value, timestamp));
        } else {
            partial.value = function.reduce(partial.value, value);
            partial.timestamp = timestamp;
        }
    }

    private void flush() {
        for (Map.Entry<K, Partial<T>> e : partials.entrySet()) {
            output.emit(new KeyedPartial(e.getKey(), e.getValue().value), e.getValue().timestamp);
        }
        partials.clear();
    }

    @Override
    public void finish() {
        flush();
    }

    @Override
    public void close() throws Exception {
        UserFunctions.close(function);
    }
}
