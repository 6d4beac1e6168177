package io.weir.api.windowing;

import io.weir.api.functions.ReduceFunction;
import io.weir.api.state.ReducingState;
import io.weir.api.state.ReducingStateDescriptor;
import io.weir.api.state.State;
import io.weir.api.state.StateDescriptor;
import io.weir.api.windowing.triggers.Trigger;
import io.weir.api.windowing.windows.Window;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/**
 * A trigger context for unit tests: time set by the test, timers recorded per window, reducing state per
 * window and name (the only kind the built-in triggers use).
 */
final class FakeTriggerContext<W extends Window> implements Trigger.OnMergeContext {
    long watermark = Long.MIN_VALUE;
    long processingTime;
    W window;
    Collection<W> mergedWindows = List.of();
    final Map<W, TreeSet<Long>> eventTimers = new HashMap<>();
    final Map<W, TreeSet<Long>> processingTimers = new HashMap<>();
    private final Map<W, Map<String, Object>> values = new HashMap<>();

    FakeTriggerContext<W> at(W window) {
        this.window = window;
        return this;
    }

    List<Long> eventTimers(W w) {
        return new ArrayList<>(eventTimers.getOrDefault(w, new TreeSet<>()));
    }

    List<Long> processingTimers(W w) {
        return new ArrayList<>(processingTimers.getOrDefault(w, new TreeSet<>()));
    }

    /** The state values of a window, by state name. */
    Map<String, Object> state(W w) {
        return values.getOrDefault(w, Map.of());
    }

    @Override
    public long getCurrentProcessingTime() {
        return processingTime;
    }

    @Override
    public long getCurrentWatermark() {
        return watermark;
    }

    @Override
    public void registerProcessingTimeTimer(long time) {
        processingTimers.computeIfAbsent(window, w -> new TreeSet<>()).add(time);
    }

    @Override
    public void registerEventTimeTimer(long time) {
        eventTimers.computeIfAbsent(window, w -> new TreeSet<>()).add(time);
    }

    @Override
    public void deleteProcessingTimeTimer(long time) {
        processingTimers.getOrDefault(window, new TreeSet<>()).remove(time);
    }

    @Override
    public void deleteEventTimeTimer(long time) {
        eventTimers.getOrDefault(window, new TreeSet<>()).remove(time);
    }

    @Override
    @SuppressWarnings({"unchecked", "rawtypes"})
    public <S extends State> S getPartitionedState(StateDescriptor<S> descriptor) {
        if (!(descriptor instanceof ReducingStateDescriptor<?> reducing)) {
            throw new UnsupportedOperationException("The fake context has reducing state only");
        }
        W scope = window;
        String name = descriptor.getName();
        ReduceFunction reducer = reducing.getReduceFunction();
        return (S) new ReducingState<Object>() {
            @Override
            public Object get() {
                return state(scope).get(name);
            }

            @Override
            public void add(Object value) throws Exception {
                Object current = get();
                values.computeIfAbsent(scope, w -> new HashMap<>())
                        .put(name, current == null ? value : reducer.reduce(current, value));
            }

            @Override
            public void clear() {
                values.getOrDefault(scope, new HashMap<>()).remove(name);
            }
        };
    }

    @Override
    @SuppressWarnings({"unchecked", "rawtypes"})
    public void mergePartitionedState(StateDescriptor<?> descriptor) {
        ReducingState target = (ReducingState) getPartitionedState((StateDescriptor) descriptor);
        for (W source : mergedWindows) {
            Object value = state(source).get(descriptor.getName());
            if (value != null) {
                try {
                    target.add(value);
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
                values.get(source).remove(descriptor.getName());
            }
        }
    }
}
