package io.weir.runtime.jobs;

import io.weir.api.common.RuntimeExecutionMode;
import io.weir.api.config.Configuration;
import io.weir.api.config.ExecutionOptions;
import io.weir.api.connector.source.lib.CollectionSource;
import io.weir.api.connector.source.lib.NumberSequenceSource;
import io.weir.api.datastream.DataStream;
import io.weir.api.datastream.SingleOutputStreamOperator;
import io.weir.api.environment.StreamExecutionEnvironment;
import io.weir.api.eventtime.WatermarkStrategy;
import io.weir.api.functions.Collector;
import io.weir.api.functions.CoProcessFunction;
import io.weir.api.functions.KeyedCoProcessFunction;
import io.weir.api.functions.KeyedProcessFunction;
import io.weir.api.functions.ProcessFunction;
import io.weir.api.functions.TimeDomain;
import io.weir.api.state.MapState;
import io.weir.api.state.MapStateDescriptor;
import io.weir.api.state.ValueState;
import io.weir.api.state.ValueStateDescriptor;
import io.weir.api.tuple.Tuple2;
import io.weir.api.tuple.Tuple3;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.stream.Stream;

import static io.weir.runtime.jobs.TestJobs.collectAll;
import static io.weir.runtime.jobs.TestJobs.multiset;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Keyed timers in jobs, in both modes: when they fire, in what order, with what context. */
class TimersITCase {
    /** A processing time no test run reaches, so such timers fire only at the end of input (or key). */
    static final long FAR_FUTURE = 4_102_444_800_000L;

    static Stream<Arguments> modesAndParallelisms() {
        List<Arguments> args = new ArrayList<>();
        for (RuntimeExecutionMode mode : List.of(RuntimeExecutionMode.STREAMING, RuntimeExecutionMode.BATCH)) {
            for (int p : new int[]{1, 2, 4}) {
                args.add(Arguments.of(mode, p));
            }
        }
        return args.stream();
    }

    static StreamExecutionEnvironment environment(RuntimeExecutionMode mode, int parallelism) {
        Configuration conf = new Configuration();
        conf.set(ExecutionOptions.RUNTIME_MODE, mode);
        StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment(conf);
        env.setParallelism(parallelism);
        return env;
    }

    /** (key, timestamp) events whose timestamps are at most {@code bound} behind the highest before them. */
    static List<Tuple2<Integer, Long>> boundedOutOfOrder(long seed, int n, int keys, long bound) {
        Random random = new Random(seed);
        List<Tuple2<Integer, Long>> events = new ArrayList<>();
        long clock = 0;
        for (int i = 0; i < n; i++) {
            clock += random.nextInt(20);
            long ts = Math.max(0, clock - random.nextInt((int) bound + 1));
            events.add(Tuple2.of(random.nextInt(keys), ts));
        }
        return events;
    }

    static SingleOutputStreamOperator<Tuple2<Integer, Long>> timed(StreamExecutionEnvironment env, List<Tuple2<Integer, Long>> events,
                                                   long bound) {
        return env.fromSource(new CollectionSource<>(events),
                WatermarkStrategy.<Tuple2<Integer, Long>>forBoundedOutOfOrderness(Duration.ofMillis(bound))
                        .withTimestampAssigner((e, ts) -> e.f1), "events");
    }

    // ------------------------------------------------------------------------------------------ event time

    @ParameterizedTest(name = "{0} parallelism {1}")
    @MethodSource("modesAndParallelisms")
    void eventTimeTimersFireOncePerKeyAndTimeInTimeOrderSeeingEveryEarlierRecord(RuntimeExecutionMode mode,
                                                                                int parallelism) throws Exception {
        long bound = 50;
        List<Tuple2<Integer, Long>> events = boundedOutOfOrder(42, 20_000, 37, bound);
        StreamExecutionEnvironment env = environment(mode, parallelism);

        List<Tuple3<Integer, Long, Integer>> fired = collectAll(timed(env, events, bound)
                .keyBy(e -> e.f0)
                .process(new CountPerBucket(100)));

        // Oracle: per key, one firing per 100 ms bucket that had records, counting the bucket's records.
        Map<Integer, TreeMap<Long, Integer>> expected = new HashMap<>();
        for (Tuple2<Integer, Long> e : events) {
            expected.computeIfAbsent(e.f0, k -> new TreeMap<>()).merge((e.f1 / 100 + 1) * 100 - 1, 1, Integer::sum);
        }
        Map<Integer, List<Long>> firedTimesPerKey = new HashMap<>();
        Map<Tuple3<Integer, Long, Integer>, Integer> expectedFirings = new HashMap<>();
        expected.forEach((key, buckets) -> buckets.forEach((t, c) -> expectedFirings.put(Tuple3.of(key, t, c), 1)));
        for (Tuple3<Integer, Long, Integer> f : fired) {
            firedTimesPerKey.computeIfAbsent(f.f0, k -> new ArrayList<>()).add(f.f1);
        }
        assertThat(multiset(fired)).isEqualTo(expectedFirings);
        firedTimesPerKey.values().forEach(times -> assertThat(times).isSorted());
    }

    /**
     * Per key, counts records per bucket of {@code size} ms; an event-time timer at the bucket's end emits
     * (key, bucket end, count). Registering the same timer for each record of a bucket must leave one timer.
     */
    static final class CountPerBucket extends KeyedProcessFunction<Integer, Tuple2<Integer, Long>,
            Tuple3<Integer, Long, Integer>> {
        private final long size;
        private transient MapState<Long, Integer> counts;

        CountPerBucket(long size) {
            this.size = size;
        }

        @Override
        public void open(io.weir.api.functions.OpenContext openContext) {
            counts = getRuntimeContext().getMapState(new MapStateDescriptor<>("counts", Long.class, Integer.class));
        }

        @Override
        public void processElement(Tuple2<Integer, Long> value, Context ctx,
                                   Collector<Tuple3<Integer, Long, Integer>> out) throws Exception {
            long end = (ctx.timestamp() / size + 1) * size - 1;
            if (end <= ctx.timerService().currentWatermark()) {
                throw new IllegalStateException("late record " + value + " at watermark "
                        + ctx.timerService().currentWatermark());
            }
            Integer c = counts.get(end);
            counts.put(end, c == null ? 1 : c + 1);
            ctx.timerService().registerEventTimeTimer(end);
        }

        @Override
        public void onTimer(long timestamp, OnTimerContext ctx, Collector<Tuple3<Integer, Long, Integer>> out)
                throws Exception {
            if (ctx.timeDomain() != TimeDomain.EVENT_TIME || ctx.timestamp() != timestamp
                    || ctx.timerService().currentWatermark() < timestamp) {
                throw new IllegalStateException("wrong timer context at " + timestamp);
            }
            out.collect(Tuple3.of(ctx.getCurrentKey(), timestamp, counts.get(timestamp)));
            counts.remove(timestamp);
        }
    }

    @ParameterizedTest(name = "{0} parallelism {1}")
    @MethodSource("modesAndParallelisms")
    void deletedTimersDoNotFireAndTimerOutputCarriesTheTimersTime(RuntimeExecutionMode mode, int parallelism)
            throws Exception {
        StreamExecutionEnvironment env = environment(mode, parallelism);
        // Each record sets a timeout 1000 ms after it, replacing the key's previous timeout: with records of a key
        // never more than 1000 ms apart, only each key's last timeout fires, in both modes.
        List<Tuple2<Integer, Long>> events = new ArrayList<>();
        for (int i = 0; i < 3_000; i++) {
            events.add(Tuple2.of(i % 10, (long) i * 3));
        }
        // One reader, so each key's records arrive in order and the last timeout set is that of its last record.
        List<Tuple2<Integer, Long>> fired = collectAll(timed(env, events, 0).setParallelism(1)
                .keyBy(e -> e.f0)
                .process(new LastTimeout(1_000))
                .process(new PairWithTimestamp()));

        List<Tuple2<Integer, Long>> expected = new ArrayList<>();
        for (int k = 0; k < 10; k++) {
            long last = (long) (2_990 + k) * 3;
            expected.add(Tuple2.of(k, last + 1_000));
        }
        assertThat(fired).containsExactlyInAnyOrderElementsOf(expected);
    }

    /** Emits the key at its timeout; each record moves the key's timeout. */
    static final class LastTimeout extends KeyedProcessFunction<Integer, Tuple2<Integer, Long>, Integer> {
        private final long timeout;
        private transient ValueState<Long> pending;

        LastTimeout(long timeout) {
            this.timeout = timeout;
        }

        @Override
        public void open(io.weir.api.functions.OpenContext openContext) {
            pending = getRuntimeContext().getState(new ValueStateDescriptor<>("pending", Long.class));
        }

        @Override
        public void processElement(Tuple2<Integer, Long> value, Context ctx, Collector<Integer> out) throws Exception {
            Long previous = pending.value();
            if (previous != null) {
                ctx.timerService().deleteEventTimeTimer(previous);
            }
            long next = ctx.timestamp() + timeout;
            ctx.timerService().registerEventTimeTimer(next);
            pending.update(next);
        }

        @Override
        public void onTimer(long timestamp, OnTimerContext ctx, Collector<Integer> out) throws Exception {
            out.collect(ctx.getCurrentKey());
            pending.clear();
        }
    }

    static final class PairWithTimestamp extends ProcessFunction<Integer, Tuple2<Integer, Long>> {
        @Override
        public void processElement(Integer value, Context ctx, Collector<Tuple2<Integer, Long>> out) {
            out.collect(Tuple2.of(value, ctx.timestamp()));
        }
    }

    /**
     * A timer that re-registers itself 10 ms later from {@code onTimer}, with event time that does not depend on
     * timing (one source subtask, the watermark is each record's time). STREAMING: the chain follows the watermark
     * while input runs (key 1 from 0 up to the watermark 1000), then at the end of input the timers pending (1010)
     * fire once more and what they register is ignored. BATCH: a key's event time ends with the key, so each
     * timer registered by a record fires once. Both end; before, each looped forever.
     */
    @ParameterizedTest(name = "{0}")
    @EnumSource(value = RuntimeExecutionMode.class, names = {"STREAMING", "BATCH"})
    @Timeout(60)
    void aSelfRenewingEventTimeTimerStopsOnceEventTimeEnds(RuntimeExecutionMode mode) throws Exception {
        StreamExecutionEnvironment env = environment(mode, 1);
        List<Tuple2<Integer, Long>> fired = collectAll(env.fromSource(
                        new CollectionSource<>(List.of(Tuple2.of(1, 0L), Tuple2.of(2, 1_000L))),
                        WatermarkStrategy.<Tuple2<Integer, Long>>forGenerator(PunctuatedWatermarks::new)
                                .withTimestampAssigner((e, ts) -> e.f1), "two events")
                .keyBy(e -> e.f0)
                .process(new RenewsEveryTenMillis()));

        List<Tuple2<Integer, Long>> expected = new ArrayList<>();
        if (mode == RuntimeExecutionMode.STREAMING) {
            for (long t = 0; t <= 1_010; t += 10) {
                expected.add(Tuple2.of(1, t));
            }
            expected.add(Tuple2.of(2, 1_000L));
            expected.add(Tuple2.of(2, 1_010L));
        } else {
            expected.add(Tuple2.of(1, 0L));
            expected.add(Tuple2.of(2, 1_000L));
        }
        assertThat(fired).containsExactlyInAnyOrderElementsOf(expected);
    }

    /** Registers an event-time timer at each record's time; each firing emits (key, time) and renews 10 ms later. */
    static final class RenewsEveryTenMillis extends KeyedProcessFunction<Integer, Tuple2<Integer, Long>, Tuple2<Integer, Long>> {
        @Override
        public void processElement(Tuple2<Integer, Long> value, Context ctx, Collector<Tuple2<Integer, Long>> out) {
            ctx.timerService().registerEventTimeTimer(ctx.timestamp());
        }

        @Override
        public void onTimer(long timestamp, OnTimerContext ctx, Collector<Tuple2<Integer, Long>> out) {
            out.collect(Tuple2.of(ctx.getCurrentKey(), timestamp));
            ctx.timerService().registerEventTimeTimer(timestamp + 10);
        }
    }

    // ------------------------------------------------------------------------------------------ processing time

    @ParameterizedTest(name = "{0} parallelism {1}")
    @MethodSource("modesAndParallelisms")
    void pendingProcessingTimeTimersFireAtTheEndOfInputAfterTheKeysEventTimeTimers(RuntimeExecutionMode mode,
                                                                                  int parallelism) throws Exception {
        StreamExecutionEnvironment env = environment(mode, parallelism);
        List<String> fired = collectAll(env.fromSource(new NumberSequenceSource(0, 999),
                        WatermarkStrategy.<Long>noWatermarks().withTimestampAssigner((v, ts) -> v), "numbers")
                .keyBy(v -> v % 5)
                .process(new BothDomains()));

        // With no watermarks, both kinds of timer fire only at the end: per key the event-time one first.
        assertThat(fired).hasSize(10);
        for (long k = 0; k < 5; k++) {
            String event = k + " EVENT_TIME@" + (995 + k) + " count=200 output-ts=" + (995 + k);
            String processing = k + " PROCESSING_TIME@" + FAR_FUTURE + " count=200 output-ts=none";
            assertThat(fired).containsSubsequence(event, processing);
        }
    }

    /** Registers the same far-future processing-time timer and an event-time timer at its last record. */
    static final class BothDomains extends KeyedProcessFunction<Long, Long, String> {
        private transient ValueState<Integer> count;

        @Override
        public void open(io.weir.api.functions.OpenContext openContext) {
            count = getRuntimeContext().getState(new ValueStateDescriptor<>("count", Integer.class));
        }

        @Override
        public void processElement(Long value, Context ctx, Collector<String> out) throws Exception {
            count.update(count.value() == null ? 1 : count.value() + 1);
            ctx.timerService().registerProcessingTimeTimer(FAR_FUTURE);
            if (value >= 995) {
                ctx.timerService().registerEventTimeTimer(value);
            }
        }

        @Override
        public void onTimer(long timestamp, OnTimerContext ctx, Collector<String> out) throws Exception {
            String outputTs = ctx.timeDomain() == TimeDomain.EVENT_TIME ? String.valueOf(timestamp) : "none";
            if (!ctx.timestamp().equals(timestamp)) {
                throw new IllegalStateException("onTimer context timestamp " + ctx.timestamp() + " != " + timestamp);
            }
            out.collect(ctx.getCurrentKey() + " " + ctx.timeDomain() + "@" + timestamp + " count=" + count.value()
                    + " output-ts=" + outputTs);
        }
    }

    @Test
    void inStreamingAProcessingTimeTimerFiresOnTheWallClockWhileInputIsStillRunning() throws Exception {
        StreamExecutionEnvironment env = environment(RuntimeExecutionMode.STREAMING, 2);
        // The source never ends: the only way to output anything is a processing-time timer firing mid-stream.
        List<String> out = env.fromSource(new EndlessSource(), WatermarkStrategy.noWatermarks(), "endless")
                .keyBy(v -> v % 3)
                .process(new ArmsOneWallClockTimer())
                .executeAndCollect(1);
        assertThat(out).containsExactly("PROCESSING_TIME late-by-ok=true");
    }

    @Test
    void inBatchProcessingTimeIsFrozenSoTimersFireOnlyAtTheEndOfEachKey() throws Exception {
        StreamExecutionEnvironment env = environment(RuntimeExecutionMode.BATCH, 2);
        List<String> out = collectAll(env.fromSequence(0, 299).keyBy(v -> v % 3)
                .process(new CountsUntilFrozenTimer()));
        assertThat(out).containsExactlyInAnyOrder("0 saw 100", "1 saw 100", "2 saw 100");
    }

    // ------------------------------------------------------------------------------------------ two inputs

    @ParameterizedTest(name = "{0} parallelism {1}")
    @MethodSource("modesAndParallelisms")
    void keyedCoProcessFunctionsShareTimersAcrossBothInputs(RuntimeExecutionMode mode, int parallelism)
            throws Exception {
        StreamExecutionEnvironment env = environment(mode, parallelism);
        // Orders and payments per key: an order unpaid when event time passes its deadline is reported.
        List<Tuple2<Integer, Long>> orders = new ArrayList<>();
        List<Tuple2<Integer, Long>> payments = new ArrayList<>();
        for (int i = 0; i < 200; i++) {
            orders.add(Tuple2.of(i, (long) i * 10));
            if (i % 3 != 0) {
                payments.add(Tuple2.of(i, (long) i * 10 + 5));
            }
        }
        List<Integer> unpaid = collectAll(timed(env, orders, 0).keyBy(o -> o.f0)
                .connect(timed(env, payments, 0).keyBy(p -> p.f0))
                .process(new UnpaidAfterDeadline(100)));

        List<Integer> expected = new ArrayList<>();
        for (int i = 0; i < 200; i += 3) {
            expected.add(i);
        }
        assertThat(unpaid).containsExactlyInAnyOrderElementsOf(expected);
    }

    static final class UnpaidAfterDeadline extends KeyedCoProcessFunction<Integer, Tuple2<Integer, Long>,
            Tuple2<Integer, Long>, Integer> {
        private final long deadline;
        private transient ValueState<Boolean> paid;

        UnpaidAfterDeadline(long deadline) {
            this.deadline = deadline;
        }

        @Override
        public void open(io.weir.api.functions.OpenContext openContext) {
            paid = getRuntimeContext().getState(new ValueStateDescriptor<>("paid", Boolean.class));
        }

        @Override
        public void processElement1(Tuple2<Integer, Long> order, Context ctx, Collector<Integer> out) {
            ctx.timerService().registerEventTimeTimer(order.f1 + deadline);
        }

        @Override
        public void processElement2(Tuple2<Integer, Long> payment, Context ctx, Collector<Integer> out)
                throws Exception {
            paid.update(true);
        }

        @Override
        public void onTimer(long timestamp, OnTimerContext ctx, Collector<Integer> out) throws Exception {
            if (paid.value() == null) {
                out.collect(ctx.getCurrentKey());
            }
        }
    }

    // ------------------------------------------------------------------------------------------ errors

    @ParameterizedTest(name = "{0} parallelism {1}")
    @MethodSource("modesAndParallelisms")
    void aFailingOnTimerFailsTheJobNamingTheOperator(RuntimeExecutionMode mode, int parallelism) {
        StreamExecutionEnvironment env = environment(mode, parallelism);
        env.getConfiguration().setString("restart-strategy.type", "none");
        DataStream<Long> failing = env.fromSequence(1, 100).keyBy(v -> v % 4)
                .process(new FailingTimer()).name("fragile timers");
        assertThatThrownBy(() -> collectAll(failing))
                .hasMessageContaining("'fragile timers'")
                .hasMessageContaining("timer broke for key");
    }

    @Test
    void aProcessFunctionWithOnTimerOnAStreamThatIsNotKeyedIsRejectedWhenTheJobIsBuilt() {
        StreamExecutionEnvironment env = environment(RuntimeExecutionMode.STREAMING, 1);
        assertThatThrownBy(() -> env.fromSequence(1, 10).process(new ProcessWithTimer()))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("ProcessWithTimer overrides onTimer")
                .hasMessageContaining("keyBy(...).process(...)");
        assertThatThrownBy(() -> env.fromSequence(1, 10).connect(env.fromSequence(1, 10))
                .process(new CoProcessWithTimer()))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("CoProcessWithTimer overrides onTimer")
                .hasMessageContaining("keyBy(keySelector1, keySelector2)");
    }

    @ParameterizedTest(name = "{0} parallelism {1}")
    @MethodSource("modesAndParallelisms")
    void aProcessFunctionOnAKeyedStreamMayUseTimers(RuntimeExecutionMode mode, int parallelism) throws Exception {
        StreamExecutionEnvironment env = environment(mode, parallelism);
        List<Long> out = collectAll(env.fromSource(new NumberSequenceSource(1, 60),
                        WatermarkStrategy.<Long>forMonotonousTimestamps().withTimestampAssigner((v, ts) -> v), "n")
                .keyBy(v -> v % 6)
                .process(new ProcessWithTimer()));
        assertThat(out).containsExactlyInAnyOrder(1_055L, 1_056L, 1_057L, 1_058L, 1_059L, 1_060L);
    }

    /** Keeps one timer per key at (its latest record + 1000) and emits the timer's time. */
    static final class ProcessWithTimer extends ProcessFunction<Long, Long> {
        @Override
        public void processElement(Long value, Context ctx, Collector<Long> out) {
            if (value > 54) {
                ctx.timerService().registerEventTimeTimer(value + 1_000);
            }
        }

        @Override
        public void onTimer(long timestamp, OnTimerContext ctx, Collector<Long> out) {
            out.collect(timestamp);
        }
    }

    static final class CoProcessWithTimer extends CoProcessFunction<Long, Long, Long> {
        @Override
        public void processElement1(Long value, Context ctx, Collector<Long> out) {
        }

        @Override
        public void processElement2(Long value, Context ctx, Collector<Long> out) {
        }

        @Override
        public void onTimer(long timestamp, OnTimerContext ctx, Collector<Long> out) {
        }
    }

    static final class ArmsOneWallClockTimer extends KeyedProcessFunction<Long, Long, String> {
        private transient ValueState<Boolean> armed;

        @Override
        public void open(io.weir.api.functions.OpenContext openContext) {
            armed = getRuntimeContext().getState(new ValueStateDescriptor<>("armed", Boolean.class));
        }

        @Override
        public void processElement(Long value, Context ctx, Collector<String> out) throws Exception {
            if (armed.value() == null) {
                armed.update(true);
                ctx.timerService().registerProcessingTimeTimer(
                        ctx.timerService().currentProcessingTime() + 20);
            }
        }

        @Override
        public void onTimer(long timestamp, OnTimerContext ctx, Collector<String> out) {
            long now = ctx.timerService().currentProcessingTime();
            out.collect(ctx.timeDomain() + " late-by-ok=" + (now >= timestamp));
        }
    }

    static final class CountsUntilFrozenTimer extends KeyedProcessFunction<Long, Long, String> {
        private transient ValueState<Long> first;
        private transient ValueState<Integer> seen;

        @Override
        public void open(io.weir.api.functions.OpenContext openContext) {
            first = getRuntimeContext().getState(new ValueStateDescriptor<>("first", Long.class));
            seen = getRuntimeContext().getState(new ValueStateDescriptor<>("seen", Integer.class));
        }

        @Override
        public void processElement(Long value, Context ctx, Collector<String> out) throws Exception {
            long now = ctx.timerService().currentProcessingTime();
            if (first.value() == null) {
                first.update(now);
                // Already due: a live clock would fire it at once; a frozen one waits for the key's end.
                ctx.timerService().registerProcessingTimeTimer(now);
            } else if (first.value() != now) {
                throw new IllegalStateException("processing time moved from " + first.value() + " to " + now);
            }
            seen.update(seen.value() == null ? 1 : seen.value() + 1);
        }

        @Override
        public void onTimer(long timestamp, OnTimerContext ctx, Collector<String> out) throws Exception {
            out.collect(ctx.getCurrentKey() + " saw " + seen.value());
        }
    }

    static final class FailingTimer extends KeyedProcessFunction<Long, Long, Long> {
        @Override
        public void processElement(Long value, Context ctx, Collector<Long> out) {
            ctx.timerService().registerEventTimeTimer(5);
        }

        @Override
        public void onTimer(long timestamp, OnTimerContext ctx, Collector<Long> out) {
            throw new IllegalStateException("timer broke for key " + ctx.getCurrentKey());
        }
    }
}
