package io.weir.runtime.operators;

import io.weir.api.functions.KeySelector;

/**
 * A combiner's partial aggregate together with the key it belongs to. The key travels with it because a
 * reduce function need not preserve the key: re-applying the user's key selector to a partial result could
 * put it under another key.
 */
public record KeyedPartial(Object key, Object value) {

    /** Keys partials by the key they carry. */
    public static final KeySelector<KeyedPartial, Object> KEY = new KeySelector<>() {
        @Override
        public Object getKey(KeyedPartial partial) {
            return partial.key();
        }
    };
}
