package io.weir.runtime.jobs;

import io.weir.api.connector.source.lib.CollectionSource;
import io.weir.api.datastream.KeyedStream;
import io.weir.api.environment.StreamExecutionEnvironment;
import io.weir.api.eventtime.WatermarkStrategy;
import io.weir.api.tuple.Tuple2;
import io.weir.api.tuple.Tuple3;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.function.BinaryOperator;
import java.util.function.Function;

import static io.weir.runtime.jobs.TestJobs.collectAll;
import static io.weir.runtime.jobs.TestJobs.environment;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Rolling aggregations on keyed streams: reduce, sum, min, max, minBy, maxBy, by position on tuples and by
 * field name on a Java record and a POJO. In STREAMING each input record yields one updated record of its
 * key, so a key's result is the last record emitted for it.
 *
 * <p>Inputs are seeded random with one hot key and a long tail (see {@link SkewedKeys}) and small value
 * ranges, so that ties are common. Jobs whose result depends on the order of a key's records read their
 * input with one reader, so each key's records arrive in input order; the expected results are folds over
 * the input in that order, written out here without the engine's aggregators.
 */
class KeyedAggregationsITCase {
    private static final int N = 20_000;
    private static final int TAIL_KEYS = 2_000;

    @AfterEach
    void clearSinks() {
        CollectingSink.clearAll();
    }

    // ---------------------------------------------------------------------------- tuples, by position

    @ParameterizedTest(name = "parallelism {0}")
    @ValueSource(ints = {1, 2, 4})
    void reduceFoldsEachKeysRecordsInArrivalOrder(int parallelism) throws Exception {
        List<Tuple2<String, Long>> input = tuple2Input(new Random(1));
        // Not commutative: any reordering within a key changes the result.
        List<Tuple2<String, Long>> out = collectAll(environment(parallelism).fromCollection(input)
                .keyBy(t -> t.f0)
                .reduce((a, b) -> Tuple2.of(a.f0, a.f1 * 31 + b.f1)));

        assertRollingResult(input, out, t -> t.f0, (a, b) -> Tuple2.of(a.f0, a.f1 * 31 + b.f1));
    }

    @ParameterizedTest(name = "parallelism {0}")
    @ValueSource(ints = {1, 2, 4})
    void sumByPositionKeepsTheOtherFieldsOfTheKeysFirstRecord(int parallelism) throws Exception {
        List<Tuple3<String, Integer, Long>> input = tuple3Input(new Random(2));
        List<Tuple3<String, Integer, Long>> out = collectAll(keyedByPosition(parallelism, input).sum(2));

        assertRollingResult(input, out, t -> t.f0, (a, b) -> Tuple3.of(a.f0, a.f1, a.f2 + b.f2));
    }

    @ParameterizedTest(name = "parallelism {0}")
    @ValueSource(ints = {1, 2, 4})
    void minByPositionKeepsTheOtherFieldsOfTheKeysFirstRecord(int parallelism) throws Exception {
        List<Tuple3<String, Integer, Long>> input = tuple3Input(new Random(3));
        List<Tuple3<String, Integer, Long>> out = collectAll(keyedByPosition(parallelism, input).min(2));

        assertRollingResult(input, out, t -> t.f0, (a, b) -> Tuple3.of(a.f0, a.f1, Math.min(a.f2, b.f2)));
    }

    @ParameterizedTest(name = "parallelism {0}")
    @ValueSource(ints = {1, 2, 4})
    void maxByPositionKeepsTheOtherFieldsOfTheKeysFirstRecord(int parallelism) throws Exception {
        List<Tuple3<String, Integer, Long>> input = tuple3Input(new Random(4));
        List<Tuple3<String, Integer, Long>> out = collectAll(keyedByPosition(parallelism, input).max(2));

        assertRollingResult(input, out, t -> t.f0, (a, b) -> Tuple3.of(a.f0, a.f1, Math.max(a.f2, b.f2)));
    }

    @ParameterizedTest(name = "parallelism {0}")
    @ValueSource(ints = {1, 2, 4})
    void minByByPositionKeepsTheWholeFirstRecordWithTheSmallestValue(int parallelism) throws Exception {
        List<Tuple3<String, Integer, Long>> input = tuple3Input(new Random(5));
        List<Tuple3<String, Integer, Long>> out = collectAll(keyedByPosition(parallelism, input).minBy(2));

        assertRollingResult(input, out, t -> t.f0, (a, b) -> b.f2 < a.f2 ? b : a);
    }

    @ParameterizedTest(name = "parallelism {0}")
    @ValueSource(ints = {1, 2, 4})
    void maxByByPositionKeepsTheWholeFirstRecordWithTheLargestValue(int parallelism) throws Exception {
        List<Tuple3<String, Integer, Long>> input = tuple3Input(new Random(6));
        List<Tuple3<String, Integer, Long>> out = collectAll(keyedByPosition(parallelism, input).maxBy(2));

        assertRollingResult(input, out, t -> t.f0, (a, b) -> b.f2 > a.f2 ? b : a);
    }

    @ParameterizedTest(name = "parallelism {0}")
    @ValueSource(ints = {1, 2, 4})
    void keyByTwoPositionsAggregatesPerCombinationOfBothFields(int parallelism) throws Exception {
        Random random = new Random(7);
        SkewedKeys keys = new SkewedKeys(random, 300);
        List<Tuple3<String, Integer, Long>> input = new ArrayList<>();
        for (int i = 0; i < N; i++) {
            input.add(Tuple3.of(keys.next(), random.nextInt(5), (long) random.nextInt(100)));
        }
        List<Tuple3<String, Integer, Long>> out = collectAll(environment(parallelism).fromCollection(input)
                .keyBy(0, 1)
                .sum(2));

        assertRollingResult(input, out, t -> List.of(t.f0, t.f1), (a, b) -> Tuple3.of(a.f0, a.f1, a.f2 + b.f2));
    }

    @ParameterizedTest(name = "parallelism {0}")
    @ValueSource(ints = {1, 2, 4})
    void aggregationsOfRecordsFromManyProducersReachTheSameFinalValues(int parallelism) throws Exception {
        // Read in parallel and rebalanced: a key's records arrive from several subtasks, interleaved. For
        // (key, value) pairs every one of these aggregations has a final value independent of that order.
        List<Tuple2<String, Long>> input = tuple2Input(new Random(8));
        StreamExecutionEnvironment env = environment(parallelism);
        KeyedStream<Tuple2<String, Long>, Object> keyed = env
                .fromSource(new CollectionSource<>(input), WatermarkStrategy.noWatermarks(), "pairs")
                .rebalance()
                .map(t -> t)
                .keyBy(0);
        keyed.sum(1).sinkTo(CollectingSink.named("sum"));
        keyed.min(1).sinkTo(CollectingSink.named("min"));
        keyed.max(1).sinkTo(CollectingSink.named("max"));
        keyed.minBy(1).sinkTo(CollectingSink.named("minBy"));
        keyed.maxBy(1).sinkTo(CollectingSink.named("maxBy"));
        env.execute("aggregations from many producers");

        Map<String, Tuple2<String, Long>> sum = PerKey.fold(input, t -> t.f0, (a, b) -> Tuple2.of(a.f0, a.f1 + b.f1));
        Map<String, Tuple2<String, Long>> min = PerKey.fold(input, t -> t.f0, (a, b) -> b.f1 < a.f1 ? b : a);
        Map<String, Tuple2<String, Long>> max = PerKey.fold(input, t -> t.f0, (a, b) -> b.f1 > a.f1 ? b : a);
        assertFinalValues("sum", sum, input.size());
        assertFinalValues("min", min, input.size());
        assertFinalValues("max", max, input.size());
        assertFinalValues("minBy", min, input.size());
        assertFinalValues("maxBy", max, input.size());
    }

    // ---------------------------------------------------------------------------- records and POJOs, by name

    @ParameterizedTest(name = "parallelism {0}")
    @ValueSource(ints = {1, 2, 4})
    void aggregationsByFieldNameOnAJavaRecord(int parallelism) throws Exception {
        Random random = new Random(9);
        SkewedKeys keys = new SkewedKeys(random, TAIL_KEYS);
        List<Trade> input = new ArrayList<>();
        for (int i = 0; i < N; i++) {
            input.add(new Trade(keys.next(), i, 1 + random.nextInt(100), random.nextInt(40) * 0.25));
        }
        StreamExecutionEnvironment env = environment(parallelism);
        KeyedStream<Trade, String> keyed = env.fromCollection(input).keyBy(Trade::symbol);
        keyed.sum("quantity").sinkTo(CollectingSink.named("sum"));
        keyed.min("price").sinkTo(CollectingSink.named("min"));
        keyed.max("price").sinkTo(CollectingSink.named("max"));
        keyed.minBy("price").sinkTo(CollectingSink.named("minBy"));
        keyed.maxBy("price").sinkTo(CollectingSink.named("maxBy"));
        env.execute("record aggregations");

        assertRollingResult("sum", input, Trade::symbol,
                (a, b) -> new Trade(a.symbol(), a.seq(), a.quantity() + b.quantity(), a.price()));
        assertRollingResult("min", input, Trade::symbol,
                (a, b) -> new Trade(a.symbol(), a.seq(), a.quantity(), Math.min(a.price(), b.price())));
        assertRollingResult("max", input, Trade::symbol,
                (a, b) -> new Trade(a.symbol(), a.seq(), a.quantity(), Math.max(a.price(), b.price())));
        assertRollingResult("minBy", input, Trade::symbol, (a, b) -> b.price() < a.price() ? b : a);
        assertRollingResult("maxBy", input, Trade::symbol, (a, b) -> b.price() > a.price() ? b : a);
    }

    @ParameterizedTest(name = "parallelism {0}")
    @ValueSource(ints = {1, 2, 4})
    void aggregationsByFieldNameOnAPojo(int parallelism) throws Exception {
        Random random = new Random(10);
        SkewedKeys keys = new SkewedKeys(random, TAIL_KEYS);
        List<Reading> input = new ArrayList<>();
        for (int i = 0; i < N; i++) {
            input.add(new Reading(keys.next(), i, random.nextInt(60) - 30, random.nextInt(3)));
        }
        StreamExecutionEnvironment env = environment(parallelism);
        KeyedStream<Reading, String> keyed = env.fromCollection(input).keyBy(r -> r.sensor);
        keyed.sum("value").sinkTo(CollectingSink.named("sum"));
        keyed.min("value").sinkTo(CollectingSink.named("min"));
        keyed.max("value").sinkTo(CollectingSink.named("max"));
        keyed.minBy("value").sinkTo(CollectingSink.named("minBy"));
        keyed.maxBy("value").sinkTo(CollectingSink.named("maxBy"));
        env.execute("POJO aggregations");

        assertRollingResult("sum", input, r -> r.sensor,
                (a, b) -> new Reading(a.sensor, a.seq, a.value + b.value, a.getUnit()));
        assertRollingResult("min", input, r -> r.sensor,
                (a, b) -> new Reading(a.sensor, a.seq, Math.min(a.value, b.value), a.getUnit()));
        assertRollingResult("max", input, r -> r.sensor,
                (a, b) -> new Reading(a.sensor, a.seq, Math.max(a.value, b.value), a.getUnit()));
        assertRollingResult("minBy", input, r -> r.sensor, (a, b) -> b.value < a.value ? b : a);
        assertRollingResult("maxBy", input, r -> r.sensor, (a, b) -> b.value > a.value ? b : a);
    }

    // ---------------------------------------------------------------------------- inputs and checks

    /** (key, value) with values in a small range. */
    private static List<Tuple2<String, Long>> tuple2Input(Random random) {
        SkewedKeys keys = new SkewedKeys(random, TAIL_KEYS);
        List<Tuple2<String, Long>> input = new ArrayList<>();
        for (int i = 0; i < N; i++) {
            input.add(Tuple2.of(keys.next(), (long) random.nextInt(50) - 10));
        }
        return input;
    }

    /** (key, position in the input, value): the position tells which of a key's records a result came from. */
    private static List<Tuple3<String, Integer, Long>> tuple3Input(Random random) {
        SkewedKeys keys = new SkewedKeys(random, TAIL_KEYS);
        List<Tuple3<String, Integer, Long>> input = new ArrayList<>();
        for (int i = 0; i < N; i++) {
            input.add(Tuple3.of(keys.next(), i, (long) random.nextInt(50)));
        }
        return input;
    }

    private static KeyedStream<Tuple3<String, Integer, Long>, Object> keyedByPosition(
            int parallelism, List<Tuple3<String, Integer, Long>> input) {
        return environment(parallelism).fromCollection(input).keyBy(0);
    }

    /**
     * One output record per input record; per key, the outputs are the successive results of folding that
     * key's inputs in order, so in particular the last one is the key's final result.
     */
    private static <T, K> void assertRollingResult(List<T> input, List<T> out, Function<T, K> key,
                                                   BinaryOperator<T> fold) {
        assertThat(out).hasSize(input.size());
        assertThat(PerKey.last(out, key)).as("final value per key").isEqualTo(PerKey.fold(input, key, fold));
        assertThat(PerKey.group(out, key)).as("updates per key").isEqualTo(PerKey.rollingFold(input, key, fold));
    }

    private static <T, K> void assertRollingResult(String sink, List<T> input, Function<T, K> key,
                                                   BinaryOperator<T> fold) {
        List<T> out = CollectingSink.results(sink);
        assertThat(out).as(sink).hasSize(input.size());
        assertThat(PerKey.last(out, key)).as(sink + ": final value per key").isEqualTo(PerKey.fold(input, key, fold));
        assertThat(PerKey.group(out, key)).as(sink + ": updates per key")
                .isEqualTo(PerKey.rollingFold(input, key, fold));
    }

    private static void assertFinalValues(String sink, Map<String, Tuple2<String, Long>> expected, int inputSize) {
        List<Tuple2<String, Long>> out = CollectingSink.results(sink);
        assertThat(out).as(sink).hasSize(inputSize);
        assertThat(PerKey.last(out, t -> t.f0)).as(sink + ": final value per key").isEqualTo(expected);
    }
}
