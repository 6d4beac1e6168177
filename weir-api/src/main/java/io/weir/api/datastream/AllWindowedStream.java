package io.weir.api.datastream;

import io.weir.api.common.OutputTag;
import io.weir.api.functions.AggregateFunction;
import io.weir.api.functions.KeySelector;
import io.weir.api.functions.ReduceFunction;
import io.weir.api.functions.windowing.AllWindowFunction;
import io.weir.api.functions.windowing.ProcessAllWindowFunction;
import io.weir.api.windowing.assigners.WindowAssigner;
import io.weir.api.windowing.evictors.Evictor;
import io.weir.api.windowing.triggers.Trigger;
import io.weir.api.windowing.windows.Window;

import java.time.Duration;

/**
 * A stream that is not keyed, cut into windows over all of its records ({@code windowAll}). It runs as a keyed
 * window on one constant key in a single subtask; setting another parallelism on its result is an error.
 * Otherwise it behaves as {@link WindowedStream}, including the semantics of both execution modes.
 */
public class AllWindowedStream<T, W extends Window> {
    private final WindowedStream<T, Byte, W> windowed;

    public AllWindowedStream(DataStream<T> input, WindowAssigner<? super T, W> assigner) {
        this.windowed = new WindowedStream<>(input.keyBy(new OneKey<>()), assigner, true);
    }

    public AllWindowedStream<T, W> trigger(Trigger<? super T, ? super W> trigger) {
        windowed.trigger(trigger);
        return this;
    }

    public AllWindowedStream<T, W> evictor(Evictor<? super T, ? super W> evictor) {
        windowed.evictor(evictor);
        return this;
    }

    /** See {@link WindowedStream#allowedLateness}. */
    public AllWindowedStream<T, W> allowedLateness(Duration lateness) {
        windowed.allowedLateness(lateness);
        return this;
    }

    public AllWindowedStream<T, W> sideOutputLateData(OutputTag<T> tag) {
        windowed.sideOutputLateData(tag);
        return this;
    }

    public SingleOutputStreamOperator<T> reduce(ReduceFunction<T> reducer) {
        return windowed.reduce(reducer);
    }

    public <R> SingleOutputStreamOperator<R> reduce(ReduceFunction<T> reducer, AllWindowFunction<T, R, W> function) {
        return windowed.build("reduce, apply", WindowFunctionAdapters.checked(reducer),
                WindowFunctionAdapters.<T, R, Byte, W>of(function));
    }

    public <R> SingleOutputStreamOperator<R> reduce(ReduceFunction<T> reducer,
                                                    ProcessAllWindowFunction<T, R, W> function) {
        return windowed.build("reduce, process", WindowFunctionAdapters.checked(reducer),
                WindowFunctionAdapters.<T, R, Byte, W>of(function));
    }

    public <ACC, R> SingleOutputStreamOperator<R> aggregate(AggregateFunction<T, ACC, R> aggregator) {
        return windowed.aggregate(aggregator);
    }

    public <ACC, V, R> SingleOutputStreamOperator<R> aggregate(AggregateFunction<T, ACC, V> aggregator,
                                                              AllWindowFunction<V, R, W> function) {
        return windowed.build("aggregate, apply", WindowFunctionAdapters.checked(aggregator),
                WindowFunctionAdapters.<V, R, Byte, W>of(function));
    }

    public <ACC, V, R> SingleOutputStreamOperator<R> aggregate(AggregateFunction<T, ACC, V> aggregator,
                                                              ProcessAllWindowFunction<V, R, W> function) {
        return windowed.build("aggregate, process", WindowFunctionAdapters.checked(aggregator),
                WindowFunctionAdapters.<V, R, Byte, W>of(function));
    }

    public <R> SingleOutputStreamOperator<R> apply(AllWindowFunction<T, R, W> function) {
        return windowed.build("apply", null, WindowFunctionAdapters.<T, R, Byte, W>of(function));
    }

    public <R> SingleOutputStreamOperator<R> process(ProcessAllWindowFunction<T, R, W> function) {
        return windowed.build("process", null, WindowFunctionAdapters.<T, R, Byte, W>of(function));
    }

    public SingleOutputStreamOperator<T> sum(int position) {
        return windowed.sum(position);
    }

    public SingleOutputStreamOperator<T> sum(String field) {
        return windowed.sum(field);
    }

    public SingleOutputStreamOperator<T> min(int position) {
        return windowed.min(position);
    }

    public SingleOutputStreamOperator<T> min(String field) {
        return windowed.min(field);
    }

    public SingleOutputStreamOperator<T> max(int position) {
        return windowed.max(position);
    }

    public SingleOutputStreamOperator<T> max(String field) {
        return windowed.max(field);
    }

    public SingleOutputStreamOperator<T> minBy(int position) {
        return windowed.minBy(position);
    }

    public SingleOutputStreamOperator<T> minBy(String field) {
        return windowed.minBy(field);
    }

    public SingleOutputStreamOperator<T> maxBy(int position) {
        return windowed.maxBy(position);
    }

    public SingleOutputStreamOperator<T> maxBy(String field) {
        return windowed.maxBy(field);
    }

    public SingleOutputStreamOperator<T> minBy(int position, boolean first) {
        return windowed.minBy(position, first);
    }

    public SingleOutputStreamOperator<T> minBy(String field, boolean first) {
        return windowed.minBy(field, first);
    }

    public SingleOutputStreamOperator<T> maxBy(int position, boolean first) {
        return windowed.maxBy(position, first);
    }

    public SingleOutputStreamOperator<T> maxBy(String field, boolean first) {
        return windowed.maxBy(field, first);
    }

    /** Every record has the same key: one window operator instance sees them all. */
    private static final class OneKey<T> implements KeySelector<T, Byte> {
        private static final long serialVersionUID = 1L;
        private static final Byte KEY = 0;

        @Override
        public Byte getKey(T value) {
            return KEY;
        }
    }
}
