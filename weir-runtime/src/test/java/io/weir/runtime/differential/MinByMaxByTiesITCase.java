package io.weir.runtime.differential;

import io.weir.api.datastream.DataStream;
import io.weir.api.datastream.KeyedStream;
import io.weir.api.environment.StreamExecutionEnvironment;
import io.weir.api.eventtime.WatermarkStrategy;
import io.weir.api.tuple.Tuple3;
import io.weir.api.windowing.assigners.TumblingEventTimeWindows;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.function.BiFunction;
import java.util.stream.Stream;

import static io.weir.runtime.differential.DifferentialHarness.runInBothModes;

/**
 * {@code minBy}/{@code maxBy(position | field, first)}: on ties the first record with the extreme value is kept
 * ({@code first = true}, also the default), or the last ({@code false}). Records are {@code (key, value, seq)}
 * with values in a tiny range, so almost every key has ties, and {@code seq} tells which record was kept. A
 * parallelism-1 source sends each key's records in input order in both modes, so "first" and "last" are defined;
 * windowed records carry timestamps ascending with {@code seq}, so their order by time is their input order too.
 * Rolling results: STREAMING's last update per key and BATCH's one record must equal the oracle's fold; windows:
 * each (key, window) fires once in both modes with the oracle's record.
 */
@Timeout(120)
class MinByMaxByTiesITCase {
    private static final int RECORDS = 20_000;
    private static final int KEYS = 300;
    private static final long WINDOW = 500;

    enum Extreme {
        MIN_BY_FIRST, MIN_BY_LAST, MAX_BY_FIRST, MAX_BY_LAST, MIN_BY_DEFAULT, MAX_BY_DEFAULT;

        boolean min() {
            return this == MIN_BY_FIRST || this == MIN_BY_LAST || this == MIN_BY_DEFAULT;
        }

        boolean keepsFirst() {
            return this != MIN_BY_LAST && this != MAX_BY_LAST;
        }

        DataStream<Tuple3<Integer, Integer, Long>> byPosition(KeyedStream<Tuple3<Integer, Integer, Long>, ?> keyed) {
            return switch (this) {
                case MIN_BY_DEFAULT -> keyed.minBy(1);
                case MAX_BY_DEFAULT -> keyed.maxBy(1);
                default -> min() ? keyed.minBy(1, keepsFirst()) : keyed.maxBy(1, keepsFirst());
            };
        }

        DataStream<Tuple3<Integer, Integer, Long>> byName(KeyedStream<Tuple3<Integer, Integer, Long>, ?> keyed) {
            return switch (this) {
                case MIN_BY_DEFAULT -> keyed.minBy("f1");
                case MAX_BY_DEFAULT -> keyed.maxBy("f1");
                default -> min() ? keyed.minBy("f1", keepsFirst()) : keyed.maxBy("f1", keepsFirst());
            };
        }

        /** Folds a key's records in order: the record the aggregation must keep. */
        Tuple3<Integer, Integer, Long> fold(Tuple3<Integer, Integer, Long> kept, Tuple3<Integer, Integer, Long> next) {
            int order = min() ? Integer.compare(kept.f1, next.f1) : Integer.compare(next.f1, kept.f1);
            return order < 0 || order == 0 && keepsFirst() ? kept : next;
        }
    }

    static Stream<Arguments> extremesParallelismsAndSettings() {
        Settings[] settings = {Settings.defaults(), Settings.tinyMemory(),
                Settings.defaults().with("execution.batch.combine", "false")};
        List<Arguments> args = new ArrayList<>();
        int i = 0;
        for (Extreme extreme : Extreme.values()) {
            for (int p : new int[]{1, 2, 4}) {
                args.add(Arguments.of(extreme, p, settings[i++ % settings.length]));
            }
        }
        return args.stream();
    }

    @ParameterizedTest(name = "{0}, parallelism {1}, {2}")
    @MethodSource("extremesParallelismsAndSettings")
    void rollingByPositionKeepsTheFirstOrLastTiedRecord(Extreme extreme, int parallelism, Settings settings) {
        List<Tuple3<Integer, Integer, Long>> input = input(41);
        ModeOutputs<Tuple3<Integer, Integer, Long>> out = runInBothModes(extreme + " by position, seed 41",
                parallelism, settings, env -> extreme.byPosition(inOrder(env, input).keyBy(t -> t.f0)));
        out.assertFinalValuesEqual(foldPerKey(input, (k, t) -> k, extreme), out.assertSameFinalValues(t -> t.f0));
    }

    @ParameterizedTest(name = "{0}, parallelism {1}, {2}")
    @MethodSource("extremesParallelismsAndSettings")
    void rollingByFieldNameKeepsTheFirstOrLastTiedRecord(Extreme extreme, int parallelism, Settings settings) {
        List<Tuple3<Integer, Integer, Long>> input = input(42);
        ModeOutputs<Tuple3<Integer, Integer, Long>> out = runInBothModes(extreme + " by field name, seed 42",
                parallelism, settings, env -> extreme.byName(inOrder(env, input).keyBy(t -> t.f0)));
        out.assertFinalValuesEqual(foldPerKey(input, (k, t) -> k, extreme), out.assertSameFinalValues(t -> t.f0));
    }

    @ParameterizedTest(name = "{0}, parallelism {1}, {2}")
    @MethodSource("extremesParallelismsAndSettings")
    void tumblingWindowsKeepTheFirstOrLastTiedRecordOfEachWindow(Extreme extreme, int parallelism,
                                                                  Settings settings) {
        List<Tuple3<Integer, Integer, Long>> input = input(43);
        ModeOutputs<Tuple3<Integer, Integer, Long>> out = runInBothModes(extreme + " per window, seed 43",
                parallelism, settings, env -> {
                    var windowed = inOrder(env, input)
                            .assignTimestampsAndWatermarks(WatermarkStrategy.<Tuple3<Integer, Integer, Long>>
                                    forMonotonousTimestamps().withTimestampAssigner((t, ts) -> t.f2))
                            .keyBy(t -> t.f0)
                            .window(TumblingEventTimeWindows.of(Duration.ofMillis(WINDOW)));
                    return switch (extreme) {
                        case MIN_BY_DEFAULT -> windowed.minBy(1);
                        case MAX_BY_DEFAULT -> windowed.maxBy(1);
                        default -> extreme.min() ? windowed.minBy(1, extreme.keepsFirst())
                                : windowed.maxBy(1, extreme.keepsFirst());
                    };
                });
        Map<List<Object>, Tuple3<Integer, Integer, Long>> expected =
                foldPerKey(input, (k, t) -> List.of(k, t.f2 / WINDOW), extreme);
        out.assertFinalValuesEqual(expected, out.assertSameFinalValues(t -> List.of(t.f0, t.f2 / WINDOW)));
    }

    /** {@code (key, value, seq)}: values 0..2, so ties are the rule; {@code seq} is the position in the input. */
    private static List<Tuple3<Integer, Integer, Long>> input(long seed) {
        Random random = new Random(seed);
        List<Tuple3<Integer, Integer, Long>> input = new ArrayList<>();
        for (long seq = 0; seq < RECORDS; seq++) {
            input.add(Tuple3.of(random.nextInt(KEYS), random.nextInt(3), seq));
        }
        return input;
    }

    /** One reader (fromCollection is not parallel) and no operator before the keyBy: each key's records in order. */
    private static DataStream<Tuple3<Integer, Integer, Long>> inOrder(StreamExecutionEnvironment env,
                                                                     List<Tuple3<Integer, Integer, Long>> input) {
        return env.fromCollection(input);
    }

    private static <G> Map<G, Tuple3<Integer, Integer, Long>> foldPerKey(
            List<Tuple3<Integer, Integer, Long>> input,
            BiFunction<Integer, Tuple3<Integer, Integer, Long>, G> group, Extreme extreme) {
        Map<G, Tuple3<Integer, Integer, Long>> kept = new HashMap<>();
        for (Tuple3<Integer, Integer, Long> t : input) {
            kept.merge(group.apply(t.f0, t), t, extreme::fold);
        }
        return kept;
    }
}
