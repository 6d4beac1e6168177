package io.weir.runtime.operators;

import io.weir.api.functions.KeySelector;
import io.weir.api.functions.ReduceFunction;
import io.weir.api.functions.aggregation.FieldAggregator;
import io.weir.runtime.serialization.KeyedValue;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Pre-aggregates a rolling reduction on the producer side of a BATCH shuffle. Emits {@link KeyedValue}s: the key
 * travels with the partial result. Holds at most {@code maxKeys} keys, then sends its partial results on. Where
 * keys rarely repeat within that many, {@link AdaptiveCombining} lets records pass uncombined, each as its own
 * partial.
 *
 * <p>Order rule: the consumer reduces each key's records in timestamp order (records without a timestamp first,
 * equal timestamps in arrival order, producers in partition order), and a reduce function need not be
 * commutative. A partial is emitted at a timestamp and stands, in that order, for the records it folded; that is
 * only right if those records are next to each other in the order, which holds for records of one producer with
 * the same key and the <em>same</em> timestamp (or all without one), and not otherwise: another producer's
 * record, or a later one of this producer, may lie between two different timestamps. So a key's partial folds
 * only records with its timestamp; a record of the key with another timestamp sends the partial on and starts a
 * new one. Records without timestamps combine as before; records whose timestamps rarely repeat per key make
 * combining not pay, and the adaptive decision lets them pass.
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
    /** Partials sent on since the last flush because a record of their key came with another timestamp. */
    private long sentEarly;
    private Output<Object> output;

    /** A key's partial result and the timestamp all of its records share. */
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
        if (!adaptive.combines(AdaptiveCombining.hash(key.hashCode(), timestamp))) {
            output.emit(value, timestamp);
            return;
        }
        Partial<T> partial = partials.get(key);
        if (partial != null && partial.timestamp != timestamp) {
            // Folding across timestamps could put this record on the wrong side of another one (class doc).
            emit(key, partial);
            partials.remove(key);
            sentEarly++;
            partial = null;
        }
        if (partial == null) {
            if (partials.size() + sentEarly >= maxKeys) {
                adaptive.fullFlush(added, partials.size() + sentEarly);
                flush();
                if (!adaptive.combining()) {
                    output.emit(value, timestamp);
                    return;
                }
            }
            partials.put(key, fieldAggregator != null
                    ? new Partial<>(fieldAggregator.newPartial(value), null, timestamp)
                    : new Partial<>(null, value, timestamp));
        } else if (partial.fields != null) {
            fieldAggregator.add(partial.fields, value);
        } else {
            partial.value = function.reduce(partial.value, value);
        }
        added++;
    }

    private void emit(K key, Partial<T> partial) {
        T value = partial.fields != null ? fieldAggregator.result(partial.fields) : partial.value;
        output.emit(new KeyedValue(key, value), partial.timestamp);
    }

    private void flush() {
        for (Map.Entry<K, Partial<T>> e : partials.entrySet()) {
            emit(e.getKey(), e.getValue());
        }
        partials.clear();
        added = 0;
        sentEarly = 0;
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
