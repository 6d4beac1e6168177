package io.weir.runtime.operators;

import io.weir.api.functions.KeySelector;
import io.weir.api.functions.ReduceFunction;
import io.weir.api.functions.aggregation.FieldAggregator;
import io.weir.runtime.serialization.KeyedValue;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Pre-aggregates a rolling reduction on the producer side of a BATCH shuffle, so that at most one record per
 * key crosses the exchange per producer subtask and flush. Emits {@link KeyedValue}s: the key travels with
 * the partial result. Holds at most {@code maxKeys} keys, then sends its
 * partial results on (in first-seen order, so a key's partials keep the order of its records). Where keys rarely
 * repeat within that many, {@link AdaptiveCombining} lets records pass uncombined, each as its own partial.
 */
public final class CombineOperator<T, K> implements StreamOperator<Object>, OperatorInput<T> {
    private final ReduceFunction<T> function;
    private final FieldAggregator<T> fieldAggregator;
    private final KeySelector<T, K> keySelector;
    private final int maxKeys;
    private final Map<K, Partial<T>> partials = new LinkedHashMap<>();
    private final AdaptiveCombining adaptive;
    /** Records folded into the partials since the last flush. */
    private long added;
    private Output<Object> output;

    /** A key's partial result and the timestamp of its latest record. */
    private static final class Partial<T> {
        /** For sum/min/max/...: a mutable aggregate, so that a sum adds into a primitive. */
        final FieldAggregator.Partial<T> fields;
        /** For a user's reduce function: the value folded so far. */
        T value;
        long timestamp;

        Partial(FieldAggregator.Partial<T> fields, T value, long timestamp) {
            this.fields = fields;
            this.value = value;
            this.timestamp = timestamp;
        }
    }

    public CombineOperator(ReduceFunction<T> function, KeySelector<T, K> keySelector, int maxKeys) {
        if (maxKeys < 1) {
            throw new IllegalArgumentException("execution.batch.combine.max-keys must be positive, was " + maxKeys);
        }
        this.function = function;
        this.fieldAggregator = function instanceof FieldAggregator<T> fa ? fa : null;
        this.keySelector = keySelector;
        this.maxKeys = maxKeys;
        this.adaptive = new AdaptiveCombining(maxKeys, true);
    }

    @Override
    public void open(OperatorContext<Object> context) throws Exception {
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
        if (!adaptive.combines(key.hashCode())) {
            output.emit(value, timestamp);
            return;
        }
        Partial<T> partial = partials.get(key);
        if (partial == null) {
            if (partials.size() >= maxKeys) {
                adaptive.fullFlush(added, partials.size());
                flush();
                if (!adaptive.combining()) {
                    output.emit(value, timestamp);
                    return;
                }
            }
            partials.put(key, fieldAggregator != null
                    ? new Partial<>(fieldAggregator.newPartial(value), null, timestamp)
                    : new Partial<>(null, value, timestamp));
        } else {
            if (partial.fields != null) {
                fieldAggregator.add(partial.fields, value);
            } else {
                partial.value = function.reduce(partial.value, value);
            }
            partial.timestamp = timestamp;
        }
        added++;
    }

    private void flush() {
        for (Map.Entry<K, Partial<T>> e : partials.entrySet()) {
            Partial<T> p = e.getValue();
            T value = p.fields != null ? fieldAggregator.result(p.fields) : p.value;
            output.emit(new KeyedValue(e.getKey(), value), p.timestamp);
        }
        partials.clear();
        added = 0;
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
