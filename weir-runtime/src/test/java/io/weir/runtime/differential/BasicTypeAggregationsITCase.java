package io.weir.runtime.differential;

import io.weir.api.common.RuntimeExecutionMode;
import io.weir.api.datastream.DataStream;
import io.weir.api.datastream.KeyedStream;
import io.weir.api.environment.StreamExecutionEnvironment;
import io.weir.api.eventtime.WatermarkStrategy;
import io.weir.api.functions.Collector;
import io.weir.api.windowing.assigners.TumblingEventTimeWindows;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BinaryOperator;
import java.util.function.Function;
import java.util.stream.Stream;

import static io.weir.runtime.differential.DifferentialHarness.runInBothModes;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * {@code sum(0)}, {@code min(0)}, {@code max(0)}, {@code minBy(0)} and {@code maxBy(0)} on streams of basic types
 * ({@code Long}, {@code Integer}, {@code Double}) aggregate the values themselves, as in Flink, in both modes.
 *
 * <p>The records carry no key field, so outputs cannot be told apart by key: each key's records come from one
 * reader in input order through operators of parallelism 1, which fixes the sequence of rolling updates. STREAMING must emit exactly the multiset of
 * every key's rolling updates, BATCH exactly the multiset of every key's final value (the oracle folds the
 * seeded input). Windows fire once per key and window in both modes and must emit the oracle's per-window values.
 */
@Timeout(120)
class BasicTypeAggregationsITCase {
    private static final InputSpec INPUT = InputSpec.uniform(201, 20_000, 60);

    enum Aggregation {
        SUM, MIN, MAX, MIN_BY, MAX_BY;

        <T> DataStream<T> apply(KeyedStream<T, ?> keyed) {
            return switch (this) {
                case SUM -> keyed.sum(0);
                case MIN -> keyed.min(0);
                case MAX -> keyed.max(0);
                case MIN_BY -> keyed.minBy(0);
                case MAX_BY -> keyed.maxBy(0);
            };
        }

        <T extends Comparable<T>> BinaryOperator<T> fold(BinaryOperator<T> add) {
            return switch (this) {
                case SUM -> add;
                case MIN, MIN_BY -> (a, b) -> b.compareTo(a) < 0 ? b : a;
                case MAX, MAX_BY -> (a, b) -> b.compareTo(a) > 0 ? b : a;
            };
        }
    }

    static Stream<Arguments> aggregationsAndSettings() {
        List<Arguments> args = new ArrayList<>();
        int i = 0;
        for (Aggregation aggregation : Aggregation.values()) {
            for (int p : new int[]{1, 2, 4}) {
                args.add(Arguments.of(aggregation, p, i++ % 2 == 0 ? Settings.defaults() : Settings.tinyMemory()));
            }
        }
        return args.stream();
    }

    /** A long per input record whose remainder by 100 is its key. */
    private static long encodeLong(int key, int value) {
        return key + 100L * value;
    }

    @ParameterizedTest(name = "{0}, parallelism {1}, {2}")
    @MethodSource("aggregationsAndSettings")
    void longsAggregateTheValuesThemselves(Aggregation aggregation, int parallelism, Settings settings) {
        ModeOutputs<Long> out = runInBothModes(aggregation + "(0) on Long over " + INPUT, parallelism, settings,
                env -> aggregation.apply(INPUT.sequentialSource(env)
                        .map(t -> encodeLong(t.f0, t.f1)).setParallelism(1)
                        .keyBy(v -> v % 100)));

        assertRollingUpdates(out, inputAs(BasicTypeAggregationsITCase::encodeLong), v -> v % 100,
                aggregation.fold(Long::sum));
    }

    @ParameterizedTest(name = "{0}, parallelism {1}, {2}")
    @MethodSource("aggregationsAndSettings")
    void integersAggregateTheValuesThemselves(Aggregation aggregation, int parallelism, Settings settings) {
        ModeOutputs<Integer> out = runInBothModes(aggregation + "(0) on Integer over " + INPUT, parallelism, settings,
                env -> aggregation.apply(INPUT.sequentialSource(env)
                        .map(t -> t.f0 + 100 * t.f1).setParallelism(1)
                        .keyBy(v -> v % 100)));

        assertRollingUpdates(out, inputAs((k, v) -> k + 100 * v), v -> v % 100, aggregation.fold(Integer::sum));
    }

    /** Quarters are exact in binary, so sums do not depend on the order of additions. */
    @ParameterizedTest(name = "{0}, parallelism {1}, {2}")
    @MethodSource("aggregationsAndSettings")
    void doublesAggregateTheValuesThemselves(Aggregation aggregation, int parallelism, Settings settings) {
        ModeOutputs<Double> out = runInBothModes(aggregation + "(0) on Double over " + INPUT, parallelism, settings,
                env -> aggregation.apply(INPUT.sequentialSource(env)
                        .map(t -> t.f0 + 100.0 * t.f1 + 0.25).setParallelism(1)
                        .keyBy(v -> (long) Math.floor(v) % 100)));

        assertRollingUpdates(out, inputAs((k, v) -> k + 100.0 * v + 0.25), v -> (long) Math.floor(v) % 100,
                aggregation.fold(Double::sum));
    }

    /** Timestamps are the values' input positions, ascending per reader, so nothing is late in STREAMING. */
    @ParameterizedTest(name = "{0}, parallelism 2")
    @EnumSource(Aggregation.class)
    void tumblingWindowsOfLongsAggregateTheValuesOfEachWindow(Aggregation aggregation) {
        long size = 1_000;
        int records = 20_000;
        ModeOutputs<Long> out = runInBothModes(aggregation + "(0) per window of Longs 0.." + (records - 1), 2,
                env -> {
                    var windowed = env.fromSequence(0, records - 1)
                            .assignTimestampsAndWatermarks(WatermarkStrategy.<Long>forMonotonousTimestamps()
                                    .withTimestampAssigner((v, ts) -> v))
                            .keyBy(v -> v % 7)
                            .window(TumblingEventTimeWindows.of(Duration.ofMillis(size)));
                    return switch (aggregation) {
                        case SUM -> windowed.sum(0);
                        case MIN -> windowed.min(0);
                        case MAX -> windowed.max(0);
                        case MIN_BY -> windowed.minBy(0);
                        case MAX_BY -> windowed.maxBy(0);
                    };
                });

        Map<List<Long>, Long> expected = new HashMap<>();
        BinaryOperator<Long> fold = aggregation.fold(Long::sum);
        for (long v = 0; v < records; v++) {
            expected.merge(List.of(v % 7, v / size), v, fold);
        }
        out.assertBothEqual(expected.values());
    }

    /**
     * A flatMap lambda's output type cannot be told while the job is built (its generics are erased), so a position
     * that does not fit is caught on the first record, with the same message, in both modes.
     */
    @ParameterizedTest(name = "{0}")
    @EnumSource(value = RuntimeExecutionMode.class, names = {"STREAMING", "BATCH"})
    void aPositionThatDoesNotFitAnUntypedStreamFailsOnTheFirstRecord(RuntimeExecutionMode mode) {
        StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment();
        env.setParallelism(2);
        env.setRuntimeMode(mode);
        DataStream<Long> untyped = env.fromSequence(1, 100)
                .flatMap((Long v, Collector<Long> out) -> out.collect(v))
                .keyBy(v -> v % 3)
                .sum(1);

        assertThatThrownBy(() -> untyped.executeAndCollect(1000))
                .hasMessageContaining("Sum' (subtask")
                .hasStackTraceContaining("position 1 does not fit a stream of Long")
                .hasStackTraceContaining("position 0, the value itself");
    }

    @ParameterizedTest(name = "parallelism {0}")
    @ValueSource(ints = {1, 3})
    void aStreamOfLongsCanBeSummedAfterAFlatMapWhoseTypeIsGiven(int parallelism) {
        ModeOutputs<Long> out = runInBothModes("sum(0) after flatMap(...).returns(Long.class) over " + INPUT,
                parallelism, Settings.defaults(), env -> INPUT.sequentialSource(env)
                        .flatMap((io.weir.api.tuple.Tuple2<Integer, Integer> t, Collector<Long> c) ->
                                c.collect(encodeLong(t.f0, t.f1)))
                        .returns(Long.class).setParallelism(1)
                        .keyBy(v -> v % 100)
                        .sum(0));

        assertRollingUpdates(out, inputAs(BasicTypeAggregationsITCase::encodeLong), v -> v % 100, Long::sum);
    }

    private interface Encoder<T> {
        T encode(int key, int value);
    }

    private static <T> List<T> inputAs(Encoder<T> encoder) {
        List<T> values = new ArrayList<>();
        INPUT.forEach((k, v) -> values.add(encoder.encode(k, v)));
        return values;
    }

    /** STREAMING: every key's rolling updates; BATCH: every key's final value (both as multisets). */
    private static <T> void assertRollingUpdates(ModeOutputs<T> out, List<T> input, Function<T, ?> key,
                                                 BinaryOperator<T> fold) {
        Map<Object, T> finals = new LinkedHashMap<>();
        List<T> updates = new ArrayList<>();
        for (T value : input) {
            updates.add(finals.merge(key.apply(value), value, fold));
        }
        assertThat(multiset(out.streaming())).as(out.context() + ": STREAMING's updates")
                .isEqualTo(multiset(updates));
        assertThat(multiset(out.batch())).as(out.context() + ": BATCH's final values")
                .isEqualTo(multiset(finals.values()));
    }

    private static <T> Map<T, Integer> multiset(Iterable<T> values) {
        Map<T, Integer> counts = new HashMap<>();
        for (T value : values) {
            counts.merge(value, 1, Integer::sum);
        }
        return counts;
    }
}
