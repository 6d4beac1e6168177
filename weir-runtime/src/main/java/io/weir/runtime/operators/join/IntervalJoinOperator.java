package io.weir.runtime.operators.join;

import io.weir.api.common.OutputTag;
import io.weir.api.eventtime.TimestampAssigner;
import io.weir.api.functions.Collector;
import io.weir.api.functions.ProcessJoinFunction;
import io.weir.api.state.MapState;
import io.weir.api.state.MapStateDescriptor;
import io.weir.runtime.operators.OperatorContext;
import io.weir.runtime.operators.OperatorInput;
import io.weir.runtime.operators.Output;
import io.weir.runtime.operators.StreamOperator;
import io.weir.runtime.operators.UserFunctions;
import io.weir.runtime.state.KeyedStateBackend;
import io.weir.runtime.time.InternalTimer;
import io.weir.runtime.time.InternalTimerService;
import io.weir.runtime.time.Triggerable;

import java.util.List;

/**
 * A keyed two-input operator joining left and right records of one key whose timestamps are close: a left record
 * at {@code a} meets each right record at {@code b} with {@code a + lower <= b <= a + upper}.
 *
 * <p>Each input's records are buffered in keyed state by timestamp ({@link TimestampBuffer}); an arriving record
 * is joined with the other input's buffer and then buffered itself, so each matching pair meets exactly once,
 * whichever record arrives first. A record behind the watermark is late: it is dropped (or sent to its late-data
 * side output) without joining, as a record it could match may already be forgotten. Every buffered timestamp has
 * an event-time cleanup timer, at the watermark from which any record it could still match would be late.
 *
 * <p>The mode only changes when time passes: in STREAMING buffers shrink as the watermark advances; in BATCH all of
 * a key's records arrive while the watermark is {@code Long.MIN_VALUE} (nothing is late) and the timers free the
 * key's buffers at its end. Both see every pair of non-late records, so a bounded input without late records gives
 * the same pairs in both modes.
 */
public final class IntervalJoinOperator<L, R, O>
        implements StreamOperator<O>, Triggerable<Object, IntervalJoinOperator.Side> {
    /** Which input's buffer a cleanup timer frees: the timers' namespace. */
    public enum Side { LEFT, RIGHT }

    static final MapStateDescriptor<Long, List<?>> LEFT_BUFFER = bufferDescriptor("left");
    static final MapStateDescriptor<Long, List<?>> RIGHT_BUFFER = bufferDescriptor("right");

    private final ProcessJoinFunction<L, R, O> function;
    private final JoinInterval interval;
    private final OutputTag<L> leftLateData;
    private final OutputTag<R> rightLateData;
    private String operatorName;
    private Output<O> output;
    private InternalTimerService<Side> timers;
    private TimestampBuffer<L> leftBuffer;
    private TimestampBuffer<R> rightBuffer;
    private PairContext context;
    private PairCollector collector;

    /**
     * @param lowerBound    inclusive, in milliseconds relative to a left record's timestamp
     * @param upperBound    inclusive, not below {@code lowerBound}
     * @param leftLateData  where late left records go; null to drop them
     * @param rightLateData where late right records go; null to drop them
     */
    public IntervalJoinOperator(ProcessJoinFunction<L, R, O> function, long lowerBound, long upperBound,
                                OutputTag<L> leftLateData, OutputTag<R> rightLateData) {
        this.function = function;
        this.interval = new JoinInterval(lowerBound, upperBound);
        this.leftLateData = leftLateData;
        this.rightLateData = rightLateData;
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private static MapStateDescriptor<Long, List<?>> bufferDescriptor(String side) {
        // A name no user state is likely to take: the function shares the operator's keyed state.
        return new MapStateDescriptor<>("weir.interval-join." + side + "-buffer", Long.class, (Class) List.class);
    }

    @Override
    @SuppressWarnings({"unchecked", "rawtypes"})
    public void open(OperatorContext<O> ctx) throws Exception {
        operatorName = ctx.operatorName();
        KeyedStateBackend state = ctx.keyedStateBackend();
        if (state == null) {
            throw new IllegalStateException("Interval join '" + operatorName + "' needs both inputs keyed: build it "
                    + "with keyedStream.intervalJoin(otherKeyedStream)");
        }
        output = ctx.output();
        timers = ctx.timerService(this);
        leftBuffer = new TimestampBuffer<>((MapState) state.getOrCreateState(LEFT_BUFFER));
        rightBuffer = new TimestampBuffer<>((MapState) state.getOrCreateState(RIGHT_BUFFER));
        context = new PairContext();
        collector = new PairCollector();
        UserFunctions.open(function, ctx.runtimeContext());
    }

    @Override
    public OperatorInput<?> input(int index) {
        OperatorInput<L> left = this::processLeft;
        OperatorInput<R> right = this::processRight;
        return switch (index) {
            case 0 -> left;
            case 1 -> right;
            default -> throw new IllegalArgumentException("Interval join '" + operatorName + "' has two inputs, not "
                    + "input " + index);
        };
    }

    private void processLeft(L record, long timestamp) throws Exception {
        requireTimestamp(timestamp, Side.LEFT);
        if (isLate(timestamp)) {
            dropLate(leftLateData, record, timestamp);
            return;
        }
        rightBuffer.forEachBetween(interval.firstRightMatch(timestamp), interval.lastRightMatch(timestamp),
                (right, rightTimestamp) -> join(record, timestamp, right, rightTimestamp));
        long cleanupTime = interval.leftCleanupTime(timestamp);
        if (stillNeeded(cleanupTime)) {
            leftBuffer.add(timestamp, record);
            timers.registerEventTimeTimer(Side.LEFT, cleanupTime);
        }
    }

    private void processRight(R record, long timestamp) throws Exception {
        requireTimestamp(timestamp, Side.RIGHT);
        if (isLate(timestamp)) {
            dropLate(rightLateData, record, timestamp);
            return;
        }
        leftBuffer.forEachBetween(interval.firstLeftMatch(timestamp), interval.lastLeftMatch(timestamp),
                (left, leftTimestamp) -> join(left, leftTimestamp, record, timestamp));
        long cleanupTime = interval.rightCleanupTime(timestamp);
        if (stillNeeded(cleanupTime)) {
            rightBuffer.add(timestamp, record);
            timers.registerEventTimeTimer(Side.RIGHT, cleanupTime);
        }
    }

    private void requireTimestamp(long timestamp, Side side) {
        if (timestamp == TimestampAssigner.NO_TIMESTAMP) {
            throw new IllegalStateException("Interval join '" + operatorName + "': a record of the "
                    + side.name().toLowerCase() + " input has no event timestamp, but the join matches records by "
                    + "their timestamps. Give the source a WatermarkStrategy with a timestamp assigner, e.g. "
                    + "env.fromSource(source, WatermarkStrategy.forMonotonousTimestamps().withTimestampAssigner(...), "
                    + "name)");
        }
    }

    /** Behind the watermark: records it could match may already be forgotten, so it must not join at all. */
    private boolean isLate(long timestamp) {
        return timestamp < timers.currentWatermark();
    }

    /**
     * Whether a record freed at {@code cleanupTime} must be buffered at all: with a negative interval, every record
     * it could still meet may already be behind the watermark.
     */
    private boolean stillNeeded(long cleanupTime) {
        return cleanupTime > timers.currentWatermark();
    }

    private <T> void dropLate(OutputTag<T> lateData, T record, long timestamp) {
        if (lateData != null) {
            output.emitSide(lateData, record, timestamp);
        }
    }

    private void join(L left, long leftTimestamp, R right, long rightTimestamp) throws Exception {
        context.leftTimestamp = leftTimestamp;
        context.rightTimestamp = rightTimestamp;
        function.processElement(left, right, context, collector);
    }

    @Override
    public void onEventTime(InternalTimer<Object, Side> timer) throws Exception {
        long time = timer.timestamp();
        boolean exact = !JoinInterval.mayBeSaturated(time);
        if (timer.namespace() == Side.LEFT) {
            if (exact) {
                leftBuffer.removeTimestamp(interval.leftTimestampCleanedAt(time));
            } else {
                leftBuffer.removeTimestampsWhere(ts -> interval.leftCleanupTime(ts) <= time);
            }
        } else {
            if (exact) {
                rightBuffer.removeTimestamp(interval.rightTimestampCleanedAt(time));
            } else {
                rightBuffer.removeTimestampsWhere(ts -> interval.rightCleanupTime(ts) <= time);
            }
        }
    }

    @Override
    public void onProcessingTime(InternalTimer<Object, Side> timer) {
        throw new IllegalStateException("Interval join '" + operatorName + "' registers no processing-time timers, "
                + "yet one fired: " + timer);
    }

    @Override
    public void close() throws Exception {
        UserFunctions.close(function);
    }

    /** The pair being joined; its later timestamp is the output's. */
    private final class PairContext extends ProcessJoinFunction<L, R, O>.Context {
        long leftTimestamp;
        long rightTimestamp;

        PairContext() {
            function.super();
        }

        @Override
        public long getLeftTimestamp() {
            return leftTimestamp;
        }

        @Override
        public long getRightTimestamp() {
            return rightTimestamp;
        }

        @Override
        public long getTimestamp() {
            return Math.max(leftTimestamp, rightTimestamp);
        }

        @Override
        public <X> void output(OutputTag<X> outputTag, X value) {
            output.emitSide(outputTag, value, getTimestamp());
        }
    }

    private final class PairCollector implements Collector<O> {
        @Override
        public void collect(O record) {
            output.emit(record, context.getTimestamp());
        }
    }
}
