package io.weir.runtime.differential;

import io.weir.api.functions.Collector;
import io.weir.api.functions.KeyedProcessFunction;
import io.weir.api.functions.OpenContext;
import io.weir.api.state.ValueState;
import io.weir.api.state.ValueStateDescriptor;
import io.weir.api.tuple.Tuple2;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import static io.weir.runtime.differential.DifferentialHarness.runInBothModes;

/**
 * Jobs with two and three keyed exchanges in a row (in BATCH: three and four stages, each sorted by a different
 * key). A stage after a rolling aggregation sees every update in STREAMING but only final values in BATCH, so
 * these jobs are built to give the same final result either way: updates as retractions and additions, running
 * counts (whose multiset does not depend on order), or an idempotent aggregation (maximum of maxima).
 */
@Timeout(120)
class MultiStageJobsITCase {

    static Stream<Arguments> parallelismsInputsAndSettings() {
        List<Arguments> args = new ArrayList<>();
        for (int p : new int[]{1, 2, 4}) {
            args.add(Arguments.of(p, InputSpec.skewed(401, 100_000, 20_000), Settings.tinyMemory()));
            args.add(Arguments.of(p, InputSpec.uniform(402, 60_000, 10_000),
                    Settings.defaults().with("execution.batch.combine", "false")));
            args.add(Arguments.of(p, InputSpec.empty(403), Settings.defaults()));
        }
        return args.stream();
    }

    /**
     * Word count, then how many words have each count. The first stage emits, per record, a retraction of the
     * word's old count and an addition of its new one; the second sums them per count. Counts a word passed
     * through end at 0, in both modes.
     */
    @ParameterizedTest(name = "parallelism {0}, {1}, {2}")
    @MethodSource("parallelismsInputsAndSettings")
    void wordCountThenCountOfCounts(int parallelism, InputSpec input, Settings settings) {
        Map<Integer, Integer> countPerWord = new HashMap<>();
        input.forEach((k, v) -> countPerWord.merge(k, 1, Integer::sum));
        int maxCount = countPerWord.values().stream().max(Integer::compare).orElse(0);
        Map<Integer, Tuple2<Integer, Integer>> expected = new HashMap<>();
        for (int c = 1; c <= maxCount; c++) {
            expected.put(c, Tuple2.of(c, 0));
        }
        countPerWord.values().forEach(c -> expected.put(c, Tuple2.of(c, expected.get(c).f1 + 1)));
        ModeOutputs<Tuple2<Integer, Integer>> out = runInBothModes("word count then count of counts over " + input,
                parallelism, settings, env -> input.source(env)
                        .map(t -> "w" + t.f0)
                        .keyBy(word -> word)
                        .process(new CountChanges())
                        .keyBy(t -> t.f0)
                        .sum(1));
        out.assertFinalValuesEqual(expected, out.assertSameFinalValues(t -> t.f0));
    }

    /**
     * Three keyed stages: running count n per key, running count m per n, then the sum of n per bucket of m.
     * Each running count emits (key, 1..count) for its key, the same multiset whatever the order.
     */
    @ParameterizedTest(name = "parallelism {0}, {1}, {2}")
    @MethodSource("parallelismsInputsAndSettings")
    void threeKeyedStagesOfRunningCountsThenASum(int parallelism, InputSpec input, Settings settings) {
        Map<Integer, Integer> countPerKey = new HashMap<>();
        input.forEach((k, v) -> countPerKey.merge(k, 1, Integer::sum));
        Map<Integer, Integer> keysWithAtLeast = new HashMap<>();
        countPerKey.values().forEach(c -> {
            for (int n = 1; n <= c; n++) {
                keysWithAtLeast.merge(n, 1, Integer::sum);
            }
        });
        Map<Integer, Tuple2<Integer, Long>> expected = new HashMap<>();
        keysWithAtLeast.forEach((n, w) -> {
            for (int m = 1; m <= w; m++) {
                expected.merge(m % 10, Tuple2.of(m % 10, (long) n), (a, b) -> Tuple2.of(a.f0, a.f1 + b.f1));
            }
        });
        ModeOutputs<Tuple2<Integer, Long>> out = runInBothModes("three keyed stages over " + input, parallelism,
                settings, env -> input.source(env)
                        .keyBy(t -> t.f0)
                        .process(new RunningCount())
                        .keyBy(t -> t.f1)
                        .process(new RunningCount())
                        .map(t -> Tuple2.of(t.f1 % 10, (long) t.f0))
                        .keyBy(t -> t.f0)
                        .sum(1));
        out.assertFinalValuesEqual(expected, out.assertSameFinalValues(t -> t.f0));
    }

    /** A rolling maximum per key, then per bucket of keys: STREAMING's updates only grow, so both modes agree. */
    @ParameterizedTest(name = "parallelism {0}")
    @ValueSource(ints = {1, 2, 4})
    void maximumOfMaximaAcrossTwoRollingAggregations(int parallelism) {
        InputSpec input = InputSpec.uniform(404, 80_000, 30_000);
        Map<Integer, Integer> maxPerKey = new HashMap<>();
        input.forEach((k, v) -> maxPerKey.merge(k, v, Math::max));
        Map<Integer, Tuple2<Integer, Integer>> expected = new HashMap<>();
        maxPerKey.forEach((k, max) -> expected.merge(k % 100, Tuple2.of(k % 100, max),
                (a, b) -> Tuple2.of(a.f0, Math.max(a.f1, b.f1))));
        ModeOutputs<Tuple2<Integer, Integer>> out = runInBothModes("maximum of maxima over " + input, parallelism,
                Settings.tinyMemory(), env -> input.source(env)
                        .keyBy(t -> t.f0)
                        .max(1)
                        .map(t -> Tuple2.of(t.f0 % 100, t.f1))
                        .keyBy(t -> t.f0)
                        .max(1));
        out.assertFinalValuesEqual(expected, out.assertSameFinalValues(t -> t.f0));
    }

    /** Per word: (old count, -1) unless it is new, then (new count, +1). */
    static final class CountChanges extends KeyedProcessFunction<String, String, Tuple2<Integer, Integer>> {
        private transient ValueState<Integer> count;

        @Override
        public void open(OpenContext openContext) {
            count = getRuntimeContext().getState(new ValueStateDescriptor<>("count", Integer.class, 0));
        }

        @Override
        public void processElement(String word, Context ctx, Collector<Tuple2<Integer, Integer>> out) throws Exception {
            int old = count.value();
            if (old > 0) {
                out.collect(Tuple2.of(old, -1));
            }
            count.update(old + 1);
            out.collect(Tuple2.of(old + 1, 1));
        }
    }

    /** Emits (the current key, the running count of its records). */
    static final class RunningCount
            extends KeyedProcessFunction<Integer, Tuple2<Integer, Integer>, Tuple2<Integer, Integer>> {
        private transient ValueState<Integer> count;

        @Override
        public void open(OpenContext openContext) {
            count = getRuntimeContext().getState(new ValueStateDescriptor<>("count", Integer.class, 0));
        }

        @Override
        public void processElement(Tuple2<Integer, Integer> value, Context ctx, Collector<Tuple2<Integer, Integer>> out)
                throws Exception {
            int n = count.value() + 1;
            count.update(n);
            out.collect(Tuple2.of(ctx.getCurrentKey(), n));
        }
    }
}
