package io.weir.runtime.differential;

import io.weir.api.datastream.DataStream;
import io.weir.api.datastream.WindowedStream;
import io.weir.api.environment.StreamExecutionEnvironment;
import io.weir.api.functions.Collector;
import io.weir.api.functions.windowing.ProcessAllWindowFunction;
import io.weir.api.functions.windowing.ProcessWindowFunction;
import io.weir.api.windowing.assigners.TumblingEventTimeWindows;
import io.weir.api.windowing.evictors.CountEvictor;
import io.weir.api.windowing.evictors.TimeEvictor;
import io.weir.api.windowing.triggers.ContinuousEventTimeTrigger;
import io.weir.api.windowing.triggers.CountTrigger;
import io.weir.api.windowing.triggers.PurgingTrigger;
import io.weir.api.windowing.windows.TimeWindow;
import io.weir.runtime.differential.TimedInput.Event;
import io.weir.runtime.differential.WindowsDifferentialITCase.Result;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Predicate;

import static io.weir.runtime.differential.DifferentialHarness.runInBothModes;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tumbling event-time windows with other triggers and with evictors, and windows over a whole stream, in both
 * modes on seeded out-of-order input ({@link TimedInput}), against oracles computed from the events. Triggers
 * and evictors that count records depend on each key's order, so those jobs read a parallelism-1 source.
 */
@Timeout(120)
class WindowTriggersDifferentialITCase {
    private static final long SIZE = 100;

    private static TimedInput input(long seed) {
        return new TimedInput(seed, 3_000, 20, 3, 30);
    }

    private static WindowedStream<Event, Integer, TimeWindow> tumbling(DataStream<Event> events) {
        return events.keyBy(Event::key).window(TumblingEventTimeWindows.of(Duration.ofMillis(SIZE)));
    }

    private static List<Event> events(TimedInput input) {
        List<Event> events = new ArrayList<>();
        for (long i = 0; i < input.records(); i++) {
            events.add(input.event(i));
        }
        return events;
    }

    private static long windowEnd(Event e) {
        return Math.floorDiv(e.timestamp(), SIZE) * SIZE + SIZE - 1;
    }

    /** Per key and window (by max timestamp), the events in input order. */
    private static Map<List<Long>, List<Event>> byWindow(List<Event> events) {
        Map<List<Long>, List<Event>> windows = new TreeMap<>((a, b) -> a.get(0).equals(b.get(0))
                ? Long.compare(a.get(1), b.get(1)) : Long.compare(a.get(0), b.get(0)));
        for (Event e : events) {
            windows.computeIfAbsent(List.of((long) e.key(), windowEnd(e)), w -> new ArrayList<>()).add(e);
        }
        return windows;
    }

    private static Result sum(int key, long end, List<Event> events) {
        long sum = 0;
        for (Event e : events) {
            sum += e.value();
        }
        return new Result(key, end, sum, events.size());
    }

    @ParameterizedTest(name = "parallelism {0}")
    @ValueSource(ints = {1, 2, 4})
    void continuousEventTimeTriggersEndWithTheWholeWindowInBothModes(int parallelism) {
        TimedInput input = input(9_500 + parallelism);
        ModeOutputs<Result> outputs = runInBothModes("continuous trigger over " + input, parallelism,
                env -> tumbling(input.source(env)).trigger(ContinuousEventTimeTrigger.of(Duration.ofMillis(20)))
                        .process(new SumWindow()));
        Map<List<Long>, Result> expected = new HashMap<>();
        byWindow(events(input)).forEach((w, es) -> expected.put(w, sum(w.get(0).intValue(), w.get(1), es)));

        // BATCH fires each window once; STREAMING fires it along the way, its last firing with every record.
        assertThat(outputs.batch()).as(outputs.context()).hasSize(expected.size());
        assertThat(lastPerWindow(outputs.batch())).as(outputs.context() + ": BATCH").isEqualTo(expected);
        assertThat(lastPerWindow(outputs.streaming())).as(outputs.context() + ": STREAMING").isEqualTo(expected);
        assertThat(outputs.streaming().size()).as("STREAMING fired windows before their end").isGreaterThan(
                expected.size());
    }

    private static Map<List<Long>, Result> lastPerWindow(List<Result> results) {
        Map<List<Long>, Result> last = new HashMap<>();
        for (Result r : results) {
            Result previous = last.put(List.of((long) r.key(), r.windowMaxTimestamp()), r);
            if (previous != null && previous.count() > r.count()) {
                throw new AssertionError("A later firing of a window saw fewer records: " + previous + " then " + r);
            }
        }
        return last;
    }

    @ParameterizedTest(name = "parallelism {0}")
    @ValueSource(ints = {1, 2, 4})
    void aPurgingCountTriggerEmitsEachFullGroupOfAWindowsRecordsInBothModes(int parallelism) {
        TimedInput input = input(9_600 + parallelism);
        ModeOutputs<Result> outputs = runInBothModes("purging count trigger over " + input, parallelism,
                env -> tumbling(input.sequentialSource(env)).trigger(PurgingTrigger.of(CountTrigger.of(3)))
                        .process(new SumWindow()));
        java.util.function.Function<List<Event>, List<Result>> oracle = events -> {
            List<Result> expected = new ArrayList<>();
            byWindow(events).forEach((w, es) -> {
                for (int n = 3; n <= es.size(); n += 3) {
                    expected.add(sum(w.get(0).intValue(), w.get(1), es.subList(n - 3, n)));
                }
            });
            return expected;
        };
        // The groups follow each key's order: arrival in STREAMING, timestamps in BATCH.
        outputs.assertEachEqual(oracle.apply(events(input)), oracle.apply(TimedInput.inTimestampOrder(events(input))));
    }

    @ParameterizedTest(name = "parallelism {0}")
    @ValueSource(ints = {1, 2, 4})
    void aTimeEvictorLeavesTheSameRecordsInBothModes(int parallelism) {
        TimedInput input = input(9_700 + parallelism);
        ModeOutputs<Result> outputs = runInBothModes("time evictor over " + input, parallelism,
                env -> tumbling(input.source(env)).evictor(TimeEvictor.of(Duration.ofMillis(30)))
                        .process(new SumWindow()));
        List<Result> expected = new ArrayList<>();
        byWindow(events(input)).forEach((w, es) -> {
            long newest = es.stream().mapToLong(Event::timestamp).max().orElseThrow();
            Predicate<Event> kept = e -> e.timestamp() > newest - 30;
            expected.add(sum(w.get(0).intValue(), w.get(1), es.stream().filter(kept).toList()));
        });
        outputs.assertBothEqual(expected);
    }

    @ParameterizedTest(name = "parallelism {0}")
    @ValueSource(ints = {1, 2, 4})
    void aCountEvictorKeepsTheLastRecordsOfEachWindowInBothModes(int parallelism) {
        TimedInput input = input(9_800 + parallelism);
        ModeOutputs<Result> outputs = runInBothModes("count evictor over " + input, parallelism,
                env -> tumbling(input.sequentialSource(env)).evictor(CountEvictor.of(4))
                        .reduce((a, b) -> new Event(a.key(), a.value() + b.value(), Math.max(a.timestamp(),
                                b.timestamp())), new OneEvent()));
        java.util.function.Function<List<Event>, List<Result>> oracle = events -> {
            List<Result> expected = new ArrayList<>();
            byWindow(events).forEach((w, es) -> expected.add(new Result(w.get(0).intValue(), w.get(1),
                    sum(0, 0, es.subList(Math.max(0, es.size() - 4), es.size())).sum(), -1)));
            return expected;
        };
        // The last records of each key's order: arrival in STREAMING, timestamps in BATCH.
        outputs.assertEachEqual(oracle.apply(events(input)), oracle.apply(TimedInput.inTimestampOrder(events(input))));
    }

    @ParameterizedTest(name = "parallelism {0}")
    @ValueSource(ints = {1, 2, 4})
    void windowAllSeesEveryKeysRecordsInOneWindowInBothModes(int parallelism) {
        TimedInput input = input(9_900 + parallelism);
        ModeOutputs<Result> outputs = runInBothModes("windowAll over " + input, parallelism,
                env -> input.source(env).windowAll(TumblingEventTimeWindows.of(Duration.ofMillis(SIZE)))
                        .process(new SumAll()));
        Map<Long, List<Event>> byEnd = new TreeMap<>();
        for (Event e : events(input)) {
            byEnd.computeIfAbsent(windowEnd(e), w -> new ArrayList<>()).add(e);
        }
        List<Result> expected = new ArrayList<>();
        byEnd.forEach((end, es) -> expected.add(sum(-1, end, es)));
        outputs.assertBothEqual(expected);
    }

    static final class SumWindow extends ProcessWindowFunction<Event, Result, Integer, TimeWindow> {
        @Override
        public void process(Integer key, Context context, Iterable<Event> elements, Collector<Result> out) {
            long sum = 0;
            long count = 0;
            for (Event e : elements) {
                sum += e.value();
                count++;
            }
            out.collect(new Result(key, context.window().maxTimestamp(), sum, count));
        }
    }

    /** After a reduce: its one event, as a result without a count (-1). */
    static final class OneEvent extends ProcessWindowFunction<Event, Result, Integer, TimeWindow> {
        @Override
        public void process(Integer key, Context context, Iterable<Event> elements, Collector<Result> out) {
            List<Event> all = new ArrayList<>();
            elements.forEach(all::add);
            if (all.size() != 1) {
                throw new IllegalStateException("Expected one reduced event, got " + all);
            }
            out.collect(new Result(key, context.window().maxTimestamp(), all.get(0).value(), -1));
        }
    }

    static final class SumAll extends ProcessAllWindowFunction<Event, Result, TimeWindow> {
        @Override
        public void process(Context context, Iterable<Event> elements, Collector<Result> out) {
            long sum = 0;
            long count = 0;
            for (Event e : elements) {
                sum += e.value();
                count++;
            }
            out.collect(new Result(-1, context.window().maxTimestamp(), sum, count));
        }
    }
}
