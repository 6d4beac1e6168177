package io.weir.runtime.differential;

import io.weir.api.connector.source.lib.CollectionSource;
import io.weir.api.connector.source.lib.NumberSequenceSource;
import io.weir.api.datastream.DataStream;
import io.weir.api.environment.StreamExecutionEnvironment;
import io.weir.api.eventtime.TimestampAssigner;
import io.weir.api.eventtime.WatermarkStrategy;
import io.weir.api.functions.CoGroupFunction;
import io.weir.api.functions.Collector;
import io.weir.api.functions.JoinFunction;
import io.weir.api.functions.MapFunction;
import io.weir.api.functions.ProcessFunction;
import io.weir.api.functions.ProcessJoinFunction;
import io.weir.api.tuple.Tuple3;
import io.weir.api.windowing.assigners.EventTimeSessionWindows;
import io.weir.api.windowing.assigners.SlidingEventTimeWindows;
import io.weir.api.windowing.assigners.TumblingEventTimeWindows;
import io.weir.api.windowing.assigners.WindowAssigner;
import io.weir.api.windowing.windows.TimeWindow;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.io.Serializable;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

import static io.weir.runtime.differential.DifferentialHarness.runInBothModes;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Joins on seeded inputs with event timestamps, compared between the modes and with results computed here from
 * the same input: interval joins against a nested loop per key, window joins and coGroups against each key's
 * windows. STREAMING sees a watermark every millisecond, so buffers and windows are released while the job runs;
 * the inputs stray from timestamp order by less than their watermarks allow, so no record is late, and they come
 * in bursts further apart than a session's gap, so no session grows after it fired: both modes must give exactly
 * the computed result.
 */
@Timeout(180)
class JoinsITCase {
    private static final Settings FREQUENT_WATERMARKS = Settings.defaults()
            .with("pipeline.auto-watermark-interval", "1 ms");

    /**
     * Record {@code i} of {@code spec} as {@code (key, value, timestamp)}: bursts of {@code perBurst} records every
     * {@code spacing} ms, each stamped up to {@code spread} ms into its burst (a function of its value). Read by a
     * parallel source whose readers each see ascending index ranges, so with watermarks allowing {@code spread} ms
     * of disorder no record is late.
     */
    record TimedInput(InputSpec spec, int perBurst, long spacing, long spread) implements Serializable {
        static TimedInput steady(InputSpec spec, long step) {
            return new TimedInput(spec, 1, step, 15);
        }

        static TimedInput bursts(InputSpec spec, int perBurst) {
            return new TimedInput(spec, perBurst, 200, 60);
        }

        long timestampOf(long index) {
            return index / perBurst * spacing + spec.valueOf(index) % (spread + 1);
        }

        Tuple3<Integer, Integer, Long> record(long index) {
            return Tuple3.of(spec.keyOf(index), spec.valueOf(index), timestampOf(index));
        }

        DataStream<Tuple3<Integer, Integer, Long>> source(StreamExecutionEnvironment env, String name) {
            WatermarkStrategy<Long> strategy = WatermarkStrategy.<Long>forBoundedOutOfOrderness(
                    Duration.ofMillis(spread)).withTimestampAssigner(new IndexTimestamps(this));
            DataStream<Long> indices = spec.records() == 0
                    ? env.fromSource(new CollectionSource<Long>(List.of()), strategy, name)
                    : env.fromSource(new NumberSequenceSource(0, spec.records() - 1L), strategy, name);
            return indices.map(new ToRecord(this));
        }

        /** The records grouped by key, for the oracles. */
        Map<Integer, List<Tuple3<Integer, Integer, Long>>> byKey() {
            Map<Integer, List<Tuple3<Integer, Integer, Long>>> byKey = new HashMap<>();
            for (long i = 0; i < spec.records(); i++) {
                byKey.computeIfAbsent(spec.keyOf(i), k -> new ArrayList<>()).add(record(i));
            }
            return byKey;
        }

        @Override
        public String toString() {
            return spec + (perBurst == 1 ? " every " + spacing + " ms" : " in bursts of " + perBurst);
        }
    }

    // ------------------------------------------------------------------------------------------ interval join

    static Stream<Arguments> intervalJoins() {
        List<Arguments> args = new ArrayList<>();
        for (int p : new int[]{1, 2, 4}) {
            args.add(Arguments.of(p, TimedInput.steady(InputSpec.uniform(401, 20_000, 1_000), 2),
                    TimedInput.steady(InputSpec.uniform(1401, 15_000, 1_000), 3), -40L, 60L, FREQUENT_WATERMARKS));
            args.add(Arguments.of(p, TimedInput.steady(InputSpec.skewed(402, 8_000, 300), 3),
                    TimedInput.steady(InputSpec.skewed(1402, 8_000, 300), 3), -30L, -5L, FREQUENT_WATERMARKS));
            args.add(Arguments.of(p, TimedInput.steady(InputSpec.singleKey(403, 5_000), 1),
                    TimedInput.steady(InputSpec.singleKey(1403, 4_000), 1), 0L, 0L,
                    Settings.tinyMemory().with("pipeline.auto-watermark-interval", "1 ms")));
            args.add(Arguments.of(p, TimedInput.steady(InputSpec.uniform(404, 10_000, 500), 2),
                    TimedInput.steady(InputSpec.uniform(1404, 10_000, 500), 2), 5L, 50L,
                    Settings.tinyBuffers().with("pipeline.auto-watermark-interval", "1 ms")));
            args.add(Arguments.of(p, TimedInput.steady(InputSpec.uniform(405, 5_000, 500), 2),
                    TimedInput.steady(InputSpec.empty(1405), 2), -10L, 10L, FREQUENT_WATERMARKS));
        }
        return args.stream();
    }

    @ParameterizedTest(name = "parallelism {0}, left {1}, right {2}, [{3}, {4}], {5}")
    @MethodSource("intervalJoins")
    void intervalJoinGivesEveryPairOfAKeyInBothModes(int parallelism, TimedInput left, TimedInput right, long lower,
                                                     long upper, Settings settings) {
        List<String> expected = new ArrayList<>();
        Map<Integer, List<Tuple3<Integer, Integer, Long>>> rightByKey = right.byKey();
        left.byKey().forEach((key, lefts) -> {
            for (Tuple3<Integer, Integer, Long> l : lefts) {
                for (Tuple3<Integer, Integer, Long> r : rightByKey.getOrDefault(key, List.of())) {
                    if (r.f2 >= l.f2 + lower && r.f2 <= l.f2 + upper) {
                        expected.add(key + ": " + l.f1 + "@" + l.f2 + " + " + r.f1 + "@" + r.f2 + " => "
                                + Math.max(l.f2, r.f2));
                    }
                }
            }
        });
        if (right.spec().records() > 0) {
            assertThat(expected).isNotEmpty();
        }
        runInBothModes("Interval join [" + lower + ", " + upper + "] of " + left + " and " + right, parallelism,
                settings, env -> left.source(env, "left").keyBy(t -> t.f0)
                        .intervalJoin(right.source(env, "right").keyBy(t -> t.f0))
                        .between(Duration.ofMillis(lower), Duration.ofMillis(upper))
                        .process(new DescribeIntervalPair())
                        .process(new Stamp()))
                .assertBothEqual(expected);
    }

    // ------------------------------------------------------------------------------------------ window join

    /** The window kinds under test; bursts are 200 ms apart and 60 ms long, so sessions of a 30 ms gap stay inside. */
    enum Windowing {
        TUMBLING(TumblingEventTimeWindows.of(Duration.ofMillis(40))),
        SLIDING(SlidingEventTimeWindows.of(Duration.ofMillis(50), Duration.ofMillis(20))),
        SESSION(EventTimeSessionWindows.withGap(Duration.ofMillis(SESSION_GAP)));

        final WindowAssigner<Object, TimeWindow> assigner;

        Windowing(WindowAssigner<Object, TimeWindow> assigner) {
            this.assigner = assigner;
        }
    }

    private static final long SESSION_GAP = 30;

    static Stream<Arguments> windowJoins() {
        List<Arguments> args = new ArrayList<>();
        for (int p : new int[]{1, 2, 4}) {
            for (Windowing w : Windowing.values()) {
                args.add(Arguments.of(p, w, TimedInput.bursts(InputSpec.uniform(411, 12_000, 500), 150),
                        TimedInput.bursts(InputSpec.uniform(1411, 9_000, 500), 100), FREQUENT_WATERMARKS));
                args.add(Arguments.of(p, w, TimedInput.bursts(InputSpec.skewed(412, 4_000, 100), 50),
                        TimedInput.bursts(InputSpec.skewed(1412, 3_000, 100), 50),
                        Settings.tinyMemory().with("pipeline.auto-watermark-interval", "1 ms")));
            }
            args.add(Arguments.of(p, Windowing.SLIDING, TimedInput.bursts(InputSpec.uniform(413, 5_000, 200), 100),
                    TimedInput.bursts(InputSpec.empty(1413), 100), FREQUENT_WATERMARKS));
            args.add(Arguments.of(p, Windowing.TUMBLING, TimedInput.bursts(InputSpec.uniform(414, 6_000, 300), 100),
                    TimedInput.bursts(InputSpec.uniform(1414, 6_000, 300), 100),
                    Settings.tinyBuffers().with("pipeline.auto-watermark-interval", "1 ms")));
        }
        return args.stream();
    }

    @ParameterizedTest(name = "parallelism {0}, {1}, left {2}, right {3}, {4}")
    @MethodSource("windowJoins")
    void windowJoinGivesEveryPairOfAKeyInEachWindowInBothModes(int parallelism, Windowing windowing,
                                                              TimedInput left, TimedInput right, Settings settings) {
        List<String> expected = new ArrayList<>();
        windows(windowing, left, right).forEach((window, sides) -> {
            for (Tuple3<Integer, Integer, Long> l : sides.left()) {
                for (Tuple3<Integer, Integer, Long> r : sides.right()) {
                    expected.add(l.f0 + ": " + l.f1 + "@" + l.f2 + " + " + r.f1 + "@" + r.f2 + " => "
                            + window.maxTimestamp());
                }
            }
        });
        if (right.spec().records() > 0) {
            assertThat(expected).isNotEmpty();
        }
        runInBothModes("Window join (" + windowing + ") of " + left + " and " + right, parallelism, settings,
                env -> left.source(env, "left").join(right.source(env, "right"))
                        .where(t -> t.f0).equalTo(t -> t.f0)
                        .window(windowing.assigner)
                        .apply(new DescribeWindowPair())
                        .process(new Stamp()))
                .assertBothEqual(expected);
    }

    @ParameterizedTest(name = "parallelism {0}, {1}, left {2}, right {3}, {4}")
    @MethodSource("windowJoins")
    void coGroupGivesEachKeysWindowsWithBothSidesInBothModes(int parallelism, Windowing windowing,
                                                            TimedInput left, TimedInput right, Settings settings) {
        List<String> expected = new ArrayList<>();
        windows(windowing, left, right).forEach((window, sides) ->
                expected.add(describe(window.key(), sides.left(), sides.right()) + " => " + window.maxTimestamp()));
        runInBothModes("CoGroup (" + windowing + ") of " + left + " and " + right, parallelism, settings,
                env -> left.source(env, "left").coGroup(right.source(env, "right"))
                        .where(t -> t.f0).equalTo(t -> t.f0)
                        .window(windowing.assigner)
                        .apply(new DescribeGroup())
                        .process(new Stamp()))
                .assertBothEqual(expected);
    }

    /** One key's window. */
    private record KeyWindow(int key, long start, long maxTimestamp) {
    }

    /** A window's records of each input. */
    private record Sides(List<Tuple3<Integer, Integer, Long>> left, List<Tuple3<Integer, Integer, Long>> right) {
        Sides() {
            this(new ArrayList<>(), new ArrayList<>());
        }

        List<Tuple3<Integer, Integer, Long>> side(int index) {
            return index == 0 ? left : right;
        }
    }

    /**
     * Each key's windows that hold a record, with the records of each input, computed from the window
     * definitions: tumbling and sliding windows from each timestamp, sessions from a key's sorted timestamps (a
     * record within the gap of the session's last one joins it).
     */
    private static Map<KeyWindow, Sides> windows(Windowing windowing, TimedInput left, TimedInput right) {
        List<List<Tuple3<Integer, Integer, Long>>> inputs = List.of(records(left), records(right));
        Map<KeyWindow, Sides> windows = new HashMap<>();
        if (windowing != Windowing.SESSION) {
            for (int side = 0; side < 2; side++) {
                for (Tuple3<Integer, Integer, Long> r : inputs.get(side)) {
                    for (long[] w : fixedWindowsOf(windowing, r.f2)) {
                        windows.computeIfAbsent(new KeyWindow(r.f0, w[0], w[1] - 1), k -> new Sides()).side(side)
                                .add(r);
                    }
                }
            }
            return windows;
        }
        Map<Integer, TreeMap<Long, Sides>> byKeyAndTime = new HashMap<>();
        for (int side = 0; side < 2; side++) {
            for (Tuple3<Integer, Integer, Long> r : inputs.get(side)) {
                byKeyAndTime.computeIfAbsent(r.f0, k -> new TreeMap<>()).computeIfAbsent(r.f2, t -> new Sides())
                        .side(side).add(r);
            }
        }
        byKeyAndTime.forEach((key, times) -> {
            Sides session = null;
            long first = 0;
            long last = 0;
            for (Map.Entry<Long, Sides> at : times.entrySet()) {
                if (session != null && at.getKey() > last + SESSION_GAP) {
                    windows.put(new KeyWindow(key, first, last + SESSION_GAP - 1), session);
                    session = null;
                }
                if (session == null) {
                    session = new Sides();
                    first = at.getKey();
                }
                last = at.getKey();
                session.left().addAll(at.getValue().left());
                session.right().addAll(at.getValue().right());
            }
            windows.put(new KeyWindow(key, first, last + SESSION_GAP - 1), session);
        });
        return windows;
    }

    /** [start, end) of the tumbling or sliding windows holding {@code ts}. */
    private static List<long[]> fixedWindowsOf(Windowing windowing, long ts) {
        long size = windowing == Windowing.TUMBLING ? 40 : 50;
        long slide = windowing == Windowing.TUMBLING ? 40 : 20;
        List<long[]> windows = new ArrayList<>();
        for (long start = ts - Math.floorMod(ts, slide); start > ts - size; start -= slide) {
            windows.add(new long[]{start, start + size});
        }
        return windows;
    }

    private static List<Tuple3<Integer, Integer, Long>> records(TimedInput input) {
        List<Tuple3<Integer, Integer, Long>> records = new ArrayList<>();
        for (long i = 0; i < input.spec().records(); i++) {
            records.add(input.record(i));
        }
        return records;
    }

    /** A key's window contents regardless of arrival order: each side's (value@timestamp) sorted. */
    static String describe(int key, Iterable<Tuple3<Integer, Integer, Long>> left,
                           Iterable<Tuple3<Integer, Integer, Long>> right) {
        return key + ": " + sorted(left) + " | " + sorted(right);
    }

    private static List<String> sorted(Iterable<Tuple3<Integer, Integer, Long>> records) {
        List<String> out = new ArrayList<>();
        for (Tuple3<Integer, Integer, Long> r : records) {
            out.add(r.f1 + "@" + r.f2);
        }
        out.sort(null);
        return out;
    }

    // ------------------------------------------------------------------------------------------ functions

    private static final class IndexTimestamps implements TimestampAssigner<Long> {
        private final TimedInput input;

        IndexTimestamps(TimedInput input) {
            this.input = input;
        }

        @Override
        public long extractTimestamp(Long index, long recordTimestamp) {
            return input.timestampOf(index);
        }
    }

    private static final class ToRecord implements MapFunction<Long, Tuple3<Integer, Integer, Long>> {
        private final TimedInput input;

        ToRecord(TimedInput input) {
            this.input = input;
        }

        @Override
        public Tuple3<Integer, Integer, Long> map(Long index) {
            return input.record(index);
        }
    }

    /** The pair as the function sees it: values and the timestamps the context reports. */
    private static final class DescribeIntervalPair extends ProcessJoinFunction<Tuple3<Integer, Integer, Long>,
            Tuple3<Integer, Integer, Long>, String> {
        @Override
        public void processElement(Tuple3<Integer, Integer, Long> left, Tuple3<Integer, Integer, Long> right,
                                   Context ctx, Collector<String> out) {
            out.collect(left.f0 + ": " + left.f1 + "@" + ctx.getLeftTimestamp() + " + " + right.f1 + "@"
                    + ctx.getRightTimestamp());
        }
    }

    private static final class DescribeWindowPair implements JoinFunction<Tuple3<Integer, Integer, Long>,
            Tuple3<Integer, Integer, Long>, String> {
        @Override
        public String join(Tuple3<Integer, Integer, Long> left, Tuple3<Integer, Integer, Long> right) {
            return left.f0 + ": " + left.f1 + "@" + left.f2 + " + " + right.f1 + "@" + right.f2;
        }
    }

    private static final class DescribeGroup implements CoGroupFunction<Tuple3<Integer, Integer, Long>,
            Tuple3<Integer, Integer, Long>, String> {
        @Override
        public void coGroup(Iterable<Tuple3<Integer, Integer, Long>> left,
                            Iterable<Tuple3<Integer, Integer, Long>> right, Collector<String> out) {
            int key = -1;
            for (Tuple3<Integer, Integer, Long> r : left) {
                key = r.f0;
            }
            for (Tuple3<Integer, Integer, Long> r : right) {
                key = r.f0;
            }
            out.collect(describe(key, left, right));
        }
    }

    /** Appends the timestamp the joined record carries. */
    private static final class Stamp extends ProcessFunction<String, String> {
        @Override
        public void processElement(String value, Context ctx, Collector<String> out) {
            out.collect(value + " => " + ctx.timestamp());
        }
    }
}
