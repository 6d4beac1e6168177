package io.weir.runtime.operators;

import io.weir.api.accumulators.Accumulator;
import io.weir.api.accumulators.IntCounter;
import io.weir.api.accumulators.LongCounter;
import io.weir.api.functions.RuntimeContext;
import io.weir.api.state.AggregatingState;
import io.weir.api.state.AggregatingStateDescriptor;
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

import java.io.Serializable;
import java.util.Map;

/** The {@link RuntimeContext} of one operator subtask. Accumulators live in the task's shared map. */
public final class OperatorRuntimeContext implements RuntimeContext {
    private final String jobName;
    private final String operatorName;
    private final int subtask;
    private final int parallelism;
    private final int maxParallelism;
    private final int attempt;
    private final KeyedStateBackend keyedState;
    private final Map<String, Accumulator<?, ?>> accumulators;

    public OperatorRuntimeContext(String jobName, String operatorName, int subtask, int parallelism,
                                  int maxParallelism, int attempt, KeyedStateBackend keyedState,
                                  Map<String, Accumulator<?, ?>> accumulators) {
        this.jobName = jobName;
        this.operatorName = operatorName;
        this.subtask = subtask;
        this.parallelism = parallelism;
        this.maxParallelism = maxParallelism;
        this.attempt = attempt;
        this.keyedState = keyedState;
        this.accumulators = accumulators;
    }

    @Override
    public String getJobName() {
        return jobName;
    }

    @Override
    public String getTaskName() {
        return operatorName;
    }

    @Override
    public int getIndexOfThisSubtask() {
        return subtask;
    }

    @Override
    public int getNumberOfParallelSubtasks() {
        return parallelism;
    }

    @Override
    public int getMaxNumberOfParallelSubtasks() {
        return maxParallelism;
    }

    @Override
    public int getAttemptNumber() {
        return attempt;
    }

    private <S extends State> S state(StateDescriptor<S> descriptor) {
        if (keyedState == null) {
            throw new UnsupportedOperationException("Operator '" + operatorName + "' asked for " + descriptor
                    + ", but keyed state is only available in functions applied to a KeyedStream (after keyBy)");
        }
        return keyedState.getOrCreateState(descriptor);
    }

    @Override
    public <T> ValueState<T> getState(ValueStateDescriptor<T> descriptor) {
        return state(descriptor);
    }

    @Override
    public <T> ListState<T> getListState(ListStateDescriptor<T> descriptor) {
        return state(descriptor);
    }

    @Override
    public <UK, UV> MapState<UK, UV> getMapState(MapStateDescriptor<UK, UV> descriptor) {
        return state(descriptor);
    }

    @Override
    public <T> ReducingState<T> getReducingState(ReducingStateDescriptor<T> descriptor) {
        return state(descriptor);
    }

    @Override
    public <IN, ACC, OUT> AggregatingState<IN, OUT> getAggregatingState(
            AggregatingStateDescriptor<IN, ACC, OUT> descriptor) {
        return state(descriptor);
    }

    @Override
    public <V, A extends Serializable> void addAccumulator(String name, Accumulator<V, A> accumulator) {
        if (accumulators.containsKey(name)) {
            throw new IllegalStateException("An accumulator named '" + name + "' already exists in this task");
        }
        accumulators.put(name, accumulator);
    }

    @Override
    @SuppressWarnings("unchecked")
    public <V, A extends Serializable> Accumulator<V, A> getAccumulator(String name) {
        return (Accumulator<V, A>) accumulators.get(name);
    }

    @Override
    public IntCounter getIntCounter(String name) {
        return counter(name, IntCounter.class, new IntCounter());
    }

    @Override
    public LongCounter getLongCounter(String name) {
        return counter(name, LongCounter.class, new LongCounter());
    }

    private <C extends Accumulator<?, ?>> C counter(String name, Class<C> type, C fresh) {
        Accumulator<?, ?> existing = accumulators.computeIfAbsent(name, n -> fresh);
        if (!type.isInstance(existing)) {
            throw new IllegalStateException("Accumulator '" + name + "' is a " + existing.getClass().getSimpleName()
                    + ", not a " + type.getSimpleName());
        }
        return type.cast(existing);
    }
}
