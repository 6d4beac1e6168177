package io.weir.runtime.state;

import io.weir.api.state.State;
import io.weir.api.state.StateDescriptor;

/**
 * Holds the keyed state of one operator subtask. Every state object acts on the current key, which the
 * keyed operator sets before it calls the user's function. Used by the task thread only.
 */
public interface KeyedStateBackend {
    void setCurrentKey(Object key);

    Object getCurrentKey();

    /** The state named by {@code descriptor}, created on first use; the same object on every later call. */
    <S extends State> S getOrCreateState(StateDescriptor<S> descriptor);
}
