package io.weir.runtime.differential;

import io.weir.api.common.OutputTag;
import io.weir.api.datastream.DataStream;
import io.weir.api.datastream.SingleOutputStreamOperator;
import io.weir.api.functions.AggregateFunction;
import io.weir.api.functions.Collector;
import io.weir.api.functions.KeyedProcessFunction;
import io.weir.api.functions.OpenContext;
import io.weir.api.functions.RichFlatMapFunction;
import io.weir.api.state.AggregatingState;
import io.weir.api.state.AggregatingStateDescriptor;
import io.weir.api.state.ListState;
import io.weir.api.state.ListStateDescriptor;
import io.weir.api.state.MapState;
import io.weir.api.state.MapStateDescriptor;
import io.weir.api.state.ReducingState;
import io.weir.api.state.ReducingStateDescriptor;
import io.weir.api.state.ValueState;
import io.weir.api.state.ValueStateDescriptor;
import io.weir.api.tuple.Tuple2;
import io.weir.api.tuple.Tuple3;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

import static io.weir.runtime.differential.DifferentialHarness.runInBothModes;

/**
 * Keyed process functions and keyed rich flatMaps using each kind of keyed state. Most emit their running state
 * after every record, in both modes, and compare the last emission per key; the state is an order-insensitive
 * aggregate (count, sum, sorted contents, counts modulo 3, maximum, average of ints), so its final value does
 * not depend on the order in which parallel producers deliver a key's records. The one function whose output
 * depends on that order reads a parallelism-1 source, so each key's records arrive in input order in both modes,
 * and compares its per-record outputs as multisets.
 */
@Timeout(120)
class KeyedStateJobsITCase {
    private static final OutputTag<String> NEW_KEYS = new OutputTag<>("new keys") {};

    static Stream<Arguments> parallelismsAndInputs() {
        List<Arguments> args = new ArrayList<>();
        for (int p : new int[]{1, 2, 4}) {
            args.add(Arguments.of(p, InputSpec.uniform(201, 50_000, 20_000)));
            args.add(Arguments.of(p, InputSpec.skewed(202, 50_000, 2_000)));
        }
        return args.stream();
    }

    @ParameterizedTest(name = "parallelism {0}, {1}")
    @MethodSource("parallelismsAndInputs")
    void valueStateCountAndSumInAKeyedProcessFunction(int parallelism, InputSpec input) {
        ModeOutputs<Tuple3<Integer, Long, Long>> out = runInBothModes("ValueState count and sum over " + input,
                parallelism, Settings.tinyMemory(), env -> input.source(env).keyBy(t -> t.f0).process(new CountAndSum()));
        Map<Integer, Tuple3<Integer, Long, Long>> expected = new HashMap<>();
        input.forEach((k, v) -> expected.merge(k, Tuple3.of(k, 1L, (long) v),
                (a, b) -> Tuple3.of(k, a.f1 + 1, a.f2 + b.f2)));
        out.assertFinalValuesEqual(expected, out.assertSameLastValues(t -> t.f0));
    }

    @ParameterizedTest(name = "parallelism {0}")
    @ValueSource(ints = {1, 2, 4})
    void listStateSortedContentsInAKeyedRichFlatMap(int parallelism) {
        InputSpec input = InputSpec.uniform(203, 30_000, 8_000);
        ModeOutputs<Tuple2<Integer, String>> out = runInBothModes("ListState contents over " + input, parallelism,
                env -> input.source(env).keyBy(t -> t.f0).flatMap(new SortedValues()));
        Map<Integer, List<Integer>> values = new HashMap<>();
        input.forEach((k, v) -> values.computeIfAbsent(k, x -> new ArrayList<>()).add(v));
        Map<Integer, Tuple2<Integer, String>> expected = new HashMap<>();
        values.forEach((k, list) -> expected.put(k, Tuple2.of(k, list.stream().sorted().toList().toString())));
        out.assertFinalValuesEqual(expected, out.assertSameLastValues(t -> t.f0));
    }

    @ParameterizedTest(name = "parallelism {0}, {1}")
    @MethodSource("parallelismsAndInputs")
    void mapStateCountsModuloThreeWithRemovals(int parallelism, InputSpec input) {
        ModeOutputs<Tuple2<Integer, String>> out = runInBothModes("MapState last-digit counts mod 3 over " + input,
                parallelism, env -> input.source(env).keyBy(t -> t.f0).process(new DigitCountsModuloThree()));
        Map<Integer, Map<Integer, Integer>> counts = new HashMap<>();
        input.forEach((k, v) -> counts.computeIfAbsent(k, x -> new TreeMap<>()).merge(v % 10, 1, Integer::sum));
        Map<Integer, Tuple2<Integer, String>> expected = new HashMap<>();
        counts.forEach((k, byDigit) -> {
            Map<Integer, Integer> left = new TreeMap<>();
            byDigit.forEach((digit, n) -> {
                if (n % 3 != 0) {
                    left.put(digit, n % 3);
                }
            });
            expected.put(k, Tuple2.of(k, left.toString()));
        });
        out.assertFinalValuesEqual(expected, out.assertSameLastValues(t -> t.f0));
    }

    @ParameterizedTest(name = "parallelism {0}, {1}")
    @MethodSource("parallelismsAndInputs")
    void reducingStateMaximumInAKeyedRichFlatMap(int parallelism, InputSpec input) {
        ModeOutputs<Tuple2<Integer, Integer>> out = runInBothModes("ReducingState maximum over " + input, parallelism,
                env -> input.source(env).keyBy(t -> t.f0).flatMap(new RunningMaximum()));
        Map<Integer, Tuple2<Integer, Integer>> expected = new HashMap<>();
        input.forEach((k, v) -> expected.merge(k, Tuple2.of(k, v), (a, b) -> Tuple2.of(k, Math.max(a.f1, b.f1))));
        out.assertFinalValuesEqual(expected, out.assertSameLastValues(t -> t.f0));
    }

    @ParameterizedTest(name = "parallelism {0}, {1}")
    @MethodSource("parallelismsAndInputs")
    void aggregatingStateAverageInAKeyedProcessFunction(int parallelism, InputSpec input) {
        ModeOutputs<Tuple2<Integer, Double>> out = runInBothModes("AggregatingState average over " + input,
                parallelism, Settings.tinyMemory(), env -> input.source(env).keyBy(t -> t.f0).process(new RunningAverage()));
        Map<Integer, long[]> sums = new HashMap<>();
        input.forEach((k, v) -> {
            long[] s = sums.computeIfAbsent(k, x -> new long[2]);
            s[0] += v;
            s[1]++;
        });
        Map<Integer, Tuple2<Integer, Double>> expected = new HashMap<>();
        sums.forEach((k, s) -> expected.put(k, Tuple2.of(k, (double) s[0] / s[1])));
        out.assertFinalValuesEqual(expected, out.assertSameLastValues(t -> t.f0));
    }

    /**
     * Outputs that depend on the order of a key's records (each record paired with the key's previous value):
     * the input is read at parallelism 1, so both modes see each key's records in input order and must emit the
     * same records.
     */
    @ParameterizedTest(name = "parallelism {0}")
    @ValueSource(ints = {1, 2, 4})
    void valueStateOfThePreviousRecordWithASequentialSource(int parallelism) {
        InputSpec input = InputSpec.skewed(204, 40_000, 3_000);
        Map<Integer, Integer> previous = new HashMap<>();
        List<Tuple3<Integer, Integer, Integer>> expected = new ArrayList<>();
        input.forEach((k, v) -> {
            Integer before = previous.put(k, v);
            expected.add(Tuple3.of(k, before == null ? -1 : before, v));
        });
        runInBothModes("ValueState previous value over a sequential read of " + input, parallelism,
                Settings.tinyMemory(), env -> input.sequentialSource(env).keyBy(t -> t.f0).flatMap(new WithPrevious())
        ).assertBothEqual(expected);
    }

    /**
     * A side output from a keyed process function (the first record of each key announces the key) next to the
     * running count per key; the running counts 1..n of a key are the same multiset in any order.
     */
    @ParameterizedTest(name = "parallelism {0}, {1}")
    @MethodSource("parallelismsAndInputs")
    void sideOutputOfAKeyedProcessFunction(int parallelism, InputSpec input) {
        Map<Integer, Integer> counts = new HashMap<>();
        List<String> expected = new ArrayList<>();
        input.forEach((k, v) -> {
            int n = counts.merge(k, 1, Integer::sum);
            expected.add("count " + k + " " + n);
            if (n == 1) {
                expected.add("new " + k);
            }
        });
        runInBothModes("keyed side output over " + input, parallelism, env -> {
            SingleOutputStreamOperator<String> counted = input.source(env).keyBy(t -> t.f0).process(new AnnounceNewKeys());
            DataStream<String> announced = counted.getSideOutput(NEW_KEYS);
            return counted.union(announced);
        }).assertBothEqual(expected);
    }

    // ------------------------------------------------------------------------------------------ functions

    /** ValueState (with a default) of (count, sum); emits (key, count, sum) after every record. */
    private static final class CountAndSum
            extends KeyedProcessFunction<Integer, Tuple2<Integer, Integer>, Tuple3<Integer, Long, Long>> {
        private transient ValueState<Tuple2<Long, Long>> state;

        @Override
        public void open(OpenContext openContext) {
            state = getRuntimeContext().getState(new ValueStateDescriptor<>("count and sum",
                    castClass(Tuple2.class), Tuple2.of(0L, 0L)));
        }

        @Override
        public void processElement(Tuple2<Integer, Integer> value, Context ctx,
                                   Collector<Tuple3<Integer, Long, Long>> out) throws Exception {
            Tuple2<Long, Long> s = state.value();
            Tuple2<Long, Long> next = Tuple2.of(s.f0 + 1, s.f1 + value.f1);
            state.update(next);
            out.collect(Tuple3.of(ctx.getCurrentKey(), next.f0, next.f1));
        }
    }

    /** ListState of the key's values; emits (key, sorted values) after every record. */
    private static final class SortedValues extends RichFlatMapFunction<Tuple2<Integer, Integer>, Tuple2<Integer, String>> {
        private transient ListState<Integer> values;

        @Override
        public void open(OpenContext openContext) {
            values = getRuntimeContext().getListState(new ListStateDescriptor<>("values", Integer.class));
        }

        @Override
        public void flatMap(Tuple2<Integer, Integer> value, Collector<Tuple2<Integer, String>> out) throws Exception {
            values.add(value.f1);
            List<Integer> sorted = new ArrayList<>();
            values.get().forEach(sorted::add);
            sorted.sort(null);
            out.collect(Tuple2.of(value.f0, sorted.toString()));
        }
    }

    /**
     * MapState from last digit to its count modulo 3: an entry reaching 3 is removed. Emits (key, the map in
     * digit order) after every record.
     */
    private static final class DigitCountsModuloThree
            extends KeyedProcessFunction<Integer, Tuple2<Integer, Integer>, Tuple2<Integer, String>> {
        private transient MapState<Integer, Integer> counts;

        @Override
        public void open(OpenContext openContext) {
            counts = getRuntimeContext().getMapState(new MapStateDescriptor<>("digit counts", Integer.class, Integer.class));
        }

        @Override
        public void processElement(Tuple2<Integer, Integer> value, Context ctx, Collector<Tuple2<Integer, String>> out)
                throws Exception {
            int digit = value.f1 % 10;
            int n = counts.contains(digit) ? counts.get(digit) + 1 : 1;
            if (n == 3) {
                counts.remove(digit);
            } else {
                counts.put(digit, n);
            }
            Map<Integer, Integer> sorted = new TreeMap<>();
            if (!counts.isEmpty()) {
                for (Map.Entry<Integer, Integer> e : counts.entries()) {
                    sorted.put(e.getKey(), e.getValue());
                }
            }
            out.collect(Tuple2.of(ctx.getCurrentKey(), sorted.toString()));
        }
    }

    /** ReducingState of the maximum; emits (key, maximum so far) after every record. */
    private static final class RunningMaximum
            extends RichFlatMapFunction<Tuple2<Integer, Integer>, Tuple2<Integer, Integer>> {
        private transient ReducingState<Integer> maximum;

        @Override
        public void open(OpenContext openContext) {
            maximum = getRuntimeContext().getReducingState(new ReducingStateDescriptor<>("maximum", Math::max,
                    Integer.class));
        }

        @Override
        public void flatMap(Tuple2<Integer, Integer> value, Collector<Tuple2<Integer, Integer>> out) throws Exception {
            maximum.add(value.f1);
            out.collect(Tuple2.of(value.f0, maximum.get()));
        }
    }

    /** AggregatingState averaging ints through an immutable (sum, count) accumulator. */
    private static final class RunningAverage
            extends KeyedProcessFunction<Integer, Tuple2<Integer, Integer>, Tuple2<Integer, Double>> {
        private transient AggregatingState<Integer, Double> average;

        @Override
        public void open(OpenContext openContext) {
            average = getRuntimeContext().getAggregatingState(new AggregatingStateDescriptor<>("average",
                    new Average(), castClass(Tuple2.class)));
        }

        @Override
        public void processElement(Tuple2<Integer, Integer> value, Context ctx, Collector<Tuple2<Integer, Double>> out)
                throws Exception {
            average.add(value.f1);
            out.collect(Tuple2.of(ctx.getCurrentKey(), average.get()));
        }
    }

    private static final class Average implements AggregateFunction<Integer, Tuple2<Long, Long>, Double> {
        @Override
        public Tuple2<Long, Long> createAccumulator() {
            return Tuple2.of(0L, 0L);
        }

        @Override
        public Tuple2<Long, Long> add(Integer value, Tuple2<Long, Long> acc) {
            return Tuple2.of(acc.f0 + value, acc.f1 + 1);
        }

        @Override
        public Double getResult(Tuple2<Long, Long> acc) {
            return (double) acc.f0 / acc.f1;
        }

        @Override
        public Tuple2<Long, Long> merge(Tuple2<Long, Long> a, Tuple2<Long, Long> b) {
            return Tuple2.of(a.f0 + b.f0, a.f1 + b.f1);
        }
    }

    /** ValueState of the key's previous value; emits (key, previous or -1, current). Depends on record order. */
    private static final class WithPrevious
            extends RichFlatMapFunction<Tuple2<Integer, Integer>, Tuple3<Integer, Integer, Integer>> {
        private transient ValueState<Integer> previous;

        @Override
        public void open(OpenContext openContext) {
            previous = getRuntimeContext().getState(new ValueStateDescriptor<>("previous", Integer.class, -1));
        }

        @Override
        public void flatMap(Tuple2<Integer, Integer> value, Collector<Tuple3<Integer, Integer, Integer>> out)
                throws Exception {
            out.collect(Tuple3.of(value.f0, previous.value(), value.f1));
            previous.update(value.f1);
        }
    }

    /** Emits "count key n" per record, and "new key" to the side output {@link #NEW_KEYS} for a key's first record. */
    private static final class AnnounceNewKeys extends KeyedProcessFunction<Integer, Tuple2<Integer, Integer>, String> {
        private transient ValueState<Integer> count;

        @Override
        public void open(OpenContext openContext) {
            count = getRuntimeContext().getState(new ValueStateDescriptor<>("count", Integer.class));
        }

        @Override
        public void processElement(Tuple2<Integer, Integer> value, Context ctx, Collector<String> out) throws Exception {
            Integer n = count.value();
            if (n == null) {
                ctx.output(NEW_KEYS, "new " + ctx.getCurrentKey());
                n = 0;
            }
            count.update(n + 1);
            out.collect("count " + ctx.getCurrentKey() + " " + (n + 1));
        }
    }

    @SuppressWarnings("unchecked")
    private static <T> Class<T> castClass(Class<?> c) {
        return (Class<T>) c;
    }
}
