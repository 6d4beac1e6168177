package io.weir.runtime.jobs;

import io.weir.api.common.JobExecutionException;
import io.weir.api.common.OutputTag;
import io.weir.api.common.RuntimeExecutionMode;
import io.weir.api.connector.source.lib.CollectionSource;
import io.weir.api.datastream.DataStream;
import io.weir.api.datastream.SingleOutputStreamOperator;
import io.weir.api.environment.StreamExecutionEnvironment;
import io.weir.api.eventtime.Watermark;
import io.weir.api.eventtime.WatermarkGenerator;
import io.weir.api.eventtime.WatermarkOutput;
import io.weir.api.eventtime.WatermarkStrategy;
import io.weir.api.functions.Collector;
import io.weir.api.functions.OpenContext;
import io.weir.api.functions.windowing.AllWindowFunction;
import io.weir.api.functions.windowing.ProcessWindowFunction;
import io.weir.api.tuple.Tuple2;
import io.weir.api.tuple.Tuple3;
import io.weir.api.windowing.assigners.EventTimeSessionWindows;
import io.weir.api.windowing.assigners.TumblingEventTimeWindows;
import io.weir.api.windowing.assigners.TumblingProcessingTimeWindows;
import io.weir.api.windowing.windows.TimeWindow;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;

import static io.weir.runtime.jobs.TestJobs.collectAll;
import static io.weir.runtime.jobs.TestJobs.environment;
import static io.weir.runtime.jobs.TestJobs.multiset;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Window jobs end to end: late records in STREAMING (dropped into a side output, or re-firing their window within
 * the allowed lateness), the same job in BATCH (where nothing is late), {@code windowAll} in one subtask, count
 * windows over a whole stream, processing-time windows on the wall clock, and window functions that fail.
 * Parallelisms 1, 2 and 4; outputs are checked against a simulation of the input.
 */
class WindowsITCase {
    private static final long SIZE = 100;
    private static final OutputTag<Tuple3<String, Integer, Long>> LATE = new OutputTag<>("late") {};

    @AfterEach
    void clearSinks() {
        CollectingSink.clearAll();
    }

    /** (key, value, timestamp): mostly ascending timestamps, with every tenth record far behind. */
    static List<Tuple3<String, Integer, Long>> lateAndOnTime(long seed, int n) {
        Random random = new Random(seed);
        List<Tuple3<String, Integer, Long>> records = new ArrayList<>();
        long time = 0;
        for (int i = 0; i < n; i++) {
            time += random.nextInt(8);
            long ts = i % 10 == 9 ? Math.max(0, time - random.nextInt(400)) : time;
            records.add(Tuple3.of("k" + random.nextInt(5), random.nextInt(100), ts));
        }
        return records;
    }

    /** One reader with a watermark after every record (its timestamp - 1): which records are late is certain. */
    private static DataStream<Tuple3<String, Integer, Long>> oneReader(StreamExecutionEnvironment env,
                                                                     List<Tuple3<String, Integer, Long>> records) {
        WatermarkStrategy<Tuple3<String, Integer, Long>> strategy = WatermarkStrategy
                .<Tuple3<String, Integer, Long>>forGenerator(EveryRecord::new).withTimestampAssigner((r, ts) -> r.f2);
        var source = env.fromSource(new CollectionSource<>(records), strategy, "records");
        source.setParallelism(1);
        return source;
    }

    /** The window's key, end and sum, one record per firing. */
    private static SingleOutputStreamOperator<Tuple3<String, Long, Integer>> sumsPerWindow(
            DataStream<Tuple3<String, Integer, Long>> records, long lateness) {
        return records.keyBy(r -> r.f0)
                .window(TumblingEventTimeWindows.of(Duration.ofMillis(SIZE)))
                .allowedLateness(Duration.ofMillis(lateness))
                .sideOutputLateData(LATE)
                .reduce((a, b) -> Tuple3.of(a.f0, a.f1 + b.f1, Math.max(a.f2, b.f2)), new KeyEndSum());
    }

    @ParameterizedTest(name = "parallelism {0}")
    @ValueSource(ints = {1, 2, 4})
    void lateRecordsGoToTheSideOutputAndAllowedOnesFireTheirWindowAgain(int parallelism) throws Exception {
        List<Tuple3<String, Integer, Long>> input = lateAndOnTime(7 + parallelism, 3_000);
        long lateness = 150;
        StreamExecutionEnvironment env = environment(parallelism);
        SingleOutputStreamOperator<Tuple3<String, Long, Integer>> sums = sumsPerWindow(oneReader(env, input), lateness);
        sums.sinkTo(CollectingSink.named("sums"));
        sums.getSideOutput(LATE).sinkTo(CollectingSink.named("late"));
        env.execute("late records");

        Simulation expected = Simulation.of(input, lateness);
        assertThat(expected.late).as("the input has late records").isNotEmpty();
        assertThat(expected.refirings).as("the input has records within the allowed lateness").isPositive();
        assertThat(multiset(CollectingSink.<Tuple3<String, Integer, Long>>results("late")))
                .isEqualTo(multiset(expected.late));
        assertThat(firingsPerWindow(CollectingSink.results("sums"))).isEqualTo(expected.firings);
    }

    @ParameterizedTest(name = "parallelism {0}")
    @ValueSource(ints = {1, 2, 4})
    void inBatchNothingIsLateAndEachWindowFiresOnceWithAllOfItsRecords(int parallelism) throws Exception {
        List<Tuple3<String, Integer, Long>> input = lateAndOnTime(7 + parallelism, 3_000);
        StreamExecutionEnvironment env = environment(parallelism);
        env.setRuntimeMode(RuntimeExecutionMode.BATCH);
        SingleOutputStreamOperator<Tuple3<String, Long, Integer>> sums = sumsPerWindow(oneReader(env, input), 0);
        sums.sinkTo(CollectingSink.named("sums"));
        sums.getSideOutput(LATE).sinkTo(CollectingSink.named("late"));
        env.execute("no late records");

        Map<String, List<Integer>> expected = new TreeMap<>();
        Map<String, Integer> totals = new TreeMap<>();
        for (Tuple3<String, Integer, Long> r : input) {
            totals.merge(r.f0 + "@" + windowEnd(r.f2), r.f1, Integer::sum);
        }
        totals.forEach((window, sum) -> expected.put(window, List.of(sum)));
        assertThat(CollectingSink.<Object>results("late")).isEmpty();
        assertThat(firingsPerWindow(CollectingSink.results("sums"))).isEqualTo(expected);
    }

    /**
     * Timestamps assigned behind a source of parallelism 1 in a job of higher parallelism: the assigner runs at
     * the source's parallelism, chained to it, so its generator sees every record in order and exactly the
     * records the one-reader simulation calls late are late. (Behind a rebalance, each of several generators
     * would see only some records, the watermark would be their minimum, and fewer records would be late.)
     */
    @ParameterizedTest(name = "parallelism {0}")
    @ValueSource(ints = {2, 4})
    void assignerBehindANonParallelSourceMakesTheSameRecordsLateAsTheSourceWould(int parallelism)
            throws Exception {
        List<Tuple3<String, Integer, Long>> input = lateAndOnTime(31 + parallelism, 3_000);
        for (RuntimeExecutionMode mode : List.of(RuntimeExecutionMode.STREAMING, RuntimeExecutionMode.BATCH)) {
            CollectingSink.clearAll();
            StreamExecutionEnvironment env = environment(parallelism);
            env.setRuntimeMode(mode);
            var source = env.fromSource(new CollectionSource<>(input), WatermarkStrategy.noWatermarks(), "records");
            source.setParallelism(1);
            SingleOutputStreamOperator<Tuple3<String, Long, Integer>> sums = sumsPerWindow(
                    source.assignTimestampsAndWatermarks(WatermarkStrategy
                            .<Tuple3<String, Integer, Long>>forGenerator(EveryRecord::new)
                            .withTimestampAssigner((r, ts) -> r.f2)), 0);
            sums.sinkTo(CollectingSink.named("sums"));
            sums.getSideOutput(LATE).sinkTo(CollectingSink.named("late"));
            env.execute("timestamps assigned behind one reader, " + mode);

            List<Tuple3<String, Integer, Long>> late = CollectingSink.results("late");
            if (mode == RuntimeExecutionMode.STREAMING) {
                Simulation expected = Simulation.of(input, 0);
                assertThat(expected.late).as("the input has late records").isNotEmpty();
                assertThat(multiset(late)).as(mode + ": late records").isEqualTo(multiset(expected.late));
                assertThat(firingsPerWindow(CollectingSink.results("sums"))).as(mode + ": firings")
                        .isEqualTo(expected.firings);
            } else {
                Map<String, Integer> totals = new TreeMap<>();
                for (Tuple3<String, Integer, Long> r : input) {
                    totals.merge(r.f0 + "@" + windowEnd(r.f2), r.f1, Integer::sum);
                }
                Map<String, List<Integer>> expected = new TreeMap<>();
                totals.forEach((window, sum) -> expected.put(window, List.of(sum)));
                assertThat(late).as(mode + ": late records").isEmpty();
                assertThat(firingsPerWindow(CollectingSink.results("sums"))).as(mode + ": firings")
                        .isEqualTo(expected);
            }
        }
    }

    private static long windowEnd(long timestamp) {
        return Math.floorDiv(timestamp, SIZE) * SIZE + SIZE;
    }

    /** Each window's sums, in the order its firings arrived ("key@end" -> sums). */
    private static Map<String, List<Integer>> firingsPerWindow(List<Tuple3<String, Long, Integer>> sums) {
        Map<String, List<Integer>> firings = new TreeMap<>();
        for (Tuple3<String, Long, Integer> s : sums) {
            firings.computeIfAbsent(s.f0 + "@" + s.f1, w -> new ArrayList<>()).add(s.f2);
        }
        return firings;
    }

    /**
     * What STREAMING must do with the input read in order, the watermark being the highest timestamp so far - 1
     * (the source emits it before the record): a record is late if its window ended (maxTimestamp + lateness) at
     * or before the watermark; a window fires once when the watermark passes its end, and again for each later
     * record it accepts; a window the watermark never passes fires at the end of the input.
     */
    private static final class Simulation {
        final List<Tuple3<String, Integer, Long>> late = new ArrayList<>();
        final Map<String, List<Integer>> firings = new TreeMap<>();
        int refirings;

        static Simulation of(List<Tuple3<String, Integer, Long>> input, long lateness) {
            Simulation s = new Simulation();
            Map<String, Integer> sums = new LinkedHashMap<>();
            Map<String, Long> maxTimestamps = new HashMap<>();
            long watermark = Long.MIN_VALUE;
            long highest = Long.MIN_VALUE;
            for (Tuple3<String, Integer, Long> r : input) {
                highest = Math.max(highest, r.f2);
                long newWatermark = highest - 1;
                if (newWatermark > watermark) {
                    watermark = newWatermark;
                    for (Map.Entry<String, Integer> open : sums.entrySet()) {
                        long maxTs = maxTimestamps.get(open.getKey());
                        List<Integer> fired = s.firings.get(open.getKey());
                        if (maxTs <= watermark && fired == null) {
                            s.firings.put(open.getKey(), new ArrayList<>(List.of(open.getValue())));
                        }
                    }
                }
                long maxTs = windowEnd(r.f2) - 1;
                String window = r.f0 + "@" + windowEnd(r.f2);
                if (maxTs + lateness <= watermark) {
                    s.late.add(r);
                    continue;
                }
                int sum = sums.merge(window, r.f1, Integer::sum);
                maxTimestamps.put(window, maxTs);
                if (maxTs <= watermark) {
                    s.firings.computeIfAbsent(window, w -> new ArrayList<>()).add(sum);
                    s.refirings++;
                }
            }
            sums.forEach((window, sum) -> s.firings.putIfAbsent(window, new ArrayList<>(List.of(sum))));
            return s;
        }
    }

    @ParameterizedTest(name = "parallelism {0}")
    @ValueSource(ints = {1, 2, 4})
    void windowAllSeesEveryRecordInOneSubtask(int parallelism) throws Exception {
        StreamExecutionEnvironment env = environment(parallelism);
        WatermarkStrategy<Long> strategy = WatermarkStrategy.<Long>forMonotonousTimestamps()
                .withTimestampAssigner((v, ts) -> v);
        SingleOutputStreamOperator<String> sums = env.fromSource(
                        new io.weir.api.connector.source.lib.NumberSequenceSource(0, 9_999), strategy, "numbers")
                .windowAll(TumblingEventTimeWindows.of(Duration.ofMillis(1_000)))
                .apply(new SubtaskAndSum());
        List<String> out = collectAll(sums);

        List<String> expected = new ArrayList<>();
        for (int w = 0; w < 10; w++) {
            long sum = 0;
            for (long v = w * 1000L; v < w * 1000L + 1000; v++) {
                sum += v;
            }
            expected.add("subtask 0 of 1: [" + w * 1000 + "," + (w + 1) * 1000 + ") " + sum);
        }
        assertThat(out).containsExactlyInAnyOrderElementsOf(expected);
        assertThatThrownBy(() -> sums.setParallelism(2)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("fixed at 1").hasMessageContaining("windowAll runs in one subtask");
    }

    @ParameterizedTest(name = "parallelism {0}")
    @ValueSource(ints = {1, 2, 4})
    void countWindowAllCutsTheWholeStreamIntoGroupsInArrivalOrder(int parallelism) throws Exception {
        StreamExecutionEnvironment env = environment(parallelism);
        List<Tuple2<String, Long>> input = new ArrayList<>();
        for (long v = 1; v <= 95; v++) {
            input.add(Tuple2.of("v", v));
        }
        List<Tuple2<String, Long>> out = collectAll(env.fromCollection(input).countWindowAll(10).sum(1));
        List<Tuple2<String, Long>> expected = new ArrayList<>();
        for (long w = 0; w < 9; w++) {
            expected.add(Tuple2.of("v", 100 * w + 55));
        }
        assertThat(out).containsExactlyElementsOf(expected);
    }

    @ParameterizedTest(name = "parallelism {0}")
    @ValueSource(ints = {1, 2, 4})
    void sessionWindowsInBothModesGiveTheSameSessions(int parallelism) throws Exception {
        List<Tuple3<String, Integer, Long>> input = lateAndOnTime(31, 2_000);
        Map<RuntimeExecutionMode, Map<String, Integer>> byMode = new HashMap<>();
        for (RuntimeExecutionMode mode : List.of(RuntimeExecutionMode.STREAMING, RuntimeExecutionMode.BATCH)) {
            StreamExecutionEnvironment env = environment(parallelism);
            env.setRuntimeMode(mode);
            // Bounded out-of-orderness of 500 ms: the input's stragglers are never late.
            WatermarkStrategy<Tuple3<String, Integer, Long>> strategy = WatermarkStrategy
                    .<Tuple3<String, Integer, Long>>forBoundedOutOfOrderness(Duration.ofMillis(500))
                    .withTimestampAssigner((r, ts) -> r.f2);
            List<Tuple3<String, Long, Integer>> sessions = collectAll(
                    env.fromSource(new CollectionSource<>(input), strategy, "records")
                            .keyBy(r -> r.f0)
                            .window(EventTimeSessionWindows.withGap(Duration.ofMillis(20)))
                            .reduce((a, b) -> Tuple3.of(a.f0, a.f1 + b.f1, a.f2), new KeyEndSum()));
            Map<String, Integer> bySession = new TreeMap<>();
            for (Tuple3<String, Long, Integer> s : sessions) {
                assertThat(bySession.put(s.f0 + "@" + s.f1, s.f2)).as("session fired twice: " + s).isNull();
            }
            byMode.put(mode, bySession);
        }
        assertThat(byMode.get(RuntimeExecutionMode.STREAMING)).isEqualTo(byMode.get(RuntimeExecutionMode.BATCH))
                .isEqualTo(sessions(input, 20));
    }

    /** Sessions per key from the sorted timestamps: a gap of more than 20 ms starts a new one ("key@end"). */
    private static Map<String, Integer> sessions(List<Tuple3<String, Integer, Long>> input, long gap) {
        Map<String, List<Tuple3<String, Integer, Long>>> byKey = new TreeMap<>();
        input.forEach(r -> byKey.computeIfAbsent(r.f0, k -> new ArrayList<>()).add(r));
        Map<String, Integer> sessions = new TreeMap<>();
        byKey.forEach((key, records) -> {
            records.sort((a, b) -> Long.compare(a.f2, b.f2));
            long last = records.get(0).f2;
            int sum = 0;
            for (Tuple3<String, Integer, Long> r : records) {
                if (r.f2 > last + gap) {
                    sessions.put(key + "@" + (last + gap), sum);
                    sum = 0;
                }
                last = r.f2;
                sum += r.f1;
            }
            sessions.put(key + "@" + (last + gap), sum);
        });
        return sessions;
    }

    @ParameterizedTest(name = "parallelism {0}")
    @ValueSource(ints = {1, 2, 4})
    void processingTimeWindowsPutEveryRecordIntoExactlyOneWindow(int parallelism) throws Exception {
        StreamExecutionEnvironment env = environment(parallelism);
        List<Tuple2<Long, Long>> out = collectAll(env.fromSequence(1, 200_000)
                .map(v -> Tuple2.of(v % 7, v))
                .keyBy(t -> t.f0)
                .window(TumblingProcessingTimeWindows.of(Duration.ofMillis(5)))
                .sum(1));
        Map<Long, Long> totals = new TreeMap<>();
        out.forEach(t -> totals.merge(t.f0, t.f1, Long::sum));
        Map<Long, Long> expected = new TreeMap<>();
        for (long v = 1; v <= 200_000; v++) {
            expected.merge(v % 7, v, Long::sum);
        }
        assertThat(totals).isEqualTo(expected);
    }

    @ParameterizedTest(name = "parallelism {0}")
    @ValueSource(ints = {1, 2, 4})
    void aFailingWindowFunctionFailsTheJobAndNamesTheWindow(int parallelism) {
        StreamExecutionEnvironment env = environment(parallelism);
        WatermarkStrategy<Long> strategy = WatermarkStrategy.<Long>forMonotonousTimestamps()
                .withTimestampAssigner((v, ts) -> v);
        env.fromSource(new io.weir.api.connector.source.lib.NumberSequenceSource(0, 999), strategy, "numbers")
                .keyBy(v -> v % 3)
                .window(TumblingEventTimeWindows.of(Duration.ofMillis(100)))
                .process(new FailsOnWindow())
                .sinkTo(CollectingSink.named("never"));

        assertThatThrownBy(() -> env.execute("failing window"))
                .isInstanceOf(JobExecutionException.class)
                .hasStackTraceContaining("Window(TumblingEventTimeWindows(100), EventTimeTrigger(), process)")
                .hasStackTraceContaining("no window may start at 500");
    }

    // ------------------------------------------------------------------------------------------ functions

    /** A watermark after every record: its timestamp - 1. */
    static final class EveryRecord<T> implements WatermarkGenerator<T> {
        private long max = Long.MIN_VALUE;

        @Override
        public void onEvent(T event, long timestamp, WatermarkOutput output) {
            if (timestamp > max) {
                max = timestamp;
                output.emitWatermark(new Watermark(max - 1));
            }
        }

        @Override
        public void onPeriodicEmit(WatermarkOutput output) {
        }
    }

    /** (key, window end, sum) from the window's one reduced record; checks it got exactly one. */
    static final class KeyEndSum extends
            ProcessWindowFunction<Tuple3<String, Integer, Long>, Tuple3<String, Long, Integer>, String, TimeWindow> {
        @Override
        public void process(String key, Context context, Iterable<Tuple3<String, Integer, Long>> elements,
                            Collector<Tuple3<String, Long, Integer>> out) {
            List<Tuple3<String, Integer, Long>> all = new ArrayList<>();
            elements.forEach(all::add);
            if (all.size() != 1) {
                throw new IllegalStateException("Expected one reduced record, got " + all);
            }
            out.collect(Tuple3.of(key, context.window().getEnd(), all.get(0).f1));
        }
    }

    /** "subtask i of n: [start,end) sum", with the subtask learnt in open(). */
    static final class SubtaskAndSum extends io.weir.api.functions.AbstractRichFunction
            implements AllWindowFunction<Long, String, TimeWindow> {
        private String subtask;

        @Override
        public void open(OpenContext openContext) {
            subtask = "subtask " + getRuntimeContext().getIndexOfThisSubtask() + " of "
                    + getRuntimeContext().getNumberOfParallelSubtasks();
        }

        @Override
        public void apply(TimeWindow window, Iterable<Long> values, Collector<String> out) {
            long sum = 0;
            for (long v : values) {
                sum += v;
            }
            out.collect(subtask + ": [" + window.getStart() + "," + window.getEnd() + ") " + sum);
        }
    }

    static final class FailsOnWindow extends ProcessWindowFunction<Long, Long, Long, TimeWindow> {
        @Override
        public void process(Long key, Context context, Iterable<Long> elements, Collector<Long> out) {
            if (context.window().getStart() == 500) {
                throw new IllegalStateException("no window may start at 500");
            }
            elements.forEach(out::collect);
        }
    }
}
