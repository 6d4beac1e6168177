package io.weir.api.datastream;

import io.weir.api.common.OutputTag;
import io.weir.api.dag.OneInputTransformation;
import io.weir.api.dag.Operation;
import io.weir.api.dag.PartitionTransformation;
import io.weir.api.dag.Partitioning;
import io.weir.api.dag.Transformation;
import io.weir.api.dag.TwoInputTransformation;
import io.weir.api.functions.KeySelector;
import io.weir.api.functions.KeyedProcessFunction;
import io.weir.api.functions.ProcessJoinFunction;
import io.weir.api.functions.ReduceFunction;
import io.weir.api.functions.aggregation.FieldAggregator;
import io.weir.api.windowing.assigners.GlobalWindows;
import io.weir.api.windowing.assigners.WindowAssigner;
import io.weir.api.windowing.evictors.CountEvictor;
import io.weir.api.windowing.triggers.CountTrigger;
import io.weir.api.windowing.triggers.PurgingTrigger;
import io.weir.api.windowing.windows.GlobalWindow;
import io.weir.api.windowing.windows.Window;

import java.time.Duration;

/**
 * A stream partitioned by key. Operators on it see one key at a time and may keep keyed state.
 * Rolling aggregations emit an updated value per record in STREAMING, with that record's timestamp, and one final
 * value per key in BATCH, with the timestamp {@code Long.MAX_VALUE}.
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

    /**
     * Sums the field at {@code position} of tuples, or the values themselves ({@code sum(0)}) of a stream of a basic
     * type such as {@code Long}; the other fields are those of the key's first record.
     *
     * @throws IllegalArgumentException if the stream's type is known and the position does not fit it
     */
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

    /**
     * The whole record with the minimum field value; on ties the first such record is kept when {@code first},
     * else the last.
     */
    public SingleOutputStreamOperator<T> minBy(int position, boolean first) {
        return aggregate(FieldAggregator.minBy(position, first), "MinBy");
    }

    public SingleOutputStreamOperator<T> minBy(String field, boolean first) {
        return aggregate(FieldAggregator.minBy(field, first), "MinBy");
    }

    /**
     * The whole record with the maximum field value; on ties the first such record is kept when {@code first},
     * else the last.
     */
    public SingleOutputStreamOperator<T> maxBy(int position, boolean first) {
        return aggregate(FieldAggregator.maxBy(position, first), "MaxBy");
    }

    public SingleOutputStreamOperator<T> maxBy(String field, boolean first) {
        return aggregate(FieldAggregator.maxBy(field, first), "MaxBy");
    }

    private SingleOutputStreamOperator<T> aggregate(FieldAggregator<T> aggregator, String name) {
        aggregator.checkFits(StreamTypes.of(transformation));
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

    // ------------------------------------------------------------------------------ interval join

    /**
     * Joins this stream (left) with {@code other} (right) on their keys by event time: a left record at time
     * {@code a} meets each right record of its key at time {@code b} with {@code a + lower <= b <= a + upper},
     * the bounds given by {@link IntervalJoin#between}. Both inputs need event timestamps.
     */
    public <T2> IntervalJoin<T, T2, K> intervalJoin(KeyedStream<T2, K> other) {
        if (other == null) {
            throw new IllegalArgumentException("intervalJoin needs the other keyed stream, got null");
        }
        if (other.environment != environment) {
            throw new IllegalArgumentException("intervalJoin: both streams must come from the same environment");
        }
        return new IntervalJoin<>(this, other);
    }

    /** An interval join being built: {@link #between} sets its bounds. */
    public static class IntervalJoin<T1, T2, KEY> {
        private final KeyedStream<T1, KEY> left;
        private final KeyedStream<T2, KEY> right;

        IntervalJoin(KeyedStream<T1, KEY> left, KeyedStream<T2, KEY> right) {
            this.left = left;
            this.right = right;
        }

        /** Joins by event time, the only time an interval join supports (the default). */
        public IntervalJoin<T1, T2, KEY> inEventTime() {
            return this;
        }

        /**
         * The interval, relative to a left record's timestamp, in which right records match it; both bounds are
         * inclusive unless made exclusive, and either may be negative (reaching back in time). Milliseconds count;
         * finer parts of a duration are dropped.
         *
         * @throws IllegalArgumentException if {@code lowerBound} is greater than {@code upperBound}
         */
        public IntervalJoined<T1, T2, KEY> between(Duration lowerBound, Duration upperBound) {
            long lower = millis(lowerBound, "lower");
            long upper = millis(upperBound, "upper");
            if (lower > upper) {
                throw new IllegalArgumentException("intervalJoin(...).between(" + lowerBound + ", " + upperBound
                        + "): the lower bound is greater than the upper bound, so no record could ever match; "
                        + "a right record at b matches a left record at a when a + lower <= b <= a + upper");
            }
            return new IntervalJoined<>(left, right, lower, upper);
        }

        private static long millis(Duration bound, String which) {
            if (bound == null) {
                throw new IllegalArgumentException("intervalJoin(...).between: the " + which + " bound is null");
            }
            try {
                return bound.toMillis();
            } catch (ArithmeticException e) {
                throw new IllegalArgumentException("intervalJoin(...).between: the " + which + " bound " + bound
                        + " does not fit in a long of milliseconds");
            }
        }
    }

    /** An interval join with its bounds: exclusive bounds and late-data outputs may be set before {@link #process}. */
    public static class IntervalJoined<IN1, IN2, KEY> {
        private final KeyedStream<IN1, KEY> left;
        private final KeyedStream<IN2, KEY> right;
        private final long lowerBound;
        private final long upperBound;
        private boolean lowerExclusive;
        private boolean upperExclusive;
        private OutputTag<IN1> leftLateData;
        private OutputTag<IN2> rightLateData;

        IntervalJoined(KeyedStream<IN1, KEY> left, KeyedStream<IN2, KEY> right, long lowerBound, long upperBound) {
            this.left = left;
            this.right = right;
            this.lowerBound = lowerBound;
            this.upperBound = upperBound;
        }

        /** A right record exactly at {@code a + lower} does not match. */
        public IntervalJoined<IN1, IN2, KEY> lowerBoundExclusive() {
            lowerExclusive = true;
            return this;
        }

        /** A right record exactly at {@code a + upper} does not match. */
        public IntervalJoined<IN1, IN2, KEY> upperBoundExclusive() {
            upperExclusive = true;
            return this;
        }

        /**
         * Left records that arrive behind the watermark (too late for any right record they could match) go to
         * this side output instead of being dropped. Only STREAMING has late records.
         */
        public IntervalJoined<IN1, IN2, KEY> sideOutputLeftLateData(OutputTag<IN1> outputTag) {
            leftLateData = requireTag(outputTag, "sideOutputLeftLateData");
            return this;
        }

        /** Like {@link #sideOutputLeftLateData}, for right records. */
        public IntervalJoined<IN1, IN2, KEY> sideOutputRightLateData(OutputTag<IN2> outputTag) {
            rightLateData = requireTag(outputTag, "sideOutputRightLateData");
            return this;
        }

        private static <X> OutputTag<X> requireTag(OutputTag<X> tag, String method) {
            if (tag == null) {
                throw new IllegalArgumentException("intervalJoin(...)." + method + " needs an OutputTag, got null");
            }
            return tag;
        }

        /**
         * Calls {@code function} once per matching pair of records.
         *
         * @throws IllegalArgumentException if exclusive bounds leave an interval with no time in it
         */
        public <OUT> SingleOutputStreamOperator<OUT> process(ProcessJoinFunction<IN1, IN2, OUT> function) {
            if (function == null) {
                throw new IllegalArgumentException("intervalJoin(...).process needs a ProcessJoinFunction, got null");
            }
            boolean empty = lowerExclusive && lowerBound == Long.MAX_VALUE
                    || upperExclusive && upperBound == Long.MIN_VALUE;
            long lower = lowerExclusive && !empty ? lowerBound + 1 : lowerBound;
            long upper = upperExclusive && !empty ? upperBound - 1 : upperBound;
            if (empty || lower > upper) {
                throw new IllegalArgumentException("intervalJoin(...): the interval " + (lowerExclusive ? "(" : "[")
                        + lowerBound + " ms, " + upperBound + " ms" + (upperExclusive ? ")" : "]")
                        + " contains no millisecond, so no record could ever match; widen the bounds or make them "
                        + "inclusive");
            }
            Operation operation = new Operation.IntervalJoin(function, lower, upper, leftLateData, rightLateData);
            return new SingleOutputStreamOperator<>(left.environment, new TwoInputTransformation<IN1, IN2, OUT>(
                    left.transformation, right.transformation, operation.defaultName(), operation,
                    left.keySelector, right.keySelector, Transformation.DEFAULT_PARALLELISM));
        }
    }
}
