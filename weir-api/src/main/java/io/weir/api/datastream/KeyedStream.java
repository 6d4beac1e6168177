package io.weir.api.datastream;

import io.weir.api.dag.OneInputTransformation;
import io.weir.api.dag.Operation;
import io.weir.api.dag.PartitionTransformation;
import io.weir.api.dag.Partitioning;
import io.weir.api.dag.Transformation;
import io.weir.api.functions.KeySelector;
import io.weir.api.functions.KeyedProcessFunction;
import io.weir.api.functions.ReduceFunction;
import io.weir.api.functions.aggregation.FieldAggregator;
import io.weir.api.windowing.assigners.GlobalWindows;
import io.weir.api.windowing.assigners.WindowAssigner;
import io.weir.api.windowing.evictors.CountEvictor;
import io.weir.api.windowing.triggers.CountTrigger;
import io.weir.api.windowing.triggers.PurgingTrigger;
import io.weir.api.windowing.windows.GlobalWindow;
import io.weir.api.windowing.windows.Window;

/**
 * A stream partitioned by key. Operators on it see one key at a time and may keep keyed state.
 * Rolling aggregations emit an updated value per record in STREAMING and one final value per key in BATCH.
 */
public class KeyedStream<T, K> extends DataStream<T> {
    private final KeySelector<T, K> keySelector;

    KeyedStream(DataStream<T> input, KeySelector<T, K> keySelector) {
        super(input.getExecutionEnvironment(),
                new PartitionTransformation<>(input.getTransformation(), Partitioning.hash(keySelector)));
        this.keySelector = keySelector;
    }

    public KeySelector<T, K> getKeySelector() {
        return keySelector;
    }

    public <R> SingleOutputStreamOperator<R> process(KeyedProcessFunction<K, T, R> function) {
        return keyed(new Operation.KeyedProcess(function));
    }

    /** Keyed map: same as on a {@link DataStream}, but keyed state is available to a rich function. */
    @Override
    protected <R> SingleOutputStreamOperator<R> oneInput(Operation operation) {
        return keyed(operation);
    }

    private <R> SingleOutputStreamOperator<R> keyed(Operation operation) {
        return new SingleOutputStreamOperator<>(environment, new OneInputTransformation<T, R>(transformation,
                operation.defaultName(), operation, keySelector, Transformation.DEFAULT_PARALLELISM));
    }

    // ------------------------------------------------------------------------------ rolling aggregations

    public SingleOutputStreamOperator<T> reduce(ReduceFunction<T> reducer) {
        return keyed(new Operation.RollingReduce(reducer, "Keyed Reduce"));
    }

    /** Sums the field at {@code position} of tuples; the other fields are those of the key's first record. */
    public SingleOutputStreamOperator<T> sum(int position) {
        return aggregate(FieldAggregator.sum(position), "Sum");
    }

    /** Sums a field, by name, of Java records or POJOs; also accepts a tuple field name such as {@code "f1"}. */
    public SingleOutputStreamOperator<T> sum(String field) {
        return aggregate(FieldAggregator.sum(field), "Sum");
    }

    /** The minimum of a field; the other fields are those of the key's first record. */
    public SingleOutputStreamOperator<T> min(int position) {
        return aggregate(FieldAggregator.min(position), "Min");
    }

    public SingleOutputStreamOperator<T> min(String field) {
        return aggregate(FieldAggregator.min(field), "Min");
    }

    public SingleOutputStreamOperator<T> max(int position) {
        return aggregate(FieldAggregator.max(position), "Max");
    }

    public SingleOutputStreamOperator<T> max(String field) {
        return aggregate(FieldAggregator.max(field), "Max");
    }

    /** The whole record with the minimum field value; on ties the first such record is kept. */
    public SingleOutputStreamOperator<T> minBy(int position) {
        return aggregate(FieldAggregator.minBy(position), "MinBy");
    }

    public SingleOutputStreamOperator<T> minBy(String field) {
        return aggregate(FieldAggregator.minBy(field), "MinBy");
    }

    public SingleOutputStreamOperator<T> maxBy(int position) {
        return aggregate(FieldAggregator.maxBy(position), "MaxBy");
    }

    public SingleOutputStreamOperator<T> maxBy(String field) {
        return aggregate(FieldAggregator.maxBy(field), "MaxBy");
    }

    private SingleOutputStreamOperator<T> aggregate(FieldAggregator<T> aggregator, String name) {
        return keyed(new Operation.RollingReduce(aggregator, name));
    }

    // ------------------------------------------------------------------------------ windows

    /** Cuts each key's records into the windows {@code assigner} gives them. */
    public <W extends Window> WindowedStream<T, K, W> window(WindowAssigner<? super T, W> assigner) {
        return new WindowedStream<>(this, assigner);
    }

    /**
     * Windows of {@code size} records per key, one after the other: each fires and is purged when its
     * {@code size}-th record arrives. A key's last records that do not fill a window are not emitted.
     */
    public WindowedStream<T, K, GlobalWindow> countWindow(long size) {
        CountWindows.checkSize("countWindow", size);
        return window(GlobalWindows.create()).trigger(PurgingTrigger.of(CountTrigger.<GlobalWindow>of(size)));
    }

    /**
     * Sliding windows of the last {@code size} records per key, firing every {@code slide} records (at most
     * {@code size}); the first windows of a key hold fewer records.
     */
    public WindowedStream<T, K, GlobalWindow> countWindow(long size, long slide) {
        CountWindows.checkSizeAndSlide("countWindow", size, slide);
        return window(GlobalWindows.create()).evictor(CountEvictor.<GlobalWindow>of(size))
                .trigger(CountTrigger.<GlobalWindow>of(slide));
    }

    /** Connects two keyed streams on their keys, for a {@code KeyedCoProcessFunction}. */
    public <T2> ConnectedStreams<T, T2> connect(KeyedStream<T2, K> other) {
        return new ConnectedStreams<>(environment, this, other);
    }
}
