package io.weir.runtime.differential;

import io.weir.api.connector.source.lib.NumberSequenceSource;
import io.weir.api.datastream.DataStream;
import io.weir.api.environment.StreamExecutionEnvironment;
import io.weir.api.eventtime.WatermarkStrategy;
import io.weir.api.functions.Collector;
import io.weir.api.functions.KeyedProcessFunction;
import io.weir.api.functions.MapFunction;
import io.weir.api.functions.OpenContext;
import io.weir.api.functions.TimeDomain;
import io.weir.api.state.MapState;
import io.weir.api.state.MapStateDescriptor;
import io.weir.api.state.ValueState;
import io.weir.api.state.ValueStateDescriptor;
import io.weir.api.tuple.Tuple2;
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
 * Keyed timers, STREAMING against BATCH on seeded bounded input: per key, event-time timers at the end of each
 * 100 ms bucket emit the bucket's sum (a timer registered by every record of the bucket must fire once, after all
 * of them), and one processing-time timer far in the future emits the key's total when input ends. STREAMING fires
 * the event-time timers as the watermark passes (records are at most 49 ms out of order, within the strategy's
 * bound, so none is late); BATCH fires them at the end of each key. The final outputs must be equal.
 */
@Timeout(120)
class TimersDifferentialITCase {
    static final long BUCKET = 100;
    static final long FAR_FUTURE = 4_102_444_800_000L;

    static Stream<Arguments> cases() {
        List<Arguments> args = new ArrayList<>();
        List<InputSpec> inputs = List.of(InputSpec.uniform(11, 20_000, 50), InputSpec.skewed(12, 20_000, 200),
                InputSpec.singleKey(13, 5_000), InputSpec.uniform(14, 3_000, 2_000), InputSpec.empty(15));
        for (InputSpec input : inputs) {
            for (int p : new int[]{1, 2, 4}) {
                args.add(Arguments.of(input, p, p == 2 ? Settings.tinyMemory() : Settings.defaults()));
            }
        }
        return args.stream();
    }

    @ParameterizedTest(name = "{0} parallelism {1} {2}")
    @MethodSource("cases")
    void bucketSumsByEventTimeTimersAndTotalsByProcessingTimeTimersAgree(InputSpec input, int parallelism,
                                                                         Settings settings) {
        runInBothModes("timers over " + input, parallelism, settings, env -> job(env, input))
                .assertSameMultiset()
                .assertBothEqual(oracle(input));
    }

    static Stream<Arguments> renewingCases() {
        List<Arguments> args = new ArrayList<>();
        List<InputSpec> inputs = List.of(InputSpec.uniform(16, 5_000, 40), InputSpec.skewed(17, 5_000, 300));
        for (InputSpec input : inputs) {
            for (int p : new int[]{1, 2, 4}) {
                args.add(Arguments.of(input, p));
            }
        }
        return args.stream();
    }

    /**
     * Timers that re-register themselves from {@code onTimer} (at their time + 10, in both domains) with no
     * watermarks before the end: STREAMING's event time ends at the end of input, BATCH's at the end of each key.
     * Then each timer pending fires once, the event-time timers it registers are ignored, and a processing-time
     * timer it registers beyond the latest one pending is dropped: both modes end, with the same output. (Before,
     * BATCH and STREAMING both fired such event-time timers forever.)
     */
    @ParameterizedTest(name = "{0} parallelism {1}")
    @MethodSource("renewingCases")
    void selfRenewingTimersFireOnceWhenEventTimeEndsInBothModes(InputSpec input, int parallelism) {
        runInBothModes("self-renewing timers over " + input, parallelism, Settings.defaults(), env -> env
                .fromSource(new NumberSequenceSource(0, input.records() - 1L),
                        WatermarkStrategy.<Long>noWatermarks().withTimestampAssigner((i, ts) -> timestampOf(input, i)),
                        "timed indices")
                .map(new ToRecord(input))
                .keyBy(r -> r.f0)
                .process(new RenewingTimers()))
                .assertSameMultiset()
                .assertBothEqual(renewingOracle(input));
    }

    private static List<Tuple4<String, Integer, Long, Long>> renewingOracle(InputSpec input) {
        Map<Integer, java.util.Set<Long>> times = new HashMap<>();
        Map<Integer, Long> counts = new HashMap<>();
        for (long i = 0; i < input.records(); i++) {
            times.computeIfAbsent(input.keyOf(i), k -> new java.util.HashSet<>()).add(timestampOf(input, i));
            counts.merge(input.keyOf(i), 1L, Long::sum);
        }
        List<Tuple4<String, Integer, Long, Long>> expected = new ArrayList<>();
        times.forEach((key, ts) -> ts.forEach(t -> expected.add(Tuple4.of("event", key, t, counts.get(key)))));
        counts.forEach((key, count) -> expected.add(Tuple4.of("processing", key, FAR_FUTURE, count)));
        return expected;
    }

    /**
     * Counts a key's records; registers an event-time timer at each record's time and one far-future processing-time
     * timer; every firing emits (domain, key, time, count) and registers a timer of its domain 10 ms later.
     */
    private static final class RenewingTimers
            extends KeyedProcessFunction<Integer, Tuple2<Integer, Integer>, Tuple4<String, Integer, Long, Long>> {
        private transient ValueState<Long> count;

        @Override
        public void open(OpenContext openContext) {
            count = getRuntimeContext().getState(new ValueStateDescriptor<>("count", Long.class));
        }

        @Override
        public void processElement(Tuple2<Integer, Integer> r, Context ctx,
                                   Collector<Tuple4<String, Integer, Long, Long>> out) throws Exception {
            count.update((count.value() == null ? 0 : count.value()) + 1);
            ctx.timerService().registerEventTimeTimer(ctx.timestamp());
            ctx.timerService().registerProcessingTimeTimer(FAR_FUTURE);
        }

        @Override
        public void onTimer(long timestamp, OnTimerContext ctx, Collector<Tuple4<String, Integer, Long, Long>> out)
                throws Exception {
            if (ctx.timeDomain() == TimeDomain.EVENT_TIME) {
                out.collect(Tuple4.of("event", ctx.getCurrentKey(), timestamp, count.value()));
                ctx.timerService().registerEventTimeTimer(timestamp + 10);
            } else {
                out.collect(Tuple4.of("processing", ctx.getCurrentKey(), timestamp, count.value()));
                ctx.timerService().registerProcessingTimeTimer(timestamp + 10);
            }
        }
    }

    /** Record i has timestamp 10 i minus up to 49 ms of jitter. */
    static long timestampOf(InputSpec input, long index) {
        return index * 10 + 49 - input.valueOf(index) % 50;
    }

    private static DataStream<Tuple4<String, Integer, Long, Long>> job(StreamExecutionEnvironment env, InputSpec input) {
        if (input.records() == 0) {
            return input.source(env).keyBy(r -> r.f0).process(new BucketSums());
        }
        return env.fromSource(new NumberSequenceSource(0, input.records() - 1L),
                        WatermarkStrategy.<Long>forBoundedOutOfOrderness(Duration.ofMillis(49))
                                .withTimestampAssigner((i, ts) -> timestampOf(input, i)), "timed indices")
                .map(new ToRecord(input))
                .keyBy(r -> r.f0)
                .process(new BucketSums());
    }

    private static List<Tuple4<String, Integer, Long, Long>> oracle(InputSpec input) {
        Map<Integer, Map<Long, Long>> buckets = new HashMap<>();
        Map<Integer, Long> totals = new HashMap<>();
        for (long i = 0; i < input.records(); i++) {
            int key = input.keyOf(i);
            long end = (timestampOf(input, i) / BUCKET + 1) * BUCKET - 1;
            buckets.computeIfAbsent(key, k -> new HashMap<>()).merge(end, (long) input.valueOf(i), Long::sum);
            totals.merge(key, (long) input.valueOf(i), Long::sum);
        }
        List<Tuple4<String, Integer, Long, Long>> expected = new ArrayList<>();
        buckets.forEach((key, sums) -> sums.forEach((end, sum) -> expected.add(Tuple4.of("bucket", key, end, sum))));
        totals.forEach((key, sum) -> expected.add(Tuple4.of("total", key, FAR_FUTURE, sum)));
        return expected;
    }

    private static final class ToRecord implements MapFunction<Long, Tuple2<Integer, Integer>> {
        private final InputSpec input;

        ToRecord(InputSpec input) {
            this.input = input;
        }

        @Override
        public Tuple2<Integer, Integer> map(Long index) {
            return input.record(index);
        }
    }

    /** Emits ("bucket", key, bucket end, sum) per bucket and ("total", key, FAR_FUTURE, sum) per key. */
    private static final class BucketSums
            extends KeyedProcessFunction<Integer, Tuple2<Integer, Integer>, Tuple4<String, Integer, Long, Long>> {
        private transient MapState<Long, Long> sums;
        private transient ValueState<Long> total;

        @Override
        public void open(OpenContext openContext) {
            sums = getRuntimeContext().getMapState(new MapStateDescriptor<>("sums", Long.class, Long.class));
            total = getRuntimeContext().getState(new ValueStateDescriptor<>("total", Long.class));
        }

        @Override
        public void processElement(Tuple2<Integer, Integer> r, Context ctx,
                                   Collector<Tuple4<String, Integer, Long, Long>> out) throws Exception {
            long end = (ctx.timestamp() / BUCKET + 1) * BUCKET - 1;
            Long sum = sums.get(end);
            sums.put(end, (sum == null ? 0 : sum) + r.f1);
            ctx.timerService().registerEventTimeTimer(end);
            total.update((total.value() == null ? 0 : total.value()) + r.f1);
            ctx.timerService().registerProcessingTimeTimer(FAR_FUTURE);
        }

        @Override
        public void onTimer(long timestamp, OnTimerContext ctx, Collector<Tuple4<String, Integer, Long, Long>> out)
                throws Exception {
            if (ctx.timeDomain() == TimeDomain.EVENT_TIME) {
                out.collect(Tuple4.of("bucket", ctx.getCurrentKey(), timestamp, sums.get(timestamp)));
                sums.remove(timestamp);
            } else {
                out.collect(Tuple4.of("total", ctx.getCurrentKey(), timestamp, total.value()));
            }
        }
    }
}
