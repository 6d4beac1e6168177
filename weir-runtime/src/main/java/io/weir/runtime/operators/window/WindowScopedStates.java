package io.weir.runtime.operators.window;

import io.weir.api.windowing.windows.Window;
import io.weir.api.functions.AggregateFunction;
import io.weir.api.functions.ReduceFunction;
import io.weir.api.state.AggregatingState;
import io.weir.api.state.AggregatingStateDescriptor;
import io.weir.api.state.KeyedStateStore;
import io.weir.api.state.ListState;
import io.weir.api.state.ListStateDescriptor;
import io.weir.api.state.MapState;
import io.weir.api.state.MapStateDescriptor;
import io.weir.api.state.ReducingState;
import io.weir.api.state.ReducingStateDescriptor;
import io.weir.api.state.State;
import io.weir.api.state.StateDescriptor;
import io.weir.api.state.ValueState;
import io.weir.api.state.ValueStateDescriptor;
import io.weir.runtime.state.KeyedStateBackend;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Keyed state scoped to a window: each state named by a descriptor keeps one value per window of the current
 * key, stored as a keyed map from window to value, and acts on the window last set with {@link #setWindow}.
 * Serves the trigger's partitioned state and a window function's {@code windowState()}.
 */
final class WindowScopedStates<W extends Window> implements KeyedStateStore {
    private final KeyedStateBackend backend;
    private final String prefix;
    private final Map<String, Scoped<?>> byName = new HashMap<>();
    private W window;

    WindowScopedStates(KeyedStateBackend backend, String prefix) {
        this.backend = backend;
        this.prefix = prefix;
    }

    void setWindow(W window) {
        this.window = window;
    }

    W window() {
        return window;
    }

    /** The state named by {@code descriptor}, acting on the current window. */
    @SuppressWarnings("unchecked")
    <S extends State> S get(StateDescriptor<S> descriptor) {
        return (S) scoped(descriptor);
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private Scoped<?> scoped(StateDescriptor<?> descriptor) {
        Scoped<?> state = byName.get(descriptor.getName());
        if (state == null) {
            MapState<W, Object> values = (MapState<W, Object>) backend.getOrCreateState(
                    new MapStateDescriptor<>(prefix + descriptor.getName(), (Class) Object.class, Object.class));
            state = switch (descriptor.getKind()) {
                case VALUE -> new ScopedValue<>(values, ((ValueStateDescriptor) descriptor).getDefaultValue());
                case LIST -> new ScopedList<>(values);
                case MAP -> new ScopedMap<>(values);
                case REDUCING -> new ScopedReducing<>(values, ((ReducingStateDescriptor) descriptor).getReduceFunction());
                case AGGREGATING -> new ScopedAggregating<>(values,
                        ((AggregatingStateDescriptor) descriptor).getAggregateFunction());
            };
            state.descriptor = descriptor;
            byName.put(descriptor.getName(), state);
        } else if (!state.descriptor.equals(descriptor)) {
            throw new IllegalStateException("Window state '" + descriptor.getName() + "' is already used as "
                    + state.descriptor.getKind() + " state; it cannot also be " + descriptor.getKind() + " state");
        }
        return state;
    }

    /** Folds the values of {@code sources} into {@code target}'s and removes theirs. */
    void merge(StateDescriptor<?> descriptor, W target, Collection<W> sources) throws Exception {
        scoped(descriptor).mergeInto(target, sources);
    }

    @Override
    public <T> ValueState<T> getState(ValueStateDescriptor<T> descriptor) {
        return get(descriptor);
    }

    @Override
    public <T> ListState<T> getListState(ListStateDescriptor<T> descriptor) {
        return get(descriptor);
    }

    @Override
    public <T> ReducingState<T> getReducingState(ReducingStateDescriptor<T> descriptor) {
        return get(descriptor);
    }

    @Override
    public <IN, ACC, OUT> AggregatingState<IN, OUT> getAggregatingState(
            AggregatingStateDescriptor<IN, ACC, OUT> descriptor) {
        return get(descriptor);
    }

    @Override
    public <UK, UV> MapState<UK, UV> getMapState(MapStateDescriptor<UK, UV> descriptor) {
        return get(descriptor);
    }

    /** One descriptor's values, by window. */
    private abstract class Scoped<V> implements State {
        final MapState<W, V> byWindow;
        StateDescriptor<?> descriptor;

        Scoped(MapState<W, V> byWindow) {
            this.byWindow = byWindow;
        }

        V current() {
            try {
                return byWindow.get(window);
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        }

        void set(V value) {
            try {
                if (value == null) {
                    byWindow.remove(window);
                } else {
                    byWindow.put(window, value);
                }
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        }

        @Override
        public void clear() {
            set(null);
        }

        void mergeInto(W target, Collection<W> sources) throws Exception {
            throw new UnsupportedOperationException(descriptor + " cannot be merged when windows merge: only "
                    + "reducing, aggregating and list state can");
        }

        /** Removes the sources' values and returns those present, in order. */
        List<V> take(Collection<W> sources) throws Exception {
            List<V> taken = new ArrayList<>();
            for (W source : sources) {
                V v = byWindow.get(source);
                if (v != null) {
                    taken.add(v);
                    byWindow.remove(source);
                }
            }
            return taken;
        }
    }

    private final class ScopedValue<T> extends Scoped<T> implements ValueState<T> {
        private final T defaultValue;

        @SuppressWarnings("unchecked")
        ScopedValue(MapState<W, Object> values, T defaultValue) {
            super((MapState<W, T>) (MapState<W, ?>) values);
            this.defaultValue = defaultValue;
        }

        @Override
        public T value() {
            T v = current();
            return v == null ? defaultValue : v;
        }

        @Override
        public void update(T value) {
            set(value);
        }
    }

    private final class ScopedList<T> extends Scoped<ArrayList<T>> implements ListState<T> {
        @SuppressWarnings("unchecked")
        ScopedList(MapState<W, Object> values) {
            super((MapState<W, ArrayList<T>>) (MapState<W, ?>) values);
        }

        @Override
        public Iterable<T> get() {
            ArrayList<T> list = current();
            return list == null ? List.of() : Collections.unmodifiableList(list);
        }

        @Override
        public void add(T value) {
            if (value == null) {
                throw new NullPointerException("ListState.add: null values are not allowed");
            }
            ArrayList<T> list = current();
            if (list == null) {
                list = new ArrayList<>();
                set(list);
            }
            list.add(value);
        }

        @Override
        public void addAll(List<T> values) {
            for (T v : values) {
                add(v);
            }
        }

        @Override
        public void update(List<T> values) {
            if (values == null || values.isEmpty()) {
                set(null);
                return;
            }
            ArrayList<T> copy = new ArrayList<>(values.size());
            for (T v : values) {
                if (v == null) {
                    throw new NullPointerException("ListState.update: null values are not allowed");
                }
                copy.add(v);
            }
            set(copy);
        }

        @Override
        void mergeInto(W target, Collection<W> sources) throws Exception {
            ArrayList<T> merged = new ArrayList<>();
            List<ArrayList<T>> taken = take(sources);
            ArrayList<T> existing = byWindow.get(target);
            if (existing != null) {
                merged.addAll(existing);
            }
            for (ArrayList<T> list : taken) {
                merged.addAll(list);
            }
            if (!merged.isEmpty()) {
                byWindow.put(target, merged);
            }
        }
    }

    private final class ScopedMap<UK, UV> extends Scoped<HashMap<UK, UV>> implements MapState<UK, UV> {
        @SuppressWarnings("unchecked")
        ScopedMap(MapState<W, Object> values) {
            super((MapState<W, HashMap<UK, UV>>) (MapState<W, ?>) values);
        }

        private Map<UK, UV> read() {
            HashMap<UK, UV> map = current();
            return map == null ? Map.of() : Collections.unmodifiableMap(map);
        }

        private HashMap<UK, UV> write() {
            HashMap<UK, UV> map = current();
            if (map == null) {
                map = new HashMap<>();
                set(map);
            }
            return map;
        }

        @Override
        public UV get(UK key) {
            return read().get(key);
        }

        @Override
        public void put(UK key, UV value) {
            write().put(key, value);
        }

        @Override
        public void putAll(Map<UK, UV> map) {
            write().putAll(map);
        }

        @Override
        public void remove(UK key) {
            HashMap<UK, UV> map = current();
            if (map != null) {
                map.remove(key);
                if (map.isEmpty()) {
                    set(null);
                }
            }
        }

        @Override
        public boolean contains(UK key) {
            return read().containsKey(key);
        }

        @Override
        public Iterable<Map.Entry<UK, UV>> entries() {
            return read().entrySet();
        }

        @Override
        public Iterable<UK> keys() {
            return read().keySet();
        }

        @Override
        public Iterable<UV> values() {
            return read().values();
        }

        @Override
        public boolean isEmpty() {
            return read().isEmpty();
        }
    }

    private final class ScopedReducing<T> extends Scoped<T> implements ReducingState<T> {
        private final ReduceFunction<T> reducer;

        @SuppressWarnings("unchecked")
        ScopedReducing(MapState<W, Object> values, ReduceFunction<T> reducer) {
            super((MapState<W, T>) (MapState<W, ?>) values);
            this.reducer = reducer;
        }

        @Override
        public T get() {
            return current();
        }

        @Override
        public void add(T value) throws Exception {
            T v = current();
            set(v == null ? value : reducer.reduce(v, value));
        }

        @Override
        void mergeInto(W target, Collection<W> sources) throws Exception {
            T merged = byWindow.get(target);
            for (T v : take(sources)) {
                merged = merged == null ? v : reducer.reduce(merged, v);
            }
            if (merged != null) {
                byWindow.put(target, merged);
            }
        }
    }

    private final class ScopedAggregating<IN, ACC, OUT> extends Scoped<ACC> implements AggregatingState<IN, OUT> {
        private final AggregateFunction<IN, ACC, OUT> function;

        @SuppressWarnings("unchecked")
        ScopedAggregating(MapState<W, Object> values, AggregateFunction<IN, ACC, OUT> function) {
            super((MapState<W, ACC>) (MapState<W, ?>) values);
            this.function = function;
        }

        @Override
        public OUT get() {
            ACC acc = current();
            return acc == null ? null : function.getResult(acc);
        }

        @Override
        public void add(IN value) {
            ACC acc = current();
            set(function.add(value, acc == null ? function.createAccumulator() : acc));
        }

        @Override
        void mergeInto(W target, Collection<W> sources) throws Exception {
            ACC merged = byWindow.get(target);
            for (ACC acc : take(sources)) {
                merged = merged == null ? acc : function.merge(merged, acc);
            }
            if (merged != null) {
                byWindow.put(target, merged);
            }
        }
    }
}
