package io.weir.runtime.differential;

import io.weir.api.common.RuntimeExecutionMode;
import io.weir.api.datastream.DataStream;
import io.weir.api.environment.StreamExecutionEnvironment;
import io.weir.api.eventtime.WatermarkStrategy;
import io.weir.api.functions.Collector;
import io.weir.api.functions.KeyedProcessFunction;
import io.weir.api.functions.ReduceFunction;
import io.weir.api.windowing.assigners.TumblingEventTimeWindows;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;

import java.io.Serializable;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.stream.Stream;

import static io.weir.runtime.differential.DifferentialHarness.run;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * BATCH hands a keyed function each key's records in timestamp order (records without one first, equal
 * timestamps in arrival order), as Flink's sorted inputs do; STREAMING hands them over in arrival order. Each
 * test states both modes' expectation; order-sensitive (associative) reductions make any other order visible.
 * Inputs come from one non-parallel source, so arrival order, and ties, are deterministic.
 */
@Timeout(180)
class TimestampOrderITCase {
    private static final Duration OUT_OF_ORDERNESS = Duration.ofSeconds(10);

    /** A record: key, event time, and its payload (a fold of payloads after a reduce). */
    public record Event(String key, long time, String fold) implements Serializable {
    }

    private static DataStream<Event> timed(StreamExecutionEnvironment env, List<Event> events) {
        // One subtask assigns: arrival order stays the collection's, and the combiners behind it are one producer.
        return env.fromCollection(events).assignTimestampsAndWatermarks(
                WatermarkStrategy.<Event>forBoundedOutOfOrderness(OUT_OF_ORDERNESS)
                        .withTimestampAssigner((e, ts) -> e.time())).setParallelism(1);
    }

    private static Event event(String key, long time) {
        return new Event(key, time, key + "@" + time);
    }

    // ------------------------------------------------------------------ a keyed process function and its timers

    @ParameterizedTest
    @EnumSource(value = RuntimeExecutionMode.class, names = {"STREAMING", "BATCH"})
    void keyedProcessFunctionSeesEachKeysRecordsInTimestampOrderThenItsTimers(RuntimeExecutionMode mode) {
        // Flink's example: (k1,3),(k1,1),(k2,1),(k1,4),(k2,3),(k1,2)
        List<Event> input = List.of(event("k1", 3), event("k1", 1), event("k2", 1), event("k1", 4), event("k2", 3),
                event("k1", 2));
        List<String> seen = run(mode, 1, Settings.defaults().forBatch(), "Flink's example in " + mode,
                env -> timed(env, input).keyBy(Event::key).process(new RecordsAndTimers()));

        if (mode == RuntimeExecutionMode.BATCH) {
            assertThat(seen).containsExactly(
                    "k1 record 1", "k1 record 2", "k1 record 3", "k1 record 4",
                    "k1 timer 11", "k1 timer 12", "k1 timer 13", "k1 timer 14",
                    "k2 record 1", "k2 record 3", "k2 timer 11", "k2 timer 13");
        } else {
            // Arrival order; the watermark (10 s behind) passes no timer before the input ends.
            assertThat(seen.subList(0, 6)).containsExactly("k1 record 3", "k1 record 1", "k2 record 1",
                    "k1 record 4", "k2 record 3", "k1 record 2");
            assertThat(seen.subList(6, seen.size())).containsExactlyInAnyOrder("k1 timer 11", "k1 timer 12",
                    "k1 timer 13", "k1 timer 14", "k2 timer 11", "k2 timer 13");
        }
    }

    @ParameterizedTest
    @EnumSource(value = RuntimeExecutionMode.class, names = {"STREAMING", "BATCH"})
    void recordsWithoutATimestampComeFirstWithinTheirKeyInArrivalOrder(RuntimeExecutionMode mode) {
        List<Event> input = List.of(new Event("k", 5, "a5"), new Event("k", 2, "b2"), new Event("k", 9, "c9"),
                new Event("k", 2, "d2"), new Event("k", 7, "e7"));
        // The second source has no timestamp assigner: its records carry none.
        List<String> seen = run(mode, 1, Settings.defaults().forBatch(), "untimed records in " + mode, env -> {
            DataStream<Event> untimed = env.fromCollection(List.of(new Event("k", -1, "u1"), new Event("k", -1, "u2")));
            return timed(env, input).union(untimed).keyBy(Event::key).process(new FoldPerKey());
        });
        assertThat(seen).hasSize(7);
        String last = seen.get(seen.size() - 1);
        if (mode == RuntimeExecutionMode.BATCH) {
            assertThat(last).isEqualTo("k: u1,u2,b2,d2,a5,e7,c9");
        } else {
            // The two sources interleave as they come; each one's records keep their order.
            assertThat(last.replace("u1,", "").replace("u2,", "").replace(",u1", "").replace(",u2", ""))
                    .isEqualTo("k: a5,b2,c9,d2,e7");
            assertThat(last.indexOf("u1")).isLessThan(last.indexOf("u2"));
        }
    }

    // ------------------------------------------------------------------------------- seeded, order-sensitive

    static Stream<Arguments> settings() {
        List<Arguments> args = new ArrayList<>();
        for (int parallelism : new int[]{1, 2, 4}) {
            args.add(Arguments.of(parallelism, Settings.defaults()));
            args.add(Arguments.of(parallelism, Settings.tinyMemory()));
            args.add(Arguments.of(parallelism, Settings.defaults().with("execution.batch.combine", "false")));
        }
        return args.stream();
    }

    /** Timestamps out of order within keys, with ties (every tenth record repeats its key's previous time). */
    private static List<Event> seededEvents(long seed, int count, int keys, int timeRange) {
        Random random = new Random(seed);
        Map<String, Long> previous = new HashMap<>();
        List<Event> events = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            String key = "key" + random.nextInt(keys);
            long time = random.nextInt(10) == 0 && previous.containsKey(key) ? previous.get(key)
                    : random.nextInt(timeRange);
            previous.put(key, time);
            events.add(new Event(key, time, Integer.toString(i)));
        }
        return events;
    }

    /** Per key, the payloads joined in timestamp order (stable), or in arrival order. */
    private static Map<String, String> foldsPerKey(List<Event> events, boolean timestampOrder) {
        List<Event> ordered = new ArrayList<>(events);
        if (timestampOrder) {
            ordered.sort(Comparator.comparingLong(Event::time));
        }
        Map<String, String> folds = new TreeMap<>();
        for (Event e : ordered) {
            folds.merge(e.key(), e.fold(), (a, b) -> a + "," + b);
        }
        return folds;
    }

    /**
     * An order-sensitive rolling reduce (joining payloads): BATCH's one final value per key is the fold in
     * timestamp order, through combiners (also flushing at 100 keys) and spilled sorts; STREAMING's last update
     * per key is the fold in arrival order.
     */
    @ParameterizedTest(name = "parallelism {0}, {1}")
    @MethodSource("settings")
    void rollingReduceFoldsEachKeysRecordsInTimestampOrderInBatchAndArrivalOrderInStreaming(int parallelism,
                                                                                            Settings settings) {
        List<Event> input = seededEvents(9001 + parallelism, 6_000, 150, 2_000);
        DifferentialHarness.Job<Event> job = env -> timed(env, input).keyBy(Event::key).reduce(new JoinFolds());

        List<Event> batch = run(RuntimeExecutionMode.BATCH, parallelism, settings.forBatch(), "rolling join", job);
        Map<String, String> batchFolds = new TreeMap<>();
        for (Event e : batch) {
            assertThat(batchFolds.put(e.key(), e.fold())).as("one final value per key, %s", e.key()).isNull();
        }
        assertThat(batchFolds).isEqualTo(foldsPerKey(input, true));

        List<Event> streaming = run(RuntimeExecutionMode.STREAMING, parallelism, settings.forStreaming(),
                "rolling join", job);
        Map<String, String> lastUpdates = new TreeMap<>();
        streaming.forEach(e -> lastUpdates.put(e.key(), e.fold()));
        assertThat(lastUpdates).isEqualTo(foldsPerKey(input, false));
    }

    /**
     * An order-sensitive window reduce over out-of-order timestamps: BATCH folds each window's records in
     * timestamp order (also behind combiners), STREAMING in arrival order (no record is late: the watermark is
     * 10 s behind and the times span 2 s).
     */
    @ParameterizedTest(name = "parallelism {0}, {1}")
    @MethodSource("settings")
    void windowReduceFoldsEachWindowInTimestampOrderInBatchAndArrivalOrderInStreaming(int parallelism,
                                                                                      Settings settings) {
        List<Event> input = seededEvents(9101 + parallelism, 6_000, 40, 2_000);
        DifferentialHarness.Job<String> job = env -> timed(env, input).keyBy(Event::key)
                .window(TumblingEventTimeWindows.of(Duration.ofMillis(250)))
                .reduce(new JoinFolds())
                .map(e -> e.key() + "[" + e.time() / 250 + "]: " + e.fold());
        for (RuntimeExecutionMode mode : List.of(RuntimeExecutionMode.BATCH, RuntimeExecutionMode.STREAMING)) {
            List<String> out = run(mode, parallelism, mode == RuntimeExecutionMode.BATCH ? settings.forBatch()
                    : settings.forStreaming(), "window join", job);
            List<Event> ordered = new ArrayList<>(input);
            if (mode == RuntimeExecutionMode.BATCH) {
                ordered.sort(Comparator.comparingLong(Event::time));
            }
            Map<String, String> expected = new LinkedHashMap<>();
            for (Event e : ordered) {
                expected.merge(e.key() + "[" + e.time() / 250 + "]", e.fold(), (a, b) -> a + "," + b);
            }
            List<String> expectedLines = new ArrayList<>();
            expected.forEach((window, fold) -> expectedLines.add(window + ": " + fold));
            assertThat(out).as(mode.name()).containsExactlyInAnyOrderElementsOf(expectedLines);
        }
    }

    // ----------------------------------------------------------------------------------------------- functions

    /** Emits "key record t" per record and registers an event-time timer 10 later; "key timer t" when it fires. */
    static final class RecordsAndTimers extends KeyedProcessFunction<String, Event, String> {
        @Override
        public void processElement(Event value, Context ctx, Collector<String> out) {
            out.collect(value.key() + " record " + ctx.timestamp());
            ctx.timerService().registerEventTimeTimer(ctx.timestamp() + 10);
        }

        @Override
        public void onTimer(long timestamp, OnTimerContext ctx, Collector<String> out) {
            out.collect(ctx.getCurrentKey() + " timer " + timestamp);
        }
    }

    /** Joins payloads in the order it gets them; emits the running fold after every record. */
    static final class FoldPerKey extends KeyedProcessFunction<String, Event, String> {
        private transient io.weir.api.state.ValueState<String> fold;

        @Override
        public void open(io.weir.api.functions.OpenContext openContext) {
            fold = getRuntimeContext().getState(new io.weir.api.state.ValueStateDescriptor<>("fold", String.class));
        }

        @Override
        public void processElement(Event value, Context ctx, Collector<String> out) throws Exception {
            String current = fold.value();
            String next = current == null ? value.fold() : current + "," + value.fold();
            fold.update(next);
            out.collect(value.key() + ": " + next);
        }
    }

    /** Associative, not commutative: payloads joined left to right; the time of the right-hand record. */
    static final class JoinFolds implements ReduceFunction<Event> {
        @Override
        public Event reduce(Event a, Event b) {
            return new Event(a.key(), b.time(), a.fold() + "," + b.fold());
        }
    }
}
