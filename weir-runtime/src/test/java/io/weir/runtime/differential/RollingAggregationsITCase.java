package io.weir.runtime.differential;

import io.weir.api.datastream.DataStream;
import io.weir.api.eventtime.WatermarkStrategy;
import io.weir.api.functions.Collector;
import io.weir.api.functions.ProcessFunction;
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
import java.util.stream.Collectors;
import java.util.stream.Stream;

import static io.weir.runtime.differential.DifferentialHarness.runInBothModes;
import static org.assertj.core.api.Assertions.assertThat;

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

    static Stream<Arguments> aggregationsAndWhetherInputHasTimestamps() {
        List<Arguments> args = new ArrayList<>();
        for (Aggregation aggregation : Aggregation.values()) {
            args.add(Arguments.of(aggregation, true));
            args.add(Arguments.of(aggregation, false));
        }
        return args.stream();
    }

    /**
     * The timestamp of what a rolling aggregation emits: in STREAMING each update carries its record's (none when
     * the input has none); in BATCH the one final value per key carries {@code Long.MAX_VALUE}, with or without
     * input timestamps, as Flink's does. Timestamps here are a function of the key, so every STREAMING update of
     * a key must carry the same one.
     */
    @ParameterizedTest(name = "{0}, input timestamps {1}")
    @MethodSource("aggregationsAndWhetherInputHasTimestamps")
    void finalValuesCarryMaxTimestampInBatchAndUpdatesTheirRecordsInStreaming(Aggregation aggregation,
                                                                              boolean timestamped) {
        InputSpec input = InputSpec.uniform(108, 5_000, 300);
        ModeOutputs<Tuple3<Integer, Integer, Long>> out = runInBothModes(aggregation + " timestamps over " + input
                + (timestamped ? " with" : " without") + " timestamps", 2, Settings.defaults(), env -> {
                    DataStream<Tuple2<Integer, Integer>> source = input.source(env);
                    if (timestamped) {
                        source = source.assignTimestampsAndWatermarks(WatermarkStrategy
                                .<Tuple2<Integer, Integer>>noWatermarks()
                                .withTimestampAssigner((t, previous) -> timestampOfKey(t.f0)));
                    }
                    return aggregation.applyToPairs(source.keyBy(t -> t.f0)).process(new WithTimestamp());
                });
        out.assertFinalValuesEqual(aggregation.expectedPairs(input).entrySet().stream().collect(
                        Collectors.toMap(Map.Entry::getKey, e -> e.getValue().f1)),
                out.assertSameFinalValues(t -> t.f0, t -> t.f1));
        assertThat(out.streaming()).as("STREAMING updates").isNotEmpty().allSatisfy(t ->
                assertThat(t.f2).isEqualTo(timestamped ? Long.valueOf(timestampOfKey(t.f0)) : null));
        assertThat(out.batch()).as("BATCH final values").isNotEmpty()
                .allSatisfy(t -> assertThat(t.f2).isEqualTo(Long.MAX_VALUE));
    }

    private static long timestampOfKey(int key) {
        return 1_000L * key - 7;
    }

    /** Appends the record's timestamp (null when it has none). */
    private static final class WithTimestamp
            extends ProcessFunction<Tuple2<Integer, Integer>, Tuple3<Integer, Integer, Long>> {
        @Override
        public void processElement(Tuple2<Integer, Integer> value, Context ctx,
                                   Collector<Tuple3<Integer, Integer, Long>> out) {
            out.collect(Tuple3.of(value.f0, value.f1, ctx.timestamp()));
        }
    }
}
