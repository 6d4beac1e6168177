package io.weir.runtime.operators;

import io.weir.api.functions.KeySelector;
import io.weir.runtime.serialization.KeyedValue;

/**
 * Keys the input of an operator behind a BATCH combiner, which sends partial aggregates as {@link KeyedValue}s and
 * the records it let pass uncombined as they are: a partial by the key it carries, a record by the user's key
 * selector. Both give the key the combiner saw, so they route to the same subtask and sort together.
 */
public final class PartialOrRecordKey<T> implements KeySelector<Object, Object> {
    private static final long serialVersionUID = 1L;
    private final KeySelector<T, ?> recordKey;

    public PartialOrRecordKey(KeySelector<T, ?> recordKey) {
        this.recordKey = recordKey;
    }

    @Override
    @SuppressWarnings("unchecked")
    public Object getKey(Object value) throws Exception {
        return value instanceof KeyedValue partial ? partial.key() : recordKey.getKey((T) value);
    }
}
