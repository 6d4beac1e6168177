package io.weir.runtime.differential;

import io.weir.api.common.RuntimeExecutionMode;
import io.weir.api.datastream.DataStream;
import io.weir.api.datastream.KeyedStream;
import io.weir.api.environment.StreamExecutionEnvironment;
import io.weir.api.functions.Collector;
import io.weir.api.functions.ReduceFunction;
import io.weir.api.functions.windowing.ProcessWindowFunction;
import io.weir.api.state.ReducingState;
import io.weir.api.state.ReducingStateDescriptor;
import io.weir.api.windowing.assigners.DynamicProcessingTimeSessionWindows;
import io.weir.api.windowing.assigners.GlobalWindows;
import io.weir.api.windowing.assigners.SlidingEventTimeWindows;
import io.weir.api.windowing.assigners.SlidingProcessingTimeWindows;
import io.weir.api.windowing.assigners.TumblingEventTimeWindows;
import io.weir.api.windowing.assigners.WindowAssigner;
import io.weir.api.windowing.evictors.TimeEvictor;
import io.weir.api.windowing.triggers.ContinuousProcessingTimeTrigger;
import io.weir.api.windowing.triggers.CountTrigger;
import io.weir.api.windowing.triggers.PurgingTrigger;
import io.weir.api.windowing.triggers.Trigger;
import io.weir.api.windowing.triggers.TriggerResult;
import io.weir.api.windowing.windows.GlobalWindow;
import io.weir.api.windowing.windows.TimeWindow;
import io.weir.runtime.differential.SessionAndSlidingTriggersITCase.Fired;
import io.weir.runtime.differential.SessionAndSlidingTriggersITCase.KeyWindow;
import io.weir.runtime.differential.SessionAndSlidingTriggersITCase.SumWindow;
import io.weir.runtime.differential.TimedInput.Event;
import io.weir.runtime.differential.WindowsDifferentialITCase.Partial;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.Serializable;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import static io.weir.runtime.differential.DifferentialHarness.runInBothModes;
import static io.weir.runtime.differential.SessionAndSlidingTriggersITCase.events;
import static io.weir.runtime.differential.SessionAndSlidingTriggersITCase.input;
import static io.weir.runtime.differential.SessionAndSlidingTriggersITCase.timeWindows;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Global windows with a custom trigger, continuous processing-time triggers, event-time windows with offsets
 * (with other triggers and evictors, and combined in BATCH) and processing-time sessions with a dynamic gap, in
 * both modes on seeded input. Where a window's contents depend on the wall clock (STREAMING) or on the frozen
 * clock (BATCH), what both modes define is compared: totals per key, and the shape BATCH's frozen clock gives.
 */
@Timeout(120)
class GlobalOffsetAndProcessingTimeWindowsITCase {

    // ------------------------------------------------------------------------------------------ global windows

    @ParameterizedTest(name = "parallelism {0}")
    @ValueSource(ints = {1, 2, 4})
    void globalWindowsWithACustomTriggerFireAtAThresholdAndFlushTheRestWhenEventTimeEnds(int parallelism) {
        TimedInput input = input(11_100 + parallelism, 20);
        ModeOutputs<Fired> outputs = runInBothModes("global windows, sum threshold trigger over " + input,
                parallelism, env -> input.sequentialSource(env).keyBy(Event::key).window(GlobalWindows.create())
                        .trigger(new SumThresholdTrigger(3_000)).process(new SumWindow<>()));
        // Per key in input order: a group closes when its values reach the threshold; the rest closes at the end.
        java.util.function.Function<List<Event>, List<Fired>> oracle = ordered -> {
            List<Fired> expected = new ArrayList<>();
            Map<Integer, List<Event>> open = new TreeMap<>();
            for (Event e : ordered) {
                List<Event> group = open.computeIfAbsent(e.key(), k -> new ArrayList<>());
                group.add(e);
                if (group.stream().mapToLong(Event::value).sum() >= 3_000) {
                    expected.add(Fired.of(global(e.key()), group));
                    open.remove(e.key());
                }
            }
            open.forEach((key, rest) -> expected.add(Fired.of(global(key), rest)));
            return expected;
        };
        // Each key's order decides: arrival in STREAMING, timestamps in BATCH.
        outputs.assertEachEqual(oracle.apply(events(input)), oracle.apply(TimedInput.inTimestampOrder(events(input))));
    }

    private static KeyWindow global(int key) {
        return new KeyWindow(key, Long.MIN_VALUE, Long.MAX_VALUE);
    }

    /**
     * Fires and purges a key's global window once its values add up to {@code threshold} (a sum kept in the
     * window's partitioned state), and fires what is left on an event-time timer at the end of time.
     */
    static final class SumThresholdTrigger extends Trigger<Event, GlobalWindow> {
        private final long threshold;
        private final ReducingStateDescriptor<Long> sumDescriptor =
                new ReducingStateDescriptor<>("sum", (ReduceFunction<Long>) Long::sum, Long.class);

        SumThresholdTrigger(long threshold) {
            this.threshold = threshold;
        }

        @Override
        public TriggerResult onElement(Event element, long timestamp, GlobalWindow window, TriggerContext ctx)
                throws Exception {
            ctx.registerEventTimeTimer(Long.MAX_VALUE);
            ReducingState<Long> sum = ctx.getPartitionedState(sumDescriptor);
            sum.add((long) element.value());
            if (sum.get() >= threshold) {
                sum.clear();
                return TriggerResult.FIRE_AND_PURGE;
            }
            return TriggerResult.CONTINUE;
        }

        @Override
        public TriggerResult onEventTime(long time, GlobalWindow window, TriggerContext ctx) {
            ctx.getPartitionedState(sumDescriptor).clear();
            return TriggerResult.FIRE_AND_PURGE;
        }

        @Override
        public TriggerResult onProcessingTime(long time, GlobalWindow window, TriggerContext ctx) {
            return TriggerResult.CONTINUE;
        }

        @Override
        public void clear(GlobalWindow window, TriggerContext ctx) {
            ctx.getPartitionedState(sumDescriptor).clear();
            ctx.deleteEventTimeTimer(Long.MAX_VALUE);
        }
    }

    // ------------------------------------------------------------------------------------------ processing time

    /**
     * Without purging, a global window's firings each see all of the key's records so far, the last one all of
     * them; purging, a window's firings together see each of its records once. BATCH fires each window once.
     */
    @ParameterizedTest(name = "{0}, purging {1}, parallelism {2}")
    @CsvSource({"global, false, 1", "global, false, 4", "global, true, 2", "sliding, true, 1", "sliding, true, 2",
            "sliding, true, 4"})
    void continuousProcessingTimeTriggersEmitEveryRecordOfEachWindow(String assigner, boolean purging,
                                                                    int parallelism) {
        TimedInput input = input(11_200 + parallelism, 20);
        boolean global = assigner.equals("global");
        ModeOutputs<Fired> outputs = runInBothModes(assigner + " windows, continuous processing-time trigger"
                + (purging ? ", purging," : "") + " over " + input, parallelism, env -> {
                    KeyedStream<Event, Integer> keyed = input.source(env).keyBy(Event::key);
                    ContinuousProcessingTimeTrigger<GlobalWindow> onGlobal =
                            ContinuousProcessingTimeTrigger.of(Duration.ofMillis(5));
                    ContinuousProcessingTimeTrigger<TimeWindow> onSliding =
                            ContinuousProcessingTimeTrigger.of(Duration.ofMillis(5));
                    return global
                            ? keyed.window(GlobalWindows.create())
                                    .trigger(purging ? PurgingTrigger.of(onGlobal) : onGlobal)
                                    .process(new SumWindow<>())
                            : keyed.window(SlidingProcessingTimeWindows.of(Duration.ofMillis(20),
                                            Duration.ofMillis(5)))
                                    .trigger(PurgingTrigger.of(onSliding)).process(new SumWindow<>());
                });
        long windowsPerRecord = global ? 1 : 4;
        Map<Integer, List<Long>> expected =
                WindowsDifferentialITCase.scaled(WindowsDifferentialITCase.totals(events(input)), windowsPerRecord);
        assertThat(totals(outputs.batch())).as(outputs.context() + ": BATCH")
                .isEqualTo(expected);
        assertThat(outputs.batch()).as(outputs.context() + ": BATCH fires each window once")
                .hasSize(expected.size() * (int) windowsPerRecord);
        if (purging) {
            assertThat(totals(outputs.streaming())).as(outputs.context() + ": STREAMING").isEqualTo(expected);
            return;
        }
        Map<Integer, Fired> last = new HashMap<>();
        for (Fired f : outputs.streaming()) {
            Fired previous = last.put(f.key(), f);
            assertThat(previous == null || previous.count() <= f.count())
                    .as(outputs.context() + ": a later firing saw fewer records: " + previous + " then " + f).isTrue();
        }
        assertThat(totals(last.values())).as(outputs.context() + ": STREAMING's last firings").isEqualTo(expected);
    }

    /** Per key: [sum, count] over all firings. */
    private static Map<Integer, List<Long>> totals(Collection<Fired> fired) {
        Map<Integer, List<Long>> totals = new TreeMap<>();
        for (Fired f : fired) {
            totals.merge(f.key(), List.of(f.sum(), f.count()), (a, b) -> List.of(a.get(0) + b.get(0),
                    a.get(1) + b.get(1)));
        }
        return totals;
    }

    /** The session gap of a record: 1 to 20 ms, read from its value. */
    static long dynamicGap(Event e) {
        return 1 + e.value() % 20;
    }

    /** (key, start, end, sum, count, the longest gap of the session's records). */
    record Session(int key, long start, long end, long sum, long count, long longestGap) implements Serializable {
    }

    private static DataStream<Session> dynamicSessions(StreamExecutionEnvironment env, TimedInput input) {
        return input.source(env).keyBy(Event::key)
                .window(DynamicProcessingTimeSessionWindows.withDynamicGap(
                        GlobalOffsetAndProcessingTimeWindowsITCase::dynamicGap))
                .process(new ToSession());
    }

    @ParameterizedTest(name = "parallelism {0}")
    @ValueSource(ints = {1, 2, 4})
    void dynamicProcessingTimeSessionsPutEachRecordIntoOneSessionAtLeastAsLongAsItsGap(int parallelism) {
        TimedInput input = input(11_300 + parallelism, 20);
        ModeOutputs<Session> outputs = runInBothModes("dynamic processing-time sessions over " + input, parallelism,
                env -> dynamicSessions(env, input));
        Map<Integer, List<Long>> expected = WindowsDifferentialITCase.totals(events(input));
        for (List<Session> sessions : List.of(outputs.streaming(), outputs.batch())) {
            List<Fired> asFired = new ArrayList<>();
            for (Session s : sessions) {
                assertThat(s.end() - s.start()).as(outputs.context() + ": " + s).isGreaterThanOrEqualTo(s.longestGap());
                asFired.add(new Fired(s.key(), s.start(), s.end() - 1, s.sum(), s.count()));
            }
            assertThat(totals(asFired)).as(outputs.context() + ": per-key totals").isEqualTo(expected);
        }
    }

    @ParameterizedTest(name = "parallelism {0}")
    @ValueSource(ints = {1, 2, 4})
    void inBatchDynamicProcessingTimeSessionsHoldAllOfAKeysRecordsFromTheFrozenTime(int parallelism) {
        TimedInput input = input(11_400 + parallelism, 20);
        long before = System.currentTimeMillis();
        List<Session> sessions = DifferentialHarness.run(RuntimeExecutionMode.BATCH, parallelism,
                Settings.defaults().forBatch(), "dynamic processing-time sessions over " + input,
                env -> dynamicSessions(env, input));
        long after = System.currentTimeMillis();

        Map<Integer, long[]> expected = new TreeMap<>(); // per key: sum, count, longest gap
        for (Event e : events(input)) {
            long[] s = expected.computeIfAbsent(e.key(), k -> new long[3]);
            s[0] += e.value();
            s[1]++;
            s[2] = Math.max(s[2], dynamicGap(e));
        }
        assertThat(sessions).as("one session per key").hasSize(expected.size());
        long frozen = sessions.get(0).start();
        assertThat(frozen).as("the frozen processing time").isBetween(before, after);
        for (Session s : sessions) {
            long[] e = expected.get(s.key());
            assertThat(s).isEqualTo(new Session(s.key(), frozen, frozen + e[2], e[0], e[1], e[2]));
        }
    }

    static final class ToSession extends ProcessWindowFunction<Event, Session, Integer, TimeWindow> {
        @Override
        public void process(Integer key, Context context, Iterable<Event> elements, Collector<Session> out) {
            long sum = 0;
            long count = 0;
            long longestGap = 0;
            for (Event e : elements) {
                sum += e.value();
                count++;
                longestGap = Math.max(longestGap, dynamicGap(e));
            }
            TimeWindow w = context.window();
            out.collect(new Session(key, w.getStart(), w.getEnd(), sum, count, longestGap));
        }
    }

    // ------------------------------------------------------------------------------------------ offsets

    enum OffsetJob { TUMBLING_REDUCE, SLIDING_REDUCE, TUMBLING_PURGING_COUNT, SLIDING_TIME_EVICTOR }

    /**
     * Windows shifted by an offset: reduced with the default trigger (which BATCH combines before the shuffle,
     * here with frequent flushes), fired by a purging count trigger, or with a time evictor.
     */
    @ParameterizedTest(name = "{0}, parallelism {1}")
    @CsvSource({"TUMBLING_REDUCE, 1", "TUMBLING_REDUCE, 4", "SLIDING_REDUCE, 2", "SLIDING_REDUCE, 4",
            "TUMBLING_PURGING_COUNT, 2", "TUMBLING_PURGING_COUNT, 4", "SLIDING_TIME_EVICTOR, 1",
            "SLIDING_TIME_EVICTOR, 2"})
    void windowsWithOffsetsHoldTheSameRecordsInBothModes(OffsetJob job, int parallelism) {
        TimedInput input = input(11_500 + parallelism + 10L * job.ordinal(), 5);
        boolean tumbling = job.name().startsWith("TUMBLING");
        long slide = tumbling ? 100 : 30; // 3 or 4 sliding windows per record
        long offset = tumbling ? 30 : 10;
        WindowAssigner<Object, TimeWindow> assigner = tumbling
                ? TumblingEventTimeWindows.of(Duration.ofMillis(100), Duration.ofMillis(offset))
                : SlidingEventTimeWindows.of(Duration.ofMillis(100), Duration.ofMillis(slide),
                        Duration.ofMillis(offset));
        ModeOutputs<Fired> outputs = runInBothModes(job + " with offset " + offset + " over " + input, parallelism,
                Settings.tinyMemory(), env -> {
                    DataStream<Event> events = job == OffsetJob.TUMBLING_PURGING_COUNT
                            ? input.sequentialSource(env) : input.source(env);
                    return switch (job) {
                        case TUMBLING_REDUCE, SLIDING_REDUCE -> events.map(Partial::of).keyBy(Partial::key)
                                .window(assigner).reduce(Partial::plus, new PartialToFired());
                        case TUMBLING_PURGING_COUNT -> events.keyBy(Event::key).window(assigner)
                                .trigger(PurgingTrigger.of(CountTrigger.of(3))).process(new SumWindow<>());
                        case SLIDING_TIME_EVICTOR -> events.keyBy(Event::key).window(assigner)
                                .evictor(TimeEvictor.of(Duration.ofMillis(30))).process(new SumWindow<>());
                    };
                });
        java.util.function.Function<List<Event>, List<Fired>> oracle = ordered -> {
            List<Fired> expected = new ArrayList<>();
            timeWindows(ordered, 100, slide, offset).forEach((w, es) -> {
                switch (job) {
                    case TUMBLING_PURGING_COUNT -> {
                        for (int n = 3; n <= es.size(); n += 3) {
                            expected.add(Fired.of(w, es.subList(n - 3, n)));
                        }
                    }
                    case SLIDING_TIME_EVICTOR -> {
                        long newest = es.stream().mapToLong(Event::timestamp).max().orElseThrow();
                        expected.add(Fired.of(w, es.stream().filter(e -> e.timestamp() > newest - 30).toList()));
                    }
                    default -> expected.add(Fired.of(w, es));
                }
            });
            return expected;
        };
        // Each key's order decides: arrival in STREAMING, timestamps in BATCH.
        outputs.assertEachEqual(oracle.apply(events(input)), oracle.apply(TimedInput.inTimestampOrder(events(input))));
    }

    /** A window's one reduced partial, as a firing. */
    static final class PartialToFired extends ProcessWindowFunction<Partial, Fired, Integer, TimeWindow> {
        @Override
        public void process(Integer key, Context context, Iterable<Partial> elements, Collector<Fired> out) {
            List<Partial> all = new ArrayList<>();
            elements.forEach(all::add);
            if (all.size() != 1 || all.get(0).key() != key) {
                throw new IllegalStateException("Expected one reduced partial of key " + key + ", got " + all);
            }
            TimeWindow w = context.window();
            out.collect(new Fired(key, w.getStart(), w.maxTimestamp(), all.get(0).sum(), all.get(0).count()));
        }
    }
}
