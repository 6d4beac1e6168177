package io.weir.runtime.differential;

import io.weir.api.datastream.DataStream;
import io.weir.api.datastream.SingleOutputStreamOperator;
import io.weir.api.environment.StreamExecutionEnvironment;
import io.weir.api.eventtime.WatermarkStrategy;
import io.weir.api.functions.Collector;
import io.weir.api.functions.KeyedProcessFunction;
import io.weir.api.functions.MapFunction;
import io.weir.api.functions.OpenContext;
import io.weir.api.state.MapState;
import io.weir.api.state.MapStateDescriptor;
import io.weir.api.tuple.Tuple2;
import io.weir.api.tuple.Tuple3;
import io.weir.api.tuple.Tuple4;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import static io.weir.runtime.differential.DifferentialHarness.runInBothModes;

/**
 * Event time made by {@code assignTimestampsAndWatermarks} and consumed by event-time timers: per key, tumbling
 * windows of event time summed in keyed state and emitted when a timer at the window's end fires. STREAMING
 * fires windows as the watermark passes them (often, with a short watermark interval), BATCH at the end of each
 * key; both must emit every window once with its complete sum.
 *
 * <p>The input is read in index order at parallelism 1; record {@code i} gets the timestamp
 * {@code 10 i - 10 (value % 5)}, at most 40 ms behind the highest so far, and the strategy allows 50 ms of
 * out-of-orderness, so no record is ever late, whether the assigner runs chained to the source at parallelism 1
 * or after a rebalance at the job's parallelism (each subtask then sees an ordered subsequence). A late record or
 * a timer firing before the watermark reached it shows up as a marker record that no oracle contains.
 */
@Timeout(180)
class EventTimeJobsITCase {
    private static final long WINDOW = 1_000;
    private static final int LATE = -1;
    private static final int EARLY_TIMER = -2;

    enum Placement { CHAINED_TO_THE_SOURCE, AFTER_A_REBALANCE }

    static Stream<Arguments> cases() {
        List<Arguments> args = new ArrayList<>();
        for (int p : new int[]{1, 2, 4}) {
            for (Placement placement : Placement.values()) {
                args.add(Arguments.of(p, placement, InputSpec.uniform(301, 30_000, 50)));
                args.add(Arguments.of(p, placement, InputSpec.skewed(302, 30_000, 400)));
            }
        }
        return args.stream();
    }

    @ParameterizedTest(name = "parallelism {0}, assigner {1}, {2}")
    @MethodSource("cases")
    void tumblingEventTimeSumsFiredByTimers(int parallelism, Placement placement, InputSpec input) {
        Settings settings = Settings.defaults().with("pipeline.auto-watermark-interval", "1 ms");
        ModeOutputs<Tuple4<Integer, Long, Long, Integer>> out = runInBothModes("tumbling event-time sums over "
                + input + ", assigner " + placement, parallelism, settings, env -> windowSums(env, input, placement));
        out.assertBothEqual(expectedWindows(input));
    }

    private static DataStream<Tuple4<Integer, Long, Long, Integer>> windowSums(StreamExecutionEnvironment env,
                                                                          InputSpec input, Placement placement) {
        DataStream<Tuple3<Long, Integer, Integer>> indexed = env.fromSequence(0, input.records() - 1L)
                .setParallelism(1).map(new Indexed(input)).setParallelism(1);
        SingleOutputStreamOperator<Tuple3<Long, Integer, Integer>> timed = (placement == Placement.AFTER_A_REBALANCE
                ? indexed.rebalance() : indexed).assignTimestampsAndWatermarks(
                WatermarkStrategy.<Tuple3<Long, Integer, Integer>>forBoundedOutOfOrderness(Duration.ofMillis(50))
                        .withTimestampAssigner((t, ts) -> timestampOf(t.f0, t.f2)));
        if (placement == Placement.CHAINED_TO_THE_SOURCE) {
            timed.setParallelism(1);
        }
        return timed.keyBy(t -> t.f1).process(new TumblingSums());
    }

    static long timestampOf(long index, int value) {
        return index * 10 - (value % 5) * 10L;
    }

    static long windowEndOf(long timestamp) {
        return Math.floorDiv(timestamp, WINDOW) * WINDOW + WINDOW - 1;
    }

    /** (key, window end, sum, count) for every window of every key, from the input alone. */
    private static List<Tuple4<Integer, Long, Long, Integer>> expectedWindows(InputSpec input) {
        Map<Tuple2<Integer, Long>, long[]> windows = new HashMap<>();
        for (long i = 0; i < input.records(); i++) {
            int key = input.keyOf(i);
            int value = input.valueOf(i);
            long[] w = windows.computeIfAbsent(Tuple2.of(key, windowEndOf(timestampOf(i, value))), k -> new long[2]);
            w[0] += value;
            w[1]++;
        }
        List<Tuple4<Integer, Long, Long, Integer>> expected = new ArrayList<>();
        windows.forEach((k, w) -> expected.add(Tuple4.of(k.f0, k.f1, w[0], (int) w[1])));
        return expected;
    }

    /** Index to (index, key, value). */
    private static final class Indexed implements MapFunction<Long, Tuple3<Long, Integer, Integer>> {
        private final InputSpec input;

        Indexed(InputSpec input) {
            this.input = input;
        }

        @Override
        public Tuple3<Long, Integer, Integer> map(Long index) {
            return Tuple3.of(index, input.keyOf(index), input.valueOf(index));
        }
    }

    /** Sums values per key and tumbling window; a timer at the window's end emits and forgets it. */
    private static final class TumblingSums
            extends KeyedProcessFunction<Integer, Tuple3<Long, Integer, Integer>, Tuple4<Integer, Long, Long, Integer>> {
        private transient MapState<Long, Tuple2<Long, Integer>> windows;

        @Override
        public void open(OpenContext context) {
            windows = getRuntimeContext().getMapState(new MapStateDescriptor<>("windows", Long.class,
                    (Class<Tuple2<Long, Integer>>) (Class<?>) Tuple2.class));
        }

        @Override
        public void processElement(Tuple3<Long, Integer, Integer> record, Context ctx,
                                   Collector<Tuple4<Integer, Long, Long, Integer>> out) throws Exception {
            long end = windowEndOf(ctx.timestamp());
            if (end <= ctx.timerService().currentWatermark()) {
                out.collect(Tuple4.of(record.f1, record.f0, ctx.timerService().currentWatermark(), LATE));
            }
            Tuple2<Long, Integer> sum = windows.get(end);
            windows.put(end, sum == null ? Tuple2.of((long) record.f2, 1) : Tuple2.of(sum.f0 + record.f2, sum.f1 + 1));
            ctx.timerService().registerEventTimeTimer(end);
        }

        @Override
        public void onTimer(long timestamp, OnTimerContext ctx, Collector<Tuple4<Integer, Long, Long, Integer>> out)
                throws Exception {
            if (ctx.timerService().currentWatermark() < timestamp) {
                out.collect(Tuple4.of(ctx.getCurrentKey(), timestamp, ctx.timerService().currentWatermark(),
                        EARLY_TIMER));
            }
            Tuple2<Long, Integer> sum = windows.get(timestamp);
            out.collect(Tuple4.of(ctx.getCurrentKey(), timestamp, sum.f0, sum.f1));
            windows.remove(timestamp);
        }
    }
}
