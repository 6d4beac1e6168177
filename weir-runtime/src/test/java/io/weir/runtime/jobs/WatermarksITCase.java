package io.weir.runtime.jobs;

import io.weir.api.common.JobClient;
import io.weir.api.common.RuntimeExecutionMode;
import io.weir.api.config.Configuration;
import io.weir.api.config.PipelineOptions;
import io.weir.api.connector.source.Boundedness;
import io.weir.api.connector.source.InputStatus;
import io.weir.api.connector.source.QueueSplitEnumerator;
import io.weir.api.connector.source.ReaderOutput;
import io.weir.api.connector.source.Source;
import io.weir.api.connector.source.SourceReader;
import io.weir.api.connector.source.SourceOutput;
import io.weir.api.connector.source.SourceReaderContext;
import io.weir.api.connector.source.SourceSplit;
import io.weir.api.connector.source.SplitEnumerator;
import io.weir.api.connector.source.lib.NumberSequenceSource;
import io.weir.api.datastream.DataStream;
import io.weir.api.environment.StreamExecutionEnvironment;
import io.weir.api.eventtime.WatermarkGenerator;
import io.weir.api.eventtime.WatermarkOutput;
import io.weir.api.eventtime.WatermarkStrategy;
import io.weir.api.functions.CoProcessFunction;
import io.weir.api.functions.Collector;
import io.weir.api.functions.KeyedProcessFunction;
import io.weir.api.functions.ProcessFunction;
import io.weir.api.functions.TimerService;
import io.weir.api.tuple.Tuple3;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Stream;

import static io.weir.runtime.jobs.ScriptedSource.await;
import static io.weir.runtime.jobs.ScriptedSource.emit;
import static io.weir.runtime.jobs.ScriptedSource.script;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * DESIGN.md section 1, Time: watermarks flow with the data through rebalance and keyBy exchanges at parallelism
 * 1, 2 and 4. An operator's watermark is the minimum over its input channels, ignoring idle ones; it never goes
 * back; a bounded input ends with {@code MAX_WATERMARK}; BATCH assigns timestamps but runs no generator.
 *
 * <p>Event time here is made by punctuated generators (a watermark right after each record), so what a job
 * observes does not depend on timing; where a job must wait for something (an idle source to be noticed, a
 * periodic watermark), the test waits for the watermark to arrive at the sink, never for a fixed time.
 */
@Timeout(120)
class WatermarksITCase {
    private static final Duration WAIT = Duration.ofSeconds(60);
    private static final AtomicInteger RUN = new AtomicInteger();
    private static final Map<String, AtomicInteger> OBSERVED = new ConcurrentHashMap<>();
    private static final AtomicLong GENERATOR_EVENTS = new AtomicLong();

    enum Exchange { REBALANCE, KEY_BY }

    static Stream<Arguments> parallelismsAndExchanges() {
        List<Arguments> args = new ArrayList<>();
        for (int p : new int[]{1, 2, 4}) {
            for (Exchange e : Exchange.values()) {
                args.add(Arguments.of(p, e));
            }
        }
        return args.stream();
    }

    static Stream<Arguments> modesParallelismsAndExchanges() {
        return parallelismsAndExchanges().flatMap(a -> Stream.of(RuntimeExecutionMode.STREAMING,
                RuntimeExecutionMode.BATCH).map(m -> Arguments.of(m, a.get()[0], a.get()[1])));
    }

    private static String id(String test) {
        return test + "-" + RUN.incrementAndGet();
    }

    private static StreamExecutionEnvironment env(int parallelism) {
        return env(parallelism, RuntimeExecutionMode.STREAMING);
    }

    private static StreamExecutionEnvironment env(int parallelism, RuntimeExecutionMode mode) {
        Configuration conf = new Configuration().set(PipelineOptions.AUTO_WATERMARK_INTERVAL, Duration.ofMillis(10));
        StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment(conf);
        env.setRuntimeMode(mode);
        env.setParallelism(parallelism);
        return env;
    }

    private static <T> WatermarkStrategy<T> punctuated() {
        return WatermarkStrategy.forGenerator(PunctuatedWatermarks::new);
    }

    private static <T> DataStream<T> across(DataStream<T> stream, Exchange exchange) {
        return exchange == Exchange.REBALANCE ? stream.rebalance() : stream.keyBy(v -> v.hashCode() % 7);
    }

    /** Source subtask {@code i} emits {@code 1000 * (i + 1)} and the 499 longs after it. */
    private static List<ScriptedSource.Script> fastScripts(int parallelism) {
        List<ScriptedSource.Script> scripts = new ArrayList<>();
        for (int i = 0; i < parallelism; i++) {
            scripts.add(script(i, emit(1000L * (i + 1), 1000L * (i + 1) + 499)));
        }
        return scripts;
    }

    private static void assertNeverBackAndEndsWith(Map<Integer, List<Long>> watermarks, int subtasks, Long last) {
        assertThat(watermarks).hasSize(subtasks);
        watermarks.forEach((subtask, w) -> {
            assertThat(w).as("watermarks of sink subtask %s", subtask).isSortedAccordingTo(Long::compare)
                    .doesNotHaveDuplicates();
            if (last != null) {
                assertThat(w).as("watermarks of sink subtask %s", subtask).last().isEqualTo(last);
            }
        });
    }

    // ------------------------------------------------------------------------------- minimum over channels

    @ParameterizedTest(name = "parallelism {0}, {1}")
    @MethodSource("parallelismsAndExchanges")
    void aSlowChannelHoldsTheWatermarkBack(int parallelism, Exchange exchange) throws Exception {
        String id = id("slow");
        String release = id + "-release";
        int fastRecords = parallelism * 500;
        OBSERVED.put(id, new AtomicInteger());
        StreamExecutionEnvironment env = env(parallelism);
        DataStream<Long> fast = env.fromSource(new ScriptedSource(Boundedness.BOUNDED, fastScripts(parallelism)),
                punctuated(), "fast");
        DataStream<Long> slow = env.fromSource(new ScriptedSource(Boundedness.BOUNDED,
                List.of(script(0, emit(10, 10), await(release), emit(100_000, 100_000)))), punctuated(), "slow")
                .setParallelism(1);
        DataStream<Long> both = fast.union(slow);
        DataStream<Tuple3<Long, Long, Long>> observed = exchange == Exchange.REBALANCE
                ? both.rebalance().process(new ObserveWatermark(id, fastRecords, release))
                : both.keyBy(v -> v % 7).process(new ObserveWatermarkKeyed(id, fastRecords, release));
        observed.sinkTo(WatermarkSink.named(id));

        env.execute();

        List<Tuple3<Long, Long, Long>> arrivals = WatermarkSink.run(id).arrivals().stream()
                .map(a -> (Tuple3<Long, Long, Long>) a.value()).toList();
        List<Tuple3<Long, Long, Long>> fastOnes = arrivals.stream().filter(t -> t.f0 >= 1000 && t.f0 < 100_000).toList();
        assertThat(fastOnes).hasSize(fastRecords).allSatisfy(t -> {
            assertThat(t.f1).isEqualTo(t.f0);
            assertThat(t.f2).as("watermark when %s arrived", t.f0).isLessThanOrEqualTo(10L);
        });
        assertThat(arrivals).hasSize(fastRecords + 2);
        assertNeverBackAndEndsWith(WatermarkSink.run(id).watermarks(), parallelism, Long.MAX_VALUE);
    }

    /** Emits (value, timestamp, watermark on arrival); raises {@code release} once every fast record was seen. */
    static final class ObserveWatermark extends ProcessFunction<Long, Tuple3<Long, Long, Long>> {
        private final String id;
        private final int fastRecords;
        private final String release;

        ObserveWatermark(String id, int fastRecords, String release) {
            this.id = id;
            this.fastRecords = fastRecords;
            this.release = release;
        }

        @Override
        public void processElement(Long value, Context ctx, Collector<Tuple3<Long, Long, Long>> out) {
            out.collect(observe(id, fastRecords, release, value, ctx.timestamp(), ctx.timerService()));
        }
    }

    static final class ObserveWatermarkKeyed extends KeyedProcessFunction<Long, Long, Tuple3<Long, Long, Long>> {
        private final String id;
        private final int fastRecords;
        private final String release;

        ObserveWatermarkKeyed(String id, int fastRecords, String release) {
            this.id = id;
            this.fastRecords = fastRecords;
            this.release = release;
        }

        @Override
        public void processElement(Long value, Context ctx, Collector<Tuple3<Long, Long, Long>> out) {
            out.collect(observe(id, fastRecords, release, value, ctx.timestamp(), ctx.timerService()));
        }
    }

    private static Tuple3<Long, Long, Long> observe(String id, int fastRecords, String release, long value,
                                                    Long timestamp, TimerService timers) {
        Tuple3<Long, Long, Long> seen = Tuple3.of(value, timestamp, timers.currentWatermark());
        if (value >= 1000 && value < 100_000 && OBSERVED.get(id).incrementAndGet() == fastRecords) {
            ScriptedSource.raise(release);
        }
        return seen;
    }

    // ------------------------------------------------------------------------------- idleness

    enum Idle { NO_SPLIT, QUIET_SPLIT_WITH_IDLENESS }

    static Stream<Arguments> parallelismsExchangesAndIdleness() {
        return parallelismsAndExchanges().flatMap(a -> Stream.of(Idle.values())
                .map(i -> Arguments.of(a.get()[0], a.get()[1], i)));
    }

    /** Every subtask of an idle source: without a split at all, or with one that emits nothing. */
    private static DataStream<Long> idleSource(StreamExecutionEnvironment env, int parallelism, Idle idle) {
        if (idle == Idle.NO_SPLIT) {
            return env.fromSource(new ScriptedSource(Boundedness.CONTINUOUS_UNBOUNDED, List.of()), punctuated(),
                    "no splits");
        }
        List<ScriptedSource.Script> quiet = new ArrayList<>();
        for (int i = 0; i < parallelism; i++) {
            quiet.add(script(i, await("never")));
        }
        return env.fromSource(new ScriptedSource(Boundedness.CONTINUOUS_UNBOUNDED, quiet),
                WatermarkStrategy.<Long>forGenerator(PunctuatedWatermarks::new).withIdleness(Duration.ofMillis(20)),
                "quiet");
    }

    @ParameterizedTest(name = "parallelism {0}, {1}, {2}")
    @MethodSource("parallelismsExchangesAndIdleness")
    void idleSourceSubtasksDoNotHoldTheWatermarkBack(int parallelism, Exchange exchange, Idle idle) throws Exception {
        String id = id("idle");
        StreamExecutionEnvironment env = env(parallelism);
        DataStream<Long> fast = env.fromSource(new ScriptedSource(Boundedness.CONTINUOUS_UNBOUNDED,
                fastScripts(parallelism)), punctuated(), "fast");
        across(fast.union(idleSource(env, parallelism, idle)), exchange).sinkTo(WatermarkSink.named(id));

        JobClient job = env.executeAsync();
        try {
            // Subtask 0's last record is the slowest of the fast ones: 1499.
            WatermarkSink.run(id).awaitWatermarks(parallelism, 1499, WAIT);
            WatermarkSink.run(id).awaitArrivals(a -> a.size() == parallelism * 500, WAIT, "every fast record");
        } finally {
            job.cancel().get();
        }
        assertNeverBackAndEndsWith(WatermarkSink.run(id).watermarks(), parallelism, null);
        assertThat(WatermarkSink.run(id).arrivals()).hasSize(parallelism * 500).noneMatch(WatermarkSink.Arrival::isLate);
    }

    /** A whole input of a two-input operator is idle: the operator's watermark follows the other input. */
    @ParameterizedTest(name = "parallelism {0}, {1}")
    @MethodSource("parallelismsAndExchanges")
    void anIdleInputOfATwoInputOperatorDoesNotHoldItBack(int parallelism, Exchange exchange) throws Exception {
        String id = id("co-idle");
        StreamExecutionEnvironment env = env(parallelism);
        DataStream<Long> fast = env.fromSource(new ScriptedSource(Boundedness.CONTINUOUS_UNBOUNDED,
                fastScripts(parallelism)), punctuated(), "fast");
        across(fast, exchange).connect(across(idleSource(env, parallelism, Idle.NO_SPLIT), exchange))
                .process(new PassBoth())
                .sinkTo(WatermarkSink.named(id));

        JobClient job = env.executeAsync();
        try {
            WatermarkSink.run(id).awaitWatermarks(parallelism, 1499, WAIT);
        } finally {
            job.cancel().get();
        }
        assertNeverBackAndEndsWith(WatermarkSink.run(id).watermarks(), parallelism, null);
    }

    static final class PassBoth extends CoProcessFunction<Long, Long, Long> {
        @Override
        public void processElement1(Long value, Context ctx, Collector<Long> out) {
            out.collect(value);
        }

        @Override
        public void processElement2(Long value, Context ctx, Collector<Long> out) {
            out.collect(value);
        }
    }

    @ParameterizedTest(name = "parallelism {0}, {1}")
    @MethodSource("parallelismsAndExchanges")
    void aChannelBackFromIdlenessWithOlderRecordsDoesNotMoveTheWatermarkBack(int parallelism, Exchange exchange)
            throws Exception {
        String id = id("back");
        String wake = id + "-wake";
        StreamExecutionEnvironment env = env(parallelism);
        DataStream<Long> fast = env.fromSource(new ScriptedSource(Boundedness.CONTINUOUS_UNBOUNDED,
                fastScripts(parallelism)), punctuated(), "fast");
        DataStream<Long> quiet = env.fromSource(new ScriptedSource(Boundedness.CONTINUOUS_UNBOUNDED,
                        List.of(script(0, await(wake), emit(100, 109)))),
                WatermarkStrategy.<Long>forGenerator(PunctuatedWatermarks::new).withIdleness(Duration.ofMillis(20)),
                "quiet").setParallelism(1);
        across(fast.union(quiet), exchange).sinkTo(WatermarkSink.named(id));

        JobClient job = env.executeAsync();
        try {
            WatermarkSink.Run run = WatermarkSink.run(id);
            run.awaitWatermarks(parallelism, 1499, WAIT);
            ScriptedSource.raise(wake);
            run.awaitArrivals(a -> a.stream().filter(x -> (Long) x.value() < 1000).count() == 10, WAIT,
                    "the 10 records of the woken source");
        } finally {
            job.cancel().get();
        }
        WatermarkSink.Run run = WatermarkSink.run(id);
        assertNeverBackAndEndsWith(run.watermarks(), parallelism, 1499L);
        assertThat(run.arrivals()).filteredOn(a -> (Long) a.value() < 1000).hasSize(10)
                .allSatisfy(a -> assertThat(a.watermarkBefore()).isEqualTo(1499));
    }

    // ------------------------------------------------------------------------------- end of input, per mode

    @ParameterizedTest(name = "{0}, parallelism {1}, {2}")
    @MethodSource("modesParallelismsAndExchanges")
    void aBoundedInputEndsWithTheMaxWatermarkAndBatchHasNoOther(RuntimeExecutionMode mode, int parallelism,
                                                                 Exchange exchange) throws Exception {
        String id = id("max");
        StreamExecutionEnvironment env = env(parallelism, mode);
        across(env.fromSource(new NumberSequenceSource(1, 2000), WatermarkStrategy.<Long>forGenerator(
                PunctuatedWatermarks::new).withTimestampAssigner((v, ts) -> v * 10), "timed"), exchange)
                .sinkTo(WatermarkSink.named(id));

        env.execute();

        WatermarkSink.Run run = WatermarkSink.run(id);
        assertThat(run.arrivals()).hasSize(2000)
                .allSatisfy(a -> assertThat(a.timestamp()).isEqualTo((Long) a.value() * 10))
                .noneMatch(WatermarkSink.Arrival::isLate);
        assertNeverBackAndEndsWith(run.watermarks(), parallelism, Long.MAX_VALUE);
        if (mode == RuntimeExecutionMode.BATCH) {
            assertThat(run.watermarks().values()).allSatisfy(w -> assertThat(w).containsExactly(Long.MAX_VALUE));
            assertThat(run.arrivals()).allSatisfy(a -> assertThat(a.watermarkBefore()).isEqualTo(Long.MIN_VALUE));
        } else {
            // Every sink subtask heard from all source subtasks before the end: the watermark moved on the way.
            assertThat(run.watermarks().values()).allSatisfy(w -> assertThat(w).hasSizeGreaterThan(1));
        }
    }

    // ------------------------------------------------------------------------------- per-split generation

    static Stream<Arguments> parallelismsExchangesAndSplitOutputs() {
        return parallelismsAndExchanges().flatMap(a -> Stream.of(true, false)
                .map(perSplit -> Arguments.of(a.get()[0], a.get()[1], perSplit)));
    }

    @ParameterizedTest(name = "parallelism {0}, {1}, split outputs {2}")
    @MethodSource("parallelismsExchangesAndSplitOutputs")
    void splitOutputsKeepAPartitionThatLagsBehindFromMakingItsRecordsLate(int parallelism, Exchange exchange,
                                                                         boolean splitOutputs) throws Exception {
        String id = id("split");
        StreamExecutionEnvironment env = env(parallelism);
        across(env.fromSource(new TwoPartitions(splitOutputs), punctuated(), "partitions").setParallelism(1), exchange)
                .sinkTo(WatermarkSink.named(id));

        env.execute();

        WatermarkSink.Run run = WatermarkSink.run(id);
        assertThat(run.arrivals()).hasSize(2 * TwoPartitions.RECORDS);
        long late = run.arrivals().stream().filter(WatermarkSink.Arrival::isLate).count();
        if (splitOutputs) {
            // The reader's watermark is the minimum of its partitions': nothing is late, and it still advances.
            assertThat(late).isZero();
            assertThat(run.arrivals()).anySatisfy(a -> assertThat(a.watermarkBefore()).isGreaterThan(900));
        } else {
            // One generator for both partitions runs ahead with the leading one: the other's records are late.
            assertThat(late).isGreaterThan(TwoPartitions.RECORDS / 2);
        }
        assertNeverBackAndEndsWith(run.watermarks(), parallelism, Long.MAX_VALUE);
    }

    /**
     * One split holding two partitions read in turns: partition A's timestamps run 1000 ahead of B's. With
     * {@code splitOutputs} each partition is emitted through its own split output.
     */
    static final class TwoPartitions implements Source<Long, TwoPartitions.Whole> {
        static final int RECORDS = 1000;
        private final boolean splitOutputs;

        TwoPartitions(boolean splitOutputs) {
            this.splitOutputs = splitOutputs;
        }

        @Override
        public Boundedness getBoundedness() {
            return Boundedness.BOUNDED;
        }

        @Override
        public SplitEnumerator<Whole> createEnumerator(int parallelism) {
            return new QueueSplitEnumerator<>(List.of(new Whole()));
        }

        @Override
        public SourceReader<Long, Whole> createReader(SourceReaderContext context) {
            return new SourceReader<>() {
                private int next;

                @Override
                public void addSplit(Whole split) {
                    next = 0;
                }

                @Override
                public InputStatus pollNext(ReaderOutput<Long> output) {
                    // Both outputs exist before either emits: a new output would start at the reader's watermark.
                    SourceOutput<Long> partitionA = splitOutputs ? output.createOutputForSplit("A") : output;
                    SourceOutput<Long> partitionB = splitOutputs ? output.createOutputForSplit("B") : output;
                    int end = Math.min(RECORDS, next + 50);
                    for (; next < end; next++) {
                        long a = RECORDS + next;
                        long b = next;
                        partitionA.collect(a, a);
                        partitionB.collect(b, b);
                    }
                    if (next < RECORDS) {
                        return InputStatus.MORE_AVAILABLE;
                    }
                    output.releaseOutputForSplit("A");
                    output.releaseOutputForSplit("B");
                    return InputStatus.END_OF_SPLIT;
                }
            };
        }

        record Whole() implements SourceSplit {
            @Override
            public String splitId() {
                return "both partitions";
            }
        }
    }

    // ------------------------------------------------------------------------------- assignTimestampsAndWatermarks

    static Stream<Arguments> modesAndParallelisms() {
        return Stream.of(RuntimeExecutionMode.STREAMING, RuntimeExecutionMode.BATCH)
                .flatMap(m -> Stream.of(1, 2, 4).map(p -> Arguments.of(m, p)));
    }

    @ParameterizedTest(name = "{0}, parallelism {1}")
    @MethodSource("modesAndParallelisms")
    void assignTimestampsAndWatermarksReplacesUpstreamEventTimeAndRunsItsGeneratorOnlyInStreaming(
            RuntimeExecutionMode mode, int parallelism) throws Exception {
        String id = id("assign");
        GENERATOR_EVENTS.set(0);
        StreamExecutionEnvironment env = env(parallelism, mode);
        env.fromSource(new NumberSequenceSource(1, 500), WatermarkStrategy.<Long>forGenerator(PunctuatedWatermarks::new)
                        .withTimestampAssigner((v, ts) -> v), "upstream event time")
                .rebalance()
                .assignTimestampsAndWatermarks(WatermarkStrategy.<Long>forGenerator(CountingPunctuated::new)
                        .withTimestampAssigner((v, ts) -> v * 1000 + 999))
                .keyBy(v -> v % 5)
                .sinkTo(WatermarkSink.named(id));

        env.execute();

        WatermarkSink.Run run = WatermarkSink.run(id);
        assertThat(run.arrivals()).hasSize(500)
                .allSatisfy(a -> assertThat(a.timestamp()).isEqualTo((Long) a.value() * 1000 + 999));
        assertNeverBackAndEndsWith(run.watermarks(), parallelism, Long.MAX_VALUE);
        List<Long> beforeTheEnd = run.watermarks().values().stream().flatMap(List::stream)
                .filter(w -> w != Long.MAX_VALUE).toList();
        if (mode == RuntimeExecutionMode.STREAMING) {
            // Upstream watermarks (1..500) are gone; only the new generator's (..999) arrive.
            assertThat(beforeTheEnd).isNotEmpty().allSatisfy(w -> assertThat(w % 1000).isEqualTo(999));
            assertThat(GENERATOR_EVENTS.get()).isEqualTo(500);
        } else {
            assertThat(beforeTheEnd).isEmpty();
            assertThat(GENERATOR_EVENTS.get()).isZero();
        }
    }

    @ParameterizedTest(name = "parallelism {0}")
    @org.junit.jupiter.params.provider.ValueSource(ints = {1, 2, 4})
    void assignTimestampsAndWatermarksEmitsPeriodicWatermarksInStreaming(int parallelism) throws Exception {
        String id = id("periodic");
        StreamExecutionEnvironment env = env(parallelism);
        List<ScriptedSource.Script> scripts = new ArrayList<>();
        for (int i = 0; i < parallelism; i++) {
            scripts.add(script(i, emit(1, 500)));
        }
        env.fromSource(new ScriptedSource(Boundedness.CONTINUOUS_UNBOUNDED, scripts), WatermarkStrategy.noWatermarks(),
                        "no event time")
                .assignTimestampsAndWatermarks(WatermarkStrategy.<Long>forMonotonousTimestamps()
                        .withTimestampAssigner((v, ts) -> v * 10))
                .keyBy(v -> v % 3)
                .sinkTo(WatermarkSink.named(id));

        JobClient job = env.executeAsync();
        try {
            WatermarkSink.run(id).awaitWatermarks(parallelism, 4999, WAIT);
        } finally {
            job.cancel().get();
        }
        assertNeverBackAndEndsWith(WatermarkSink.run(id).watermarks(), parallelism, 4999L);
    }

    /** {@link PunctuatedWatermarks} that counts the records it sees (JVM-wide). */
    static final class CountingPunctuated implements WatermarkGenerator<Long> {
        private final PunctuatedWatermarks<Long> inner = new PunctuatedWatermarks<>();

        @Override
        public void onEvent(Long event, long eventTimestamp, WatermarkOutput output) {
            GENERATOR_EVENTS.incrementAndGet();
            inner.onEvent(event, eventTimestamp, output);
        }

        @Override
        public void onPeriodicEmit(WatermarkOutput output) {
        }
    }
}
