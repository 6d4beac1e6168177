package io.weir.api.datastream;

import io.weir.api.common.OutputTag;
import io.weir.api.dag.OneInputTransformation;
import io.weir.api.dag.Operation;
import io.weir.api.dag.Transformation;
import io.weir.api.functions.AggregateFunction;
import io.weir.api.functions.Function;
import io.weir.api.functions.ReduceFunction;
import io.weir.api.functions.aggregation.FieldAggregator;
import io.weir.api.functions.windowing.ProcessWindowFunction;
import io.weir.api.functions.windowing.WindowFunction;
import io.weir.api.windowing.DurationArgument;
import io.weir.api.windowing.assigners.MergingWindowAssigner;
import io.weir.api.windowing.assigners.WindowAssigner;
import io.weir.api.windowing.evictors.Evictor;
import io.weir.api.windowing.triggers.Trigger;
import io.weir.api.windowing.windows.Window;

import java.time.Duration;

/**
 * A keyed stream cut into windows: set a trigger, an evictor, the allowed lateness and a side output for late
 * records, then say what each window computes ({@code reduce}, {@code aggregate}, {@code process},
 * {@code apply}, or a pre-aggregation combined with a window function). Each fired window's results carry the
 * window's {@code maxTimestamp()} as event timestamp.
 *
 * <p>Both execution modes give each window the same final contents on the same bounded input. In STREAMING a
 * window fires when its trigger says so (by default when the watermark, or processing time, passes its end) and
 * records that arrive after the watermark passed the end of their window plus the allowed lateness are late. In
 * BATCH each key's records are all processed before any of its windows fires, with the watermark at its
 * maximum only then: no record is ever late there.
 */
public class WindowedStream<T, K, W extends Window> {
    private final KeyedStream<T, K> input;
    private final WindowAssigner<? super T, W> assigner;
    /** Set for {@code windowAll}: one subtask, named "All Window". */
    private final boolean allWindows;
    private Trigger<? super T, ? super W> trigger;
    private Evictor<? super T, ? super W> evictor;
    private long allowedLateness;
    private OutputTag<T> lateDataTag;

    public WindowedStream(KeyedStream<T, K> input, WindowAssigner<? super T, W> assigner) {
        this(input, assigner, false);
    }

    WindowedStream(KeyedStream<T, K> input, WindowAssigner<? super T, W> assigner, boolean allWindows) {
        if (assigner == null) {
            throw new IllegalArgumentException("window: the window assigner must not be null");
        }
        this.input = input;
        this.assigner = assigner;
        this.allWindows = allWindows;
        this.trigger = assigner.getDefaultTrigger();
    }

    /** Replaces the assigner's default trigger. With merging (session) windows it must support merging. */
    public WindowedStream<T, K, W> trigger(Trigger<? super T, ? super W> trigger) {
        if (trigger == null) {
            throw new IllegalArgumentException("trigger: the trigger must not be null");
        }
        if (assigner instanceof MergingWindowAssigner<?, ?> && !trigger.canMerge()) {
            throw new IllegalArgumentException("trigger: " + trigger + " cannot merge windows, but " + assigner
                    + " merges them; use a trigger whose canMerge() is true");
        }
        this.trigger = trigger;
        return this;
    }

    /** Evicts records from a window when it fires; the window then keeps all of its records. */
    public WindowedStream<T, K, W> evictor(Evictor<? super T, ? super W> evictor) {
        if (evictor == null) {
            throw new IllegalArgumentException("evictor: the evictor must not be null");
        }
        this.evictor = evictor;
        return this;
    }

    /**
     * How long after its end (by the watermark) an event-time window keeps its contents: a record that arrives
     * within that time is added and fires the window again (with the default trigger). Default zero. Has no
     * meaning for processing-time and global windows, where it is rejected.
     */
    public WindowedStream<T, K, W> allowedLateness(Duration lateness) {
        long millis = DurationArgument.nonNegativeMillis("allowedLateness", "lateness", lateness);
        if (millis > 0 && !assigner.isEventTime()) {
            throw new IllegalArgumentException("allowedLateness(" + DurationArgument.describe(lateness) + ") has no "
                    + "meaning for " + assigner + ": only event-time windows have late records. Remove it, or use "
                    + "event-time windows");
        }
        this.allowedLateness = millis;
        return this;
    }

    /**
     * Sends records that are too late for all of their windows to the side output {@code tag} (read it with
     * {@code getSideOutput(tag)} on the result) instead of dropping them. Only event-time windows have them.
     */
    public WindowedStream<T, K, W> sideOutputLateData(OutputTag<T> tag) {
        if (tag == null) {
            throw new IllegalArgumentException("sideOutputLateData: the output tag must not be null");
        }
        this.lateDataTag = tag;
        return this;
    }

    // ------------------------------------------------------------------------------------ window functions

    /** Folds each window's records into one with {@code reducer}, as they arrive, and emits it. */
    public SingleOutputStreamOperator<T> reduce(ReduceFunction<T> reducer) {
        return build("reduce", checked(reducer), null);
    }

    /** Folds each window's records with {@code reducer}; {@code function} gets the one result and the window. */
    public <R> SingleOutputStreamOperator<R> reduce(ReduceFunction<T> reducer, WindowFunction<T, R, K, W> function) {
        return build("reduce, apply", checked(reducer), WindowFunctionAdapters.of(function));
    }

    /** Folds each window's records with {@code reducer}; {@code function} gets the one result and a context. */
    public <R> SingleOutputStreamOperator<R> reduce(ReduceFunction<T> reducer,
                                                    ProcessWindowFunction<T, R, K, W> function) {
        return build("reduce, process", checked(reducer), WindowFunctionAdapters.checked(function));
    }

    /** Aggregates each window's records incrementally into an accumulator and emits its result. */
    public <ACC, R> SingleOutputStreamOperator<R> aggregate(AggregateFunction<T, ACC, R> aggregator) {
        return build("aggregate", checked(aggregator), null);
    }

    public <ACC, V, R> SingleOutputStreamOperator<R> aggregate(AggregateFunction<T, ACC, V> aggregator,
                                                              WindowFunction<V, R, K, W> function) {
        return build("aggregate, apply", checked(aggregator), WindowFunctionAdapters.of(function));
    }

    /** Aggregates incrementally; {@code function} gets the accumulator's one result and a context. */
    public <ACC, V, R> SingleOutputStreamOperator<R> aggregate(AggregateFunction<T, ACC, V> aggregator,
                                                              ProcessWindowFunction<V, R, K, W> function) {
        return build("aggregate, process", checked(aggregator), WindowFunctionAdapters.checked(function));
    }

    /** Keeps each window's records and hands them all to {@code function} when it fires. */
    public <R> SingleOutputStreamOperator<R> apply(WindowFunction<T, R, K, W> function) {
        return build("apply", null, WindowFunctionAdapters.of(function));
    }

    /** Keeps each window's records and hands them all, with a context, to {@code function} when it fires. */
    public <R> SingleOutputStreamOperator<R> process(ProcessWindowFunction<T, R, K, W> function) {
        return build("process", null, WindowFunctionAdapters.checked(function));
    }

    /** The sum of a tuple field per window; the other fields are those of the window's first record. */
    public SingleOutputStreamOperator<T> sum(int position) {
        return fields("sum", FieldAggregator.<T>sum(position));
    }

    public SingleOutputStreamOperator<T> sum(String field) {
        return fields("sum", FieldAggregator.<T>sum(field));
    }

    public SingleOutputStreamOperator<T> min(int position) {
        return fields("min", FieldAggregator.<T>min(position));
    }

    public SingleOutputStreamOperator<T> min(String field) {
        return fields("min", FieldAggregator.<T>min(field));
    }

    public SingleOutputStreamOperator<T> max(int position) {
        return fields("max", FieldAggregator.<T>max(position));
    }

    public SingleOutputStreamOperator<T> max(String field) {
        return fields("max", FieldAggregator.<T>max(field));
    }

    /** The window's record with the smallest field value (the earlier one on ties). */
    public SingleOutputStreamOperator<T> minBy(int position) {
        return fields("minBy", FieldAggregator.<T>minBy(position));
    }

    public SingleOutputStreamOperator<T> minBy(String field) {
        return fields("minBy", FieldAggregator.<T>minBy(field));
    }

    public SingleOutputStreamOperator<T> maxBy(int position) {
        return fields("maxBy", FieldAggregator.<T>maxBy(position));
    }

    public SingleOutputStreamOperator<T> maxBy(String field) {
        return fields("maxBy", FieldAggregator.<T>maxBy(field));
    }

    /** The window's record with the smallest field value; on ties the earlier one when {@code first}, else the later. */
    public SingleOutputStreamOperator<T> minBy(int position, boolean first) {
        return fields("minBy", FieldAggregator.<T>minBy(position, first));
    }

    public SingleOutputStreamOperator<T> minBy(String field, boolean first) {
        return fields("minBy", FieldAggregator.<T>minBy(field, first));
    }

    /** The window's record with the largest field value; on ties the earlier one when {@code first}, else the later. */
    public SingleOutputStreamOperator<T> maxBy(int position, boolean first) {
        return fields("maxBy", FieldAggregator.<T>maxBy(position, first));
    }

    public SingleOutputStreamOperator<T> maxBy(String field, boolean first) {
        return fields("maxBy", FieldAggregator.<T>maxBy(field, first));
    }

    /** A field aggregation, checked against the stream's type where that is known. */
    private SingleOutputStreamOperator<T> fields(String functionKind, FieldAggregator<T> aggregator) {
        aggregator.checkFits(StreamTypes.of(input.getTransformation()));
        return build(functionKind, aggregator, null);
    }

    private static <F extends Function> F checked(F function) {
        if (function == null) {
            throw new IllegalArgumentException("A window's reduce or aggregate function must not be null");
        }
        return function;
    }

    /** The window operator: keyed by the input's key, at one subtask for {@code windowAll}. */
    <R> SingleOutputStreamOperator<R> build(String functionKind, Function preAggregation,
                                            ProcessWindowFunction<?, R, ?, ?> windowFunction) {
        String name = (allWindows ? "All Window(" : "Window(") + assigner + ", " + trigger
                + (evictor == null ? "" : ", " + evictor) + ", " + functionKind + ")";
        Operation.Window operation = new Operation.Window(assigner, trigger, evictor, allowedLateness, lateDataTag,
                preAggregation, windowFunction, name);
        OneInputTransformation<T, R> transformation = new OneInputTransformation<>(input.getTransformation(), name,
                operation, input.getKeySelector(), Transformation.DEFAULT_PARALLELISM);
        if (allWindows) {
            transformation.fixParallelism(1, "windowAll runs in one subtask, as every record may share a window; "
                    + "use keyBy(...).window(...) to window in parallel");
        }
        return new SingleOutputStreamOperator<>(input.getExecutionEnvironment(), transformation);
    }
}
