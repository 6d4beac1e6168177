package io.weir.api.functions;

import io.weir.api.accumulators.Accumulator;
import io.weir.api.accumulators.IntCounter;
import io.weir.api.accumulators.LongCounter;
import io.weir.api.state.AggregatingState;
import io.weir.api.state.AggregatingStateDescriptor;
import io.weir.api.state.ListState;
import io.weir.api.state.ListStateDescriptor;
import io.weir.api.state.MapState;
import io.weir.api.state.MapStateDescriptor;
import io.weir.api.state.ReducingState;
import io.weir.api.state.ReducingStateDescriptor;
import io.weir.api.state.ValueState;
import io.weir.api.state.ValueStateDescriptor;

/**
 * What a running function can see of its task. Keyed state is available only in functions applied to a
 * {@code KeyedStream}; it is scoped to the key of the record being processed.
 */
public interface RuntimeContext {
    String getJobName();

    /** The operator's name as shown in the plan. */
    String getTaskName();

    int getIndexOfThisSubtask();

    int getNumberOfParallelSubtasks();

    int getMaxNumberOfParallelSubtasks();

    /** 0 for the first attempt; counts restarts. */
    int getAttemptNumber();

    <T> ValueState<T> getState(ValueStateDescriptor<T> descriptor);

    <T> ListState<T> getListState(ListStateDescriptor<T> descriptor);

    <UK, UV> MapState<UK, UV> getMapState(MapStateDescriptor<UK, UV> descriptor);

    <T> ReducingState<T> getReducingState(ReducingStateDescriptor<T> descriptor);

    <IN, ACC, OUT> AggregatingState<IN, OUT> getAggregatingState(AggregatingStateDescriptor<IN, ACC, OUT> descriptor);

    /** Registers an accumulator; its values from all subtasks are merged into the job result. */
    <V, A extends java.io.Serializable> void addAccumulator(String name, Accumulator<V, A> accumulator);

    <V, A extends java.io.Serializable> Accumulator<V, A> getAccumulator(String name);

    /** The subtask's counter of that name, created on first use. */
    IntCounter getIntCounter(String name);

    LongCounter getLongCounter(String name);
}
