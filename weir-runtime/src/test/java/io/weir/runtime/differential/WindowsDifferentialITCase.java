package io.weir.runtime.differential;

import io.weir.api.datastream.DataStream;
import io.weir.api.datastream.KeyedStream;
import io.weir.api.datastream.SingleOutputStreamOperator;
import io.weir.api.datastream.WindowedStream;
import io.weir.api.environment.StreamExecutionEnvironment;
import io.weir.api.functions.AggregateFunction;
import io.weir.api.functions.Collector;
import io.weir.api.functions.ProcessFunction;
import io.weir.api.functions.windowing.ProcessWindowFunction;
import io.weir.api.windowing.assigners.DynamicEventTimeSessionWindows;
import io.weir.api.windowing.assigners.EventTimeSessionWindows;
import io.weir.api.windowing.assigners.ProcessingTimeSessionWindows;
import io.weir.api.windowing.assigners.SessionWindowTimeGapExtractor;
import io.weir.api.windowing.assigners.SlidingEventTimeWindows;
import io.weir.api.windowing.assigners.SlidingProcessingTimeWindows;
import io.weir.api.windowing.assigners.TumblingEventTimeWindows;
import io.weir.api.windowing.assigners.TumblingProcessingTimeWindows;
import io.weir.api.windowing.windows.Window;
import io.weir.runtime.differential.TimedInput.Event;
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
 * Windows of every assigner with every kind of window function, on seeded random input, in both modes. Each
 * window's result is normalised to (key, window's max timestamp, sum, count); the function kinds compute it
 * differently (reduce, aggregate, process over all records, reduce or aggregate handing one result to a process
 * function), and every output also checks that the record carries the window's max timestamp.
 *
 * <ul>
 *   <li>Event-time windows: the input is out of order within its watermark bound ({@link TimedInput}), so
 *       STREAMING drops nothing; both modes must emit exactly the windows an independent oracle computes.</li>
 *   <li>Processing-time windows: which window a record falls into depends on the wall clock in STREAMING (and on
 *       the frozen clock in BATCH), so the per-key totals over all windows are compared, times the number of
 *       windows each record is in.</li>
 *   <li>Count windows: a key's windows depend on the order of its records, so the input comes from one source
 *       subtask (each key's records arrive in input order in both modes) and the exact windows are compared.</li>
 * </ul>
 * Late data, which only STREAMING can have, is tested in {@code jobs.WindowsITCase} and {@code WindowOperatorTest}.
 */
@Timeout(120)
class WindowsDifferentialITCase {
    private static final int RECORDS = 3_000;
    private static final int KEYS = 20;
    private static final long STEP = 3;
    private static final long JITTER = 30;
    private static final long SIZE = 100;
    private static final long SLIDE = 25;
    private static final long GAP = 50;
    private static final int COUNT = 5;
    private static final int COUNT_SLIDE = 2;

    /** Output of every window, whatever the function. */
    record Result(int key, long windowMaxTimestamp, long sum, long count) implements Serializable {
    }

    /** What reduce and aggregate fold the events of a window into. */
    record Partial(int key, long sum, long count) implements Serializable {
        static Partial of(Event e) {
            return new Partial(e.key(), e.value(), 1);
        }

        Partial plus(Partial other) {
            return new Partial(key, sum + other.sum, count + other.count);
        }
    }

    enum Assigner {
        TUMBLING_EVENT_TIME, SLIDING_EVENT_TIME, SESSION_EVENT_TIME, DYNAMIC_SESSION_EVENT_TIME,
        TUMBLING_PROCESSING_TIME, SLIDING_PROCESSING_TIME, SESSION_PROCESSING_TIME, COUNT, SLIDING_COUNT;

        boolean processingTime() {
            return name().contains("PROCESSING");
        }

        boolean countBased() {
            return this == COUNT || this == SLIDING_COUNT;
        }
    }

    enum Function { REDUCE, AGGREGATE, PROCESS, REDUCE_AND_PROCESS, AGGREGATE_AND_PROCESS }

    static Stream<Arguments> assignersAndFunctions() {
        List<Arguments> args = new ArrayList<>();
        int[] parallelisms = {1, 2, 4};
        int i = 0;
        for (Assigner assigner : Assigner.values()) {
            for (Function function : Function.values()) {
                args.add(Arguments.of(assigner, function, parallelisms[i % 3], 9_100L + i));
                i++;
            }
        }
        return args.stream();
    }

    @ParameterizedTest(name = "{0} x {1}, parallelism {2}, seed {3}")
    @MethodSource("assignersAndFunctions")
    void bothModesGiveEachWindowTheSameFinalContents(Assigner assigner, Function function, int parallelism,
                                                     long seed) {
        TimedInput input = new TimedInput(seed, RECORDS, KEYS, STEP, JITTER);
        String description = assigner + " x " + function + " over " + input;
        ModeOutputs<Result> outputs = runInBothModes(description, parallelism,
                env -> job(env, input, assigner, function));
        if (assigner.processingTime()) {
            long windowsPerRecord = assigner == Assigner.SLIDING_PROCESSING_TIME ? SIZE / SLIDE : 1;
            Map<Integer, List<Long>> expected = scaled(totals(oracleInput(input)), windowsPerRecord);
            assertThat(totals(outputs.streaming())).as(outputs.context() + ": STREAMING per-key totals")
                    .isEqualTo(expected);
            assertThat(totals(outputs.batch())).as(outputs.context() + ": BATCH per-key totals").isEqualTo(expected);
        } else if (assigner.countBased()) {
            // Count windows cut a key's records by their order: arrival in STREAMING, timestamps in BATCH.
            outputs.assertEachEqual(oracle(assigner, oracleInput(input)),
                    oracle(assigner, TimedInput.inTimestampOrder(oracleInput(input))));
        } else {
            outputs.assertBothEqual(oracle(assigner, oracleInput(input)));
        }
    }

    static Stream<Arguments> combinableWindows() {
        List<Arguments> args = new ArrayList<>();
        int i = 0;
        for (Assigner assigner : List.of(Assigner.TUMBLING_EVENT_TIME, Assigner.SLIDING_EVENT_TIME)) {
            for (Function function : List.of(Function.REDUCE, Function.REDUCE_AND_PROCESS)) {
                // Few keys: combining reduces; many keys: it does not, and records pass through.
                for (int keys : new int[] {3, 400}) {
                    args.add(Arguments.of(assigner, function, keys, 1 + i % 4, 9_300L + i));
                    i++;
                }
            }
        }
        return args.stream();
    }

    /**
     * BATCH pre-aggregates reducing time windows before the shuffle: with at most 100 key-windows per combiner,
     * partials are flushed often, and where they barely reduce the input, records go through uncombined.
     */
    @ParameterizedTest(name = "{0} x {1}, {2} keys, parallelism {3}, seed {4}")
    @MethodSource("combinableWindows")
    void batchCombinersWithFrequentFlushesGiveTheSameWindows(Assigner assigner, Function function, int keys,
                                                            int parallelism, long seed) {
        TimedInput input = new TimedInput(seed, 5_000, keys, STEP, JITTER);
        ModeOutputs<Result> outputs = runInBothModes(assigner + " x " + function + " over " + input, parallelism,
                Settings.tinyMemory(), env -> job(env, input, assigner, function));
        outputs.assertBothEqual(oracle(assigner, oracleInput(input)));
    }

    private static List<Event> oracleInput(TimedInput input) {
        List<Event> events = new ArrayList<>();
        for (long i = 0; i < input.records(); i++) {
            events.add(input.event(i));
        }
        return events;
    }

    // ------------------------------------------------------------------------------------------ the job

    private static DataStream<Result> job(StreamExecutionEnvironment env, TimedInput input, Assigner assigner,
                                          Function function) {
        // Count windows depend on each key's order: one reader, in index order.
        DataStream<Event> events = assigner.countBased() ? input.sequentialSource(env) : input.source(env);
        if (function == Function.REDUCE || function == Function.REDUCE_AND_PROCESS) {
            // Reduce needs its input type as output type: the same windows over partials.
            SingleOutputStreamOperator<Partial> partials = events.map(Partial::of);
            if (assigner.countBased()) {
                partials.setParallelism(1);
            }
            WindowedStream<Partial, Integer, ? extends Window> windowed =
                    windowed(partials.keyBy(Partial::key), assigner, p -> 20 + p.sum() % 80);
            return function == Function.REDUCE
                    ? windowed.reduce(Partial::plus).process(new ToResult())
                    : reduceAndProcess(windowed);
        }
        WindowedStream<Event, Integer, ? extends Window> windowed =
                windowed(events.keyBy(Event::key), assigner, WindowsDifferentialITCase::dynamicGap);
        return switch (function) {
            case AGGREGATE -> windowed.aggregate(new PartialAggregate()).process(new ToResult());
            case PROCESS -> process(windowed);
            case AGGREGATE_AND_PROCESS -> aggregateAndProcess(windowed);
            default -> throw new IllegalArgumentException(function.toString());
        };
    }

    private static <W extends Window> DataStream<Result> reduceAndProcess(WindowedStream<Partial, Integer, W> w) {
        return w.reduce(Partial::plus, new OneResult<>()).process(new CheckTimestamp());
    }

    private static <W extends Window> DataStream<Result> process(WindowedStream<Event, Integer, W> w) {
        return w.process(new SumAll<>()).process(new CheckTimestamp());
    }

    private static <W extends Window> DataStream<Result> aggregateAndProcess(WindowedStream<Event, Integer, W> w) {
        return w.aggregate(new PartialAggregate(), new OneResult<>()).process(new CheckTimestamp());
    }

    static <T> WindowedStream<T, Integer, ? extends Window> windowed(
            KeyedStream<T, Integer> keyed, Assigner assigner, SessionWindowTimeGapExtractor<T> gap) {
        return switch (assigner) {
            case TUMBLING_EVENT_TIME -> keyed.window(TumblingEventTimeWindows.of(ms(SIZE)));
            case SLIDING_EVENT_TIME -> keyed.window(SlidingEventTimeWindows.of(ms(SIZE), ms(SLIDE)));
            case SESSION_EVENT_TIME -> keyed.window(EventTimeSessionWindows.withGap(ms(GAP)));
            case DYNAMIC_SESSION_EVENT_TIME -> keyed.window(DynamicEventTimeSessionWindows.withDynamicGap(gap));
            case TUMBLING_PROCESSING_TIME -> keyed.window(TumblingProcessingTimeWindows.of(ms(20)));
            case SLIDING_PROCESSING_TIME -> keyed.window(SlidingProcessingTimeWindows.of(ms(SIZE), ms(SLIDE)));
            case SESSION_PROCESSING_TIME -> keyed.window(ProcessingTimeSessionWindows.withGap(ms(10)));
            case COUNT -> keyed.countWindow(COUNT);
            case SLIDING_COUNT -> keyed.countWindow(COUNT, COUNT_SLIDE);
        };
    }

    static long dynamicGap(Event e) {
        return 20 + e.value() % 80;
    }

    private static Duration ms(long millis) {
        return Duration.ofMillis(millis);
    }

    // ------------------------------------------------------------------------------------------ functions

    static final class PartialAggregate implements AggregateFunction<Event, long[], Partial> {
        @Override
        public long[] createAccumulator() {
            return new long[] {-1, 0, 0};
        }

        @Override
        public long[] add(Event value, long[] acc) {
            acc[0] = value.key();
            acc[1] += value.value();
            acc[2]++;
            return acc;
        }

        @Override
        public Partial getResult(long[] acc) {
            return new Partial((int) acc[0], acc[1], acc[2]);
        }

        @Override
        public long[] merge(long[] a, long[] b) {
            return new long[] {Math.max(a[0], b[0]), a[1] + b[1], a[2] + b[2]};
        }
    }

    /** A window's partial, with the window read from the record's timestamp. */
    static final class ToResult extends ProcessFunction<Partial, Result> {
        @Override
        public void processElement(Partial value, Context ctx, Collector<Result> out) {
            out.collect(new Result(value.key(), ctx.timestamp(), value.sum(), value.count()));
        }
    }

    /** Fails unless a result carries its window's max timestamp. */
    static final class CheckTimestamp extends ProcessFunction<Result, Result> {
        @Override
        public void processElement(Result value, Context ctx, Collector<Result> out) {
            if (ctx.timestamp() == null || ctx.timestamp() != value.windowMaxTimestamp()) {
                throw new IllegalStateException(value + " carries timestamp " + ctx.timestamp());
            }
            out.collect(value);
        }
    }

    static final class SumAll<W extends Window> extends ProcessWindowFunction<Event, Result, Integer, W> {
        @Override
        public void process(Integer key, Context context, Iterable<Event> elements, Collector<Result> out) {
            long sum = 0;
            long count = 0;
            for (Event e : elements) {
                if (e.key() != key) {
                    throw new IllegalStateException("Event " + e + " in a window of key " + key);
                }
                sum += e.value();
                count++;
            }
            out.collect(new Result(key, context.window().maxTimestamp(), sum, count));
        }
    }

    static final class OneResult<W extends Window> extends ProcessWindowFunction<Partial, Result, Integer, W> {
        @Override
        public void process(Integer key, Context context, Iterable<Partial> elements, Collector<Result> out) {
            List<Partial> all = new ArrayList<>();
            elements.forEach(all::add);
            if (all.size() != 1 || all.get(0).key() != key) {
                throw new IllegalStateException("Expected one pre-aggregated result of key " + key + ", got " + all);
            }
            out.collect(new Result(key, context.window().maxTimestamp(), all.get(0).sum(), all.get(0).count()));
        }
    }

    // ------------------------------------------------------------------------------------------ oracles

    /** Per key: [sum of sums, sum of counts]. */
    static Map<Integer, List<Long>> totals(List<Result> results) {
        Map<Integer, List<Long>> totals = new TreeMap<>();
        for (Result r : results) {
            List<Long> t = totals.computeIfAbsent(r.key(), k -> new ArrayList<>(List.of(0L, 0L)));
            t.set(0, t.get(0) + r.sum());
            t.set(1, t.get(1) + r.count());
        }
        return totals;
    }

    static Map<Integer, List<Long>> totals(Iterable<Event> events) {
        List<Result> asResults = new ArrayList<>();
        for (Event e : events) {
            asResults.add(new Result(e.key(), 0, e.value(), 1));
        }
        return totals(asResults);
    }

    static Map<Integer, List<Long>> scaled(Map<Integer, List<Long>> totals, long factor) {
        Map<Integer, List<Long>> scaled = new TreeMap<>();
        totals.forEach((k, t) -> scaled.put(k, List.of(t.get(0) * factor, t.get(1) * factor)));
        return scaled;
    }

    /** Each window's result, computed from the events directly. */
    static List<Result> oracle(Assigner assigner, List<Event> events) {
        Map<Integer, List<Event>> byKey = new TreeMap<>();
        for (Event e : events) {
            byKey.computeIfAbsent(e.key(), k -> new ArrayList<>()).add(e);
        }
        List<Result> results = new ArrayList<>();
        byKey.forEach((key, keyEvents) -> {
            switch (assigner) {
                case TUMBLING_EVENT_TIME, SLIDING_EVENT_TIME -> results.addAll(timeWindows(key, keyEvents,
                        assigner == Assigner.TUMBLING_EVENT_TIME ? SIZE : SLIDE));
                case SESSION_EVENT_TIME -> results.addAll(sessions(key, keyEvents, e -> GAP));
                case DYNAMIC_SESSION_EVENT_TIME -> results.addAll(sessions(key, keyEvents,
                        WindowsDifferentialITCase::dynamicGap));
                case COUNT -> results.addAll(countWindows(key, keyEvents, COUNT, COUNT));
                case SLIDING_COUNT -> results.addAll(countWindows(key, keyEvents, COUNT, COUNT_SLIDE));
                default -> throw new IllegalArgumentException("No exact oracle for " + assigner);
            }
        });
        return results;
    }

    /** Windows of length SIZE starting at every multiple of {@code slide} (including negative ones). */
    private static List<Result> timeWindows(int key, List<Event> events, long slide) {
        Map<Long, long[]> byEnd = new HashMap<>();
        for (Event e : events) {
            long lastStart = Math.floorDiv(e.timestamp(), slide) * slide;
            for (long start = lastStart; start + SIZE > e.timestamp(); start -= slide) {
                long[] sc = byEnd.computeIfAbsent(start + SIZE - 1, k -> new long[2]);
                sc[0] += e.value();
                sc[1]++;
            }
        }
        List<Result> results = new ArrayList<>();
        byEnd.forEach((end, sc) -> results.add(new Result(key, end, sc[0], sc[1])));
        return results;
    }

    /** Intervals [t, t + gap) sorted by start, joined while they overlap or touch. */
    private static List<Result> sessions(int key, List<Event> events, java.util.function.ToLongFunction<Event> gap) {
        List<Event> sorted = new ArrayList<>(events);
        sorted.sort((a, b) -> Long.compare(a.timestamp(), b.timestamp()));
        List<Result> results = new ArrayList<>();
        long end = Long.MIN_VALUE;
        long sum = 0;
        long count = 0;
        for (Event e : sorted) {
            if (count > 0 && e.timestamp() > end) {
                results.add(new Result(key, end - 1, sum, count));
                sum = 0;
                count = 0;
            }
            end = count == 0 ? e.timestamp() + gap.applyAsLong(e) : Math.max(end, e.timestamp() + gap.applyAsLong(e));
            sum += e.value();
            count++;
        }
        if (count > 0) {
            results.add(new Result(key, end - 1, sum, count));
        }
        return results;
    }

    /** A window every {@code slide} events of the key, over its last {@code size} events. */
    private static List<Result> countWindows(int key, List<Event> events, int size, int slide) {
        List<Result> results = new ArrayList<>();
        for (int n = slide; n <= events.size(); n += slide) {
            long sum = 0;
            long count = 0;
            for (Event e : events.subList(Math.max(0, n - size), n)) {
                sum += e.value();
                count++;
            }
            results.add(new Result(key, Long.MAX_VALUE, sum, count));
        }
        return results;
    }
}
