package io.weir.api.datastream;

import io.weir.api.common.CloseableIterator;
import io.weir.api.connector.sink.Sink;
import io.weir.api.connector.sink.lib.PrintSink;
import io.weir.api.dag.OneInputTransformation;
import io.weir.api.dag.Operation;
import io.weir.api.dag.PartitionTransformation;
import io.weir.api.dag.Partitioning;
import io.weir.api.dag.SinkTransformation;
import io.weir.api.dag.Transformation;
import io.weir.api.dag.UnionTransformation;
import io.weir.api.environment.StreamExecutionEnvironment;
import io.weir.api.eventtime.WatermarkStrategy;
import io.weir.api.functions.FilterFunction;
import io.weir.api.functions.FlatMapFunction;
import io.weir.api.functions.KeySelector;
import io.weir.api.functions.MapFunction;
import io.weir.api.functions.ProcessFunction;
import io.weir.api.windowing.assigners.GlobalWindows;
import io.weir.api.windowing.assigners.WindowAssigner;
import io.weir.api.windowing.evictors.CountEvictor;
import io.weir.api.windowing.triggers.CountTrigger;
import io.weir.api.windowing.triggers.PurgingTrigger;
import io.weir.api.windowing.windows.GlobalWindow;
import io.weir.api.windowing.windows.Window;

import java.util.ArrayList;
import java.util.List;

/**
 * A stream of records of type {@code T}. Each method adds a node to the job's graph and returns the new
 * stream; nothing runs until {@code execute()}.
 *
 * <p>Records are passed between operators by reference: a function must not change a record after it has
 * emitted it, nor an input record it did not create.
 */
public class DataStream<T> {
    protected final StreamExecutionEnvironment environment;
    protected final Transformation<T> transformation;

    public DataStream(StreamExecutionEnvironment environment, Transformation<T> transformation) {
        this.environment = environment;
        this.transformation = transformation;
    }

    public StreamExecutionEnvironment getExecutionEnvironment() {
        return environment;
    }

    public Transformation<T> getTransformation() {
        return transformation;
    }

    public int getParallelism() {
        return transformation.getParallelism();
    }

    // ----------------------------------------------------------------------------------- record-at-a-time

    public <R> SingleOutputStreamOperator<R> map(MapFunction<T, R> mapper) {
        return oneInput(new Operation.Map(mapper));
    }

    public <R> SingleOutputStreamOperator<R> flatMap(FlatMapFunction<T, R> flatMapper) {
        return oneInput(new Operation.FlatMap(flatMapper));
    }

    public SingleOutputStreamOperator<T> filter(FilterFunction<T> filter) {
        return oneInput(new Operation.Filter(filter));
    }

    /** On a stream that is not keyed the function cannot use timers (an {@code onTimer} is rejected here). */
    public <R> SingleOutputStreamOperator<R> process(ProcessFunction<T, R> function) {
        if (!(this instanceof KeyedStream)) {
            TimersNeedKeys.check(function);
        }
        return oneInput(new Operation.Process(function));
    }

    /**
     * Gives each record the timestamp of {@code strategy}'s assigner and, in STREAMING, replaces the watermarks
     * from upstream with those of the strategy's generator (run per subtask: per record, and every
     * {@code pipeline.auto-watermark-interval}). Upstream watermarks are dropped, except the
     * {@code MAX_WATERMARK} at the end of a bounded input. In BATCH only the assigner runs. On a keyed stream
     * the operator runs after the keyBy's exchange but is not keyed itself.
     *
     * <p>As in Flink, the operator takes the parallelism its input has when this is called, so it chains to the
     * input and each generator sees one input subtask's records: behind a rebalance to another parallelism a
     * generator would see a mix of subtasks, and the watermark downstream (the minimum over generators, some of
     * which may see little) would lag and make records late that are not. {@code setParallelism} on the result
     * still changes it.
     */
    public SingleOutputStreamOperator<T> assignTimestampsAndWatermarks(WatermarkStrategy<T> strategy) {
        if (strategy == null) {
            throw new IllegalArgumentException("assignTimestampsAndWatermarks needs a watermark strategy "
                    + "(WatermarkStrategy.forMonotonousTimestamps(), forBoundedOutOfOrderness(...), ...)");
        }
        Operation operation = new Operation.AssignTimestampsAndWatermarks(strategy);
        return new SingleOutputStreamOperator<>(environment, new OneInputTransformation<T, T>(transformation,
                operation.defaultName(), operation, null, transformation.getParallelism()));
    }

    protected <R> SingleOutputStreamOperator<R> oneInput(Operation operation) {
        return new SingleOutputStreamOperator<>(environment, new OneInputTransformation<T, R>(transformation,
                operation.defaultName(), operation, null, Transformation.DEFAULT_PARALLELISM));
    }

    // ----------------------------------------------------------------------------------- partitioning

    /** Partitions by key: records with equal keys go to the same subtask; keyed state and aggregations follow. */
    public <K> KeyedStream<T, K> keyBy(KeySelector<T, K> keySelector) {
        if (keySelector == null) {
            throw new IllegalArgumentException("keyBy needs a key selector");
        }
        KeyTypes.checkValueEquality(keySelector, "keyBy");
        return new KeyedStream<>(this, keySelector);
    }

    /** Partitions tuples by the fields at {@code positions} (one field: that value; several: a tuple of them). */
    public KeyedStream<T, Object> keyBy(int... positions) {
        return new KeyedStream<>(this, FieldKeySelector.forPositions(positions));
    }

    public DataStream<T> rebalance() {
        return partition(Partitioning.REBALANCE);
    }

    public DataStream<T> rescale() {
        return partition(Partitioning.RESCALE);
    }

    public DataStream<T> shuffle() {
        return partition(Partitioning.SHUFFLE);
    }

    /** Sends every record to every subtask of the next operator. */
    public DataStream<T> broadcast() {
        return partition(Partitioning.BROADCAST);
    }

    /** Subtask i to subtask i: needs equal parallelism on both sides. */
    public DataStream<T> forward() {
        return partition(Partitioning.FORWARD);
    }

    private DataStream<T> partition(Partitioning partitioning) {
        return new DataStream<>(environment, new PartitionTransformation<>(transformation, partitioning));
    }

    // ----------------------------------------------------------------------------------- windows

    /**
     * Cuts the whole stream (not keyed) into the windows {@code assigner} gives its records. The windows are
     * evaluated in one subtask: prefer {@code keyBy(...).window(...)} where records have a key.
     */
    public <W extends Window> AllWindowedStream<T, W> windowAll(WindowAssigner<? super T, W> assigner) {
        return new AllWindowedStream<>(this, assigner);
    }

    /** Windows of {@code size} records of the whole stream, one after the other (see {@code KeyedStream.countWindow}). */
    public AllWindowedStream<T, GlobalWindow> countWindowAll(long size) {
        CountWindows.checkSize("countWindowAll", size);
        return windowAll(GlobalWindows.create()).trigger(PurgingTrigger.of(CountTrigger.<GlobalWindow>of(size)));
    }

    /** Sliding windows of the last {@code size} records of the whole stream, firing every {@code slide} records. */
    public AllWindowedStream<T, GlobalWindow> countWindowAll(long size, long slide) {
        CountWindows.checkSizeAndSlide("countWindowAll", size, slide);
        return windowAll(GlobalWindows.create()).evictor(CountEvictor.<GlobalWindow>of(size))
                .trigger(CountTrigger.<GlobalWindow>of(slide));
    }

    // ----------------------------------------------------------------------------------- combining

    /** The records of this stream and the others as one stream. */
    @SafeVarargs
    public final DataStream<T> union(DataStream<T>... others) {
        List<Transformation<T>> inputs = new ArrayList<>();
        inputs.add(transformation);
        for (DataStream<T> other : others) {
            if (other.environment != environment) {
                throw new IllegalArgumentException("union: all streams must come from the same environment");
            }
            inputs.add(other.transformation);
        }
        return new DataStream<>(environment, new UnionTransformation<>(inputs));
    }

    /**
     * Joins this stream with {@code other} by key and window:
     * {@code join(other).where(key1).equalTo(key2).window(assigner).apply(joinFunction)}.
     */
    public <T2> JoinedStreams<T, T2> join(DataStream<T2> other) {
        return new JoinedStreams<>(this, other);
    }

    /**
     * Groups this stream and {@code other} by key and window, for a function that sees both sides of a window:
     * {@code coGroup(other).where(key1).equalTo(key2).window(assigner).apply(coGroupFunction)}.
     */
    public <T2> CoGroupedStreams<T, T2> coGroup(DataStream<T2> other) {
        return new CoGroupedStreams<>(this, other);
    }

    /** Two streams, possibly of different types, processed by one operator with a method per input. */
    public <R> ConnectedStreams<T, R> connect(DataStream<R> other) {
        if (other.environment != environment) {
            throw new IllegalArgumentException("connect: both streams must come from the same environment");
        }
        return new ConnectedStreams<>(environment, this, other);
    }

    // ----------------------------------------------------------------------------------- sinks

    public DataStreamSink<T> sinkTo(Sink<T> sink) {
        SinkTransformation<T> sinkTransformation =
                new SinkTransformation<>(transformation, "Sink", sink, Transformation.DEFAULT_PARALLELISM);
        environment.addSink(sinkTransformation);
        return new DataStreamSink<>(sinkTransformation);
    }

    /** Prints each record on standard out, prefixed with {@code N> } (the subtask) when parallel. */
    public DataStreamSink<T> print() {
        return sinkTo(new PrintSink<>()).name("Print to Std. Out");
    }

    public DataStreamSink<T> print(String identifier) {
        return sinkTo(new PrintSink<>(identifier, false)).name("Print to Std. Out");
    }

    public DataStreamSink<T> printToErr() {
        return sinkTo(new PrintSink<>(null, true)).name("Print to Std. Err");
    }

    /**
     * Runs the job built so far with this stream collected, and returns an iterator over its records.
     * Closing the iterator cancels the job if it still runs.
     */
    public CloseableIterator<T> executeAndCollect() throws Exception {
        return executeAndCollect("DataStream Collect");
    }

    public CloseableIterator<T> executeAndCollect(String jobName) throws Exception {
        return environment.collectAsync(this, jobName);
    }

    /** Runs the job and returns its first {@code limit} records; an unbounded job is cancelled once they arrived. */
    public List<T> executeAndCollect(int limit) throws Exception {
        return executeAndCollect("DataStream Collect", limit);
    }

    public List<T> executeAndCollect(String jobName, int limit) throws Exception {
        if (limit <= 0) {
            throw new IllegalArgumentException("executeAndCollect: limit must be positive, was " + limit);
        }
        List<T> records = new ArrayList<>();
        try (CloseableIterator<T> it = executeAndCollect(jobName)) {
            while (records.size() < limit && it.hasNext()) {
                records.add(it.next());
            }
        }
        return records;
    }
}
