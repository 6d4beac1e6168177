package io.weir.runtime.state;

import io.weir.api.state.State;
import io.weir.api.state.StateDescriptor;

import java.util.Objects;

/**
 * BATCH's keyed state: the input is sorted by key, so only the current key's state exists. When a different
 * key is set, every state is dropped; memory is bounded by one key's state, not by the number of keys.
 */
public final class SingleKeyStateBackend implements KeyedStateBackend {
    /** One key group holding at most one key: the heap states work unchanged on it. */
    private final HeapKeyedStateBackend current = new HeapKeyedStateBackend(1, 0, 0, "the current key");

    @Override
    public void setCurrentKey(Object key) {
        Objects.requireNonNull(key, "A key selector returned null; keys must not be null");
        if (!key.equals(current.getCurrentKey())) {
            current.clearAll();
            current.setCurrentKey(key);
        }
    }

    @Override
    public Object getCurrentKey() {
        return current.getCurrentKey();
    }

    @Override
    public <S extends State> S getOrCreateState(StateDescriptor<S> descriptor) {
        return current.getOrCreateState(descriptor);
    }
}
