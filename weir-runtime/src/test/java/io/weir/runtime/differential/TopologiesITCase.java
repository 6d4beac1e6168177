package io.weir.runtime.differential;

import io.weir.api.common.OutputTag;
import io.weir.api.datastream.DataStream;
import io.weir.api.datastream.KeyedStream;
import io.weir.api.datastream.SingleOutputStreamOperator;
import io.weir.api.functions.Collector;
import io.weir.api.functions.ProcessFunction;
import io.weir.api.tuple.Tuple2;
import io.weir.api.tuple.Tuple3;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static io.weir.runtime.differential.DifferentialHarness.runInBothModes;

/**
 * Shapes of graphs around keyed aggregations that change how BATCH places combiners, stages and exchanges:
 * aggregations fed by a side output, by a union of producers of different parallelisms, directly by a source,
 * two aggregations off one keyed stream, keyed operators at another parallelism than their producers with few
 * key groups, and chaining switched off.
 */
@Timeout(120)
class TopologiesITCase {
    private static final OutputTag<Tuple2<Integer, Integer>> ODD = new OutputTag<>("odd values") {};

    /** Main and side output of one operator, each into its own keyed sum (in BATCH: a combiner on each output). */
    @ParameterizedTest(name = "parallelism {0}")
    @ValueSource(ints = {1, 2, 4})
    void aggregationsOfAMainAndASideOutput(int parallelism) {
        InputSpec input = InputSpec.skewed(801, 50_000, 5_000);
        Map<String, Tuple3<String, Integer, Integer>> expected = new HashMap<>();
        input.forEach((k, v) -> {
            String tag = v % 2 == 0 ? "even" : "odd";
            expected.merge(tag + k, Tuple3.of(tag, k, v), (a, b) -> Tuple3.of(tag, k, a.f2 + b.f2));
        });
        ModeOutputs<Tuple3<String, Integer, Integer>> out = runInBothModes("sums of main and side output over "
                + input, parallelism, Settings.tinyMemory(), env -> {
                    SingleOutputStreamOperator<Tuple2<Integer, Integer>> even = input.source(env).process(new SplitOdd());
                    DataStream<Tuple3<String, Integer, Integer>> evenSums = even.keyBy(t -> t.f0).sum(1)
                            .map(t -> Tuple3.of("even", t.f0, t.f1));
                    DataStream<Tuple3<String, Integer, Integer>> oddSums = even.getSideOutput(ODD).keyBy(t -> t.f0).sum(1)
                            .map(t -> Tuple3.of("odd", t.f0, t.f1));
                    return evenSums.union(oddSums);
                });
        out.assertFinalValuesEqual(expected, out.assertSameFinalValues(t -> t.f0 + t.f1));
    }

    /**
     * A keyed sum over the union of a parallel source, a parallelism-1 source and a re-parallelised map, at a
     * parallelism of its own, with max parallelism 7 (uneven key groups per subtask).
     */
    @ParameterizedTest(name = "parallelism {0}")
    @ValueSource(ints = {1, 2, 4})
    void aggregationOverAUnionOfProducersOfDifferentParallelisms(int parallelism) {
        InputSpec a = InputSpec.uniform(802, 40_000, 3_000);
        InputSpec b = InputSpec.skewed(803, 20_000, 3_000);
        Map<Integer, Tuple2<Integer, Integer>> expected = new HashMap<>();
        a.forEach((k, v) -> expected.merge(k, Tuple2.of(k, v), (x, y) -> Tuple2.of(k, x.f1 + y.f1)));
        b.forEach((k, v) -> expected.merge(k, Tuple2.of(k, 2 * v), (x, y) -> Tuple2.of(k, x.f1 + y.f1)));
        ModeOutputs<Tuple2<Integer, Integer>> out = runInBothModes("sum over a union of " + a + " and twice " + b
                        + " [max parallelism 7, keyed parallelism 3]", parallelism,
                Settings.tinyMemory().with("pipeline.max-parallelism", "7"), env -> {
                    DataStream<Tuple2<Integer, Integer>> parallel = a.source(env);
                    DataStream<Tuple2<Integer, Integer>> sequential = b.sequentialSource(env);
                    DataStream<Tuple2<Integer, Integer>> wider = b.source(env).map(t -> t).setParallelism(parallelism + 1);
                    // The collect sink runs at the default parallelism: keying the sums by their key keeps each
                    // key's STREAMING updates in order on their way to it (a rebalance would not).
                    return parallel.union(sequential, wider).keyBy(t -> t.f0).sum(1).setParallelism(3)
                            .keyBy(t -> t.f0);
                });
        out.assertFinalValuesEqual(expected, out.assertSameFinalValues(t -> t.f0));
    }

    /** One keyed stream feeding a sum and a max; chaining switched off around them. */
    @ParameterizedTest(name = "parallelism {0}")
    @ValueSource(ints = {1, 2, 4})
    void twoAggregationsOfOneKeyedStreamWithoutChaining(int parallelism) {
        InputSpec input = InputSpec.uniform(804, 40_000, 10_000);
        Map<String, Tuple3<String, Integer, Integer>> expected = new HashMap<>();
        input.forEach((k, v) -> {
            expected.merge("sum" + k, Tuple3.of("sum", k, v), (x, y) -> Tuple3.of("sum", k, x.f2 + y.f2));
            expected.merge("max" + k, Tuple3.of("max", k, v), (x, y) -> Tuple3.of("max", k, Math.max(x.f2, y.f2)));
        });
        ModeOutputs<Tuple3<String, Integer, Integer>> out = runInBothModes("sum and max of one keyed stream over "
                + input, parallelism, env -> {
                    KeyedStream<Tuple2<Integer, Integer>, Integer> keyed = input.source(env)
                            .map(t -> t).disableChaining()
                            .keyBy(t -> t.f0);
                    DataStream<Tuple3<String, Integer, Integer>> sums = keyed.sum(1).disableChaining()
                            .map(t -> Tuple3.of("sum", t.f0, t.f1));
                    DataStream<Tuple3<String, Integer, Integer>> maxima = keyed.max(1)
                            .map(t -> Tuple3.of("max", t.f0, t.f1)).disableChaining();
                    return sums.union(maxima);
                });
        out.assertFinalValuesEqual(expected, out.assertSameFinalValues(t -> t.f0 + t.f1));
    }

    /** A reduce straight on a parallelism-1 source of a few elements (the combiner chained to the source). */
    @ParameterizedTest(name = "parallelism {0}")
    @ValueSource(ints = {1, 2, 4})
    void aggregationStraightOnACollectionSource(int parallelism) {
        List<Tuple2<String, Long>> elements = new ArrayList<>();
        Map<String, Tuple2<String, Long>> expected = new HashMap<>();
        for (int i = 0; i < 5_000; i++) {
            Tuple2<String, Long> e = Tuple2.of("k" + i % 37, (long) i * i);
            elements.add(e);
            expected.merge(e.f0, e, (x, y) -> Tuple2.of(x.f0, x.f1 + y.f1));
        }
        ModeOutputs<Tuple2<String, Long>> out = runInBothModes("reduce over fromCollection of 5000 elements",
                parallelism, env -> env.fromCollection(elements)
                        .keyBy(t -> t.f0)
                        .reduce((x, y) -> Tuple2.of(x.f0, x.f1 + y.f1)));
        out.assertFinalValuesEqual(expected, out.assertSameFinalValues(t -> t.f0));
    }

    /** Odd values to the side output {@link #ODD}, even ones to the main output. */
    private static final class SplitOdd extends ProcessFunction<Tuple2<Integer, Integer>, Tuple2<Integer, Integer>> {
        @Override
        public void processElement(Tuple2<Integer, Integer> value, Context ctx, Collector<Tuple2<Integer, Integer>> out) {
            if (value.f1 % 2 == 0) {
                out.collect(value);
            } else {
                ctx.output(ODD, value);
            }
        }
    }
}
