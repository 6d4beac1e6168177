package io.weir.runtime.state;

import io.weir.api.state.AggregatingStateDescriptor;
import io.weir.api.state.ReducingStateDescriptor;
import io.weir.api.state.State;
import io.weir.api.state.StateDescriptor;
import io.weir.api.state.ValueStateDescriptor;
import io.weir.runtime.exchange.KeyGroups;

import java.util.HashMap;
import java.util.Map;

/**
 * Keyed state on the heap, organised by key group: each state keeps one hash map per key group this subtask
 * owns, so that a key group's state can be moved as a unit when the job is rescaled or snapshotted.
 */
public final class HeapKeyedStateBackend implements KeyedStateBackend {
    private final int maxParallelism;
    private final int firstKeyGroup;
    private final int lastKeyGroup;
    private final String owner;
    private final Map<StateDescriptor<?>, State> states = new HashMap<>();
    private final java.util.List<StateTable<?>> tables = new java.util.ArrayList<>();
    private Object currentKey;
    private int currentKeyGroupIndex = -1;

    public HeapKeyedStateBackend(int maxParallelism, int firstKeyGroup, int lastKeyGroup, String owner) {
        this.maxParallelism = maxParallelism;
        this.firstKeyGroup = firstKeyGroup;
        this.lastKeyGroup = lastKeyGroup;
        this.owner = owner;
    }

    @Override
    public void setCurrentKey(Object key) {
        int keyGroup = KeyGroups.keyGroupOf(key, maxParallelism);
        if (keyGroup < firstKeyGroup || keyGroup > lastKeyGroup) {
            throw new IllegalStateException("Key '" + key + "' belongs to key group " + keyGroup + ", which " + owner
                    + " does not own (" + firstKeyGroup + ".." + lastKeyGroup + "): the key selector must return "
                    + "the same key for a record every time it is called");
        }
        currentKey = key;
        currentKeyGroupIndex = keyGroup - firstKeyGroup;
    }

    @Override
    public Object getCurrentKey() {
        return currentKey;
    }

    int currentKeyGroupIndex() {
        if (currentKeyGroupIndex < 0) {
            throw new IllegalStateException("Keyed state was accessed outside of the processing of a keyed record");
        }
        return currentKeyGroupIndex;
    }

    void register(StateTable<?> table) {
        tables.add(table);
    }

    /** Drops the values of every key in every state. */
    void clearAll() {
        for (StateTable<?> table : tables) {
            table.clear();
        }
    }

    int numberOfKeyGroups() {
        return lastKeyGroup - firstKeyGroup + 1;
    }

    @Override
    @SuppressWarnings({"unchecked", "rawtypes"})
    public <S extends State> S getOrCreateState(StateDescriptor<S> descriptor) {
        State state = states.get(descriptor);
        if (state == null) {
            for (StateDescriptor<?> existing : states.keySet()) {
                if (existing.getName().equals(descriptor.getName())) {
                    throw new IllegalStateException("State '" + descriptor.getName() + "' is already registered as "
                            + existing.getKind() + " state; it cannot also be " + descriptor.getKind() + " state");
                }
            }
            state = switch (descriptor.getKind()) {
                case VALUE -> new HeapValueState<>(this, ((ValueStateDescriptor) descriptor).getDefaultValue());
                case LIST -> new HeapListState<>(this);
                case MAP -> new HeapMapState<>(this);
                case REDUCING -> new HeapReducingState<>(this, ((ReducingStateDescriptor) descriptor).getReduceFunction());
                case AGGREGATING -> new HeapAggregatingState<>(this,
                        ((AggregatingStateDescriptor) descriptor).getAggregateFunction());
            };
            states.put(descriptor, state);
        }
        return (S) state;
    }
}
