package io.weir.runtime.differential;

import io.weir.api.tuple.Tuple2;
import io.weir.api.tuple.Tuple3;
import io.weir.runtime.differential.Aggregation.Account;
import io.weir.runtime.differential.Aggregation.Reading;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import static io.weir.runtime.differential.DifferentialHarness.runInBothModes;

/**
 * Every rolling aggregation, on tuples by position and on Java records and POJOs by field name: STREAMING's last
 * update per key must equal BATCH's only record for that key, and both the oracle's final value (see
 * {@link Aggregation} for why whole records are comparable although "first record" depends on the order).
 * The settings rotate through defaults, tiny memory (sort and partition spills, a combiner flush every 100 keys),
 * no combiner, and tiny STREAMING buffers.
 */
@Timeout(120)
class RollingAggregationsITCase {
    private static final Settings[] SETTINGS = {
            Settings.defaults(),
            Settings.tinyMemory(),
            Settings.defaults().with("execution.batch.combine", "false").with("execution.sort.memory", "128kb"),
            Settings.tinyBuffers()};

    static Stream<Arguments> aggregationsParallelismsAndSettings() {
        List<Arguments> args = new ArrayList<>();
        int i = 0;
        for (Aggregation aggregation : Aggregation.values()) {
            for (int p : new int[]{1, 2, 4}) {
                args.add(Arguments.of(aggregation, p, SETTINGS[i++ % SETTINGS.length]));
            }
        }
        return args.stream();
    }

    @ParameterizedTest(name = "{0}, parallelism {1}, {2}")
    @MethodSource("aggregationsParallelismsAndSettings")
    void tuple3ByPositionWithManyKeys(Aggregation aggregation, int parallelism, Settings settings) {
        InputSpec input = InputSpec.uniform(101, 60_000, 20_000);
        ModeOutputs<Tuple3<Integer, Integer, String>> out = runInBothModes(
                aggregation + " on Tuple3 by position over " + input, parallelism, settings,
                env -> aggregation.applyByPosition(input.source(env)
                        .map(t -> aggregation.tuple3(t.f0, t.f1))
                        .keyBy(t -> t.f0)));
        out.assertFinalValuesEqual(aggregation.expectedTuple3(input), out.assertSameFinalValues(t -> t.f0));
    }

    @ParameterizedTest(name = "{0}, parallelism {1}, {2}")
    @MethodSource("aggregationsParallelismsAndSettings")
    void tuple2ByPositionWithSkewedKeys(Aggregation aggregation, int parallelism, Settings settings) {
        InputSpec input = InputSpec.skewed(102, 60_000, 5_000);
        ModeOutputs<Tuple2<Integer, Integer>> out = runInBothModes(
                aggregation + " on Tuple2 by position over " + input, parallelism, settings,
                env -> aggregation.applyToPairs(input.source(env).keyBy(0)));
        out.assertFinalValuesEqual(aggregation.expectedPairs(input), out.assertSameFinalValues(t -> t.f0));
    }

    @ParameterizedTest(name = "{0}, parallelism {1}, {2}")
    @MethodSource("aggregationsParallelismsAndSettings")
    void javaRecordByFieldName(Aggregation aggregation, int parallelism, Settings settings) {
        InputSpec input = InputSpec.uniform(103, 30_000, 3_000);
        ModeOutputs<Reading> out = runInBothModes(aggregation + " on a Java record by field name over " + input,
                parallelism, settings, env -> aggregation.applyToReadings(input.source(env)
                        .map(t -> aggregation.reading(t.f0, t.f1))
                        .keyBy(Reading::sensor)));
        out.assertFinalValuesEqual(aggregation.expectedReadings(input), out.assertSameFinalValues(Reading::sensor));
    }

    @ParameterizedTest(name = "{0}, parallelism {1}, {2}")
    @MethodSource("aggregationsParallelismsAndSettings")
    void pojoByFieldName(Aggregation aggregation, int parallelism, Settings settings) {
        InputSpec input = InputSpec.skewed(104, 30_000, 3_000);
        ModeOutputs<Account> out = runInBothModes(aggregation + " on a POJO by field name over " + input,
                parallelism, settings, env -> aggregation.applyToAccounts(input.source(env)
                        .map(t -> aggregation.account(t.f0, t.f1))
                        .keyBy(a -> a.owner)));
        out.assertFinalValuesEqual(aggregation.expectedAccounts(input), out.assertSameFinalValues(a -> a.owner));
    }

    static Stream<Arguments> aggregationsParallelismsAndEdgeInputs() {
        List<Arguments> args = new ArrayList<>();
        for (Aggregation aggregation : Aggregation.values()) {
            for (int p : new int[]{1, 2, 4}) {
                args.add(Arguments.of(aggregation, p, InputSpec.empty(105)));
                args.add(Arguments.of(aggregation, p, InputSpec.singleKey(106, 20_000)));
            }
        }
        return args.stream();
    }

    /** No record at all (nothing to emit in either mode), and every record on one key (one subtask does all). */
    @ParameterizedTest(name = "{0}, parallelism {1}, {2}")
    @MethodSource("aggregationsParallelismsAndEdgeInputs")
    void emptyAndSingleKeyInputs(Aggregation aggregation, int parallelism, InputSpec input) {
        ModeOutputs<Tuple3<Integer, Integer, String>> out = runInBothModes(
                aggregation + " on Tuple3 over " + input, parallelism, Settings.tinyMemory(),
                env -> aggregation.applyByPosition(input.source(env)
                        .map(t -> aggregation.tuple3(t.f0, t.f1))
                        .keyBy(t -> t.f0)));
        Map<Integer, Tuple3<Integer, Integer, String>> expected = aggregation.expectedTuple3(input);
        out.assertFinalValuesEqual(expected, out.assertSameFinalValues(t -> t.f0));
    }

    /**
     * 200k records over 50k keys with tiny memory: every BATCH sort spills dozens of runs (about 6 MB of sort
     * entries against 256 KB), partitions spill in many blocks, combiners flush every 100 keys.
     */
    @ParameterizedTest(name = "parallelism {0}")
    @ValueSource(ints = {1, 2, 4})
    void largeInputSpillsSortsPartitionsAndCombiners(int parallelism) {
        InputSpec input = InputSpec.uniform(107, 200_000, 50_000);
        ModeOutputs<Tuple2<Integer, Integer>> out = runInBothModes("SUM over " + input, parallelism,
                Settings.tinyMemory(), env -> input.source(env).keyBy(t -> t.f0).sum(1));
        out.assertFinalValuesEqual(Aggregation.SUM.expectedPairs(input), out.assertSameFinalValues(t -> t.f0));
    }
}
