package io.weir.runtime.jobs;

import io.weir.api.common.OutputTag;
import io.weir.api.datastream.KeyedStream;
import io.weir.api.datastream.SingleOutputStreamOperator;
import io.weir.api.environment.StreamExecutionEnvironment;
import io.weir.api.functions.AggregateFunction;
import io.weir.api.functions.Collector;
import io.weir.api.functions.KeyedProcessFunction;
import io.weir.api.functions.OpenContext;
import io.weir.api.functions.RichFilterFunction;
import io.weir.api.functions.RichFlatMapFunction;
import io.weir.api.functions.RichMapFunction;
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
import io.weir.runtime.exchange.KeyGroups;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import static io.weir.runtime.jobs.TestJobs.collectAll;
import static io.weir.runtime.jobs.TestJobs.environment;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Keyed state in rich flat maps and keyed process functions: each kind of state gives per-key results equal
 * to a plain computation, a key never sees another key's state, and key groups spread keys over subtasks.
 * Inputs are read by one reader, so each key's records arrive in input order and every update a function
 * emits can be predicted.
 */
class KeyedStateITCase {
    private static final int N = 20_000;
    private static final int TAIL_KEYS = 1_000;
    private static final int MAX_PARALLELISM = 128;
    private static final OutputTag<Tuple2<String, Long>> NEW_KEYS = new OutputTag<>("new keys") {};

    @AfterEach
    void clearSinks() {
        CollectingSink.clearAll();
    }

    @ParameterizedTest(name = "parallelism {0}")
    @ValueSource(ints = {1, 2, 4})
    void valueStateKeepsACountWithADefaultAndASumPerKey(int parallelism) throws Exception {
        List<Tuple2<String, Long>> input = input(new Random(21));
        List<Tuple3<String, Long, Long>> out = collectAll(keyed(parallelism, input).map(new CountAndSum()));

        List<Tuple3<String, Long, Long>> expected = new ArrayList<>();
        Map<String, long[]> countAndSum = new HashMap<>();
        for (Tuple2<String, Long> t : input) {
            long[] cs = countAndSum.computeIfAbsent(t.f0, k -> new long[2]);
            cs[0]++;
            cs[1] += t.f1;
            expected.add(Tuple3.of(t.f0, cs[0], cs[1]));
        }
        assertSameUpdatesPerKey(out, expected);
    }

    @ParameterizedTest(name = "parallelism {0}")
    @ValueSource(ints = {1, 2, 4})
    void clearingValueStateStartsTheKeyOverWithoutTouchingOtherKeys(int parallelism) throws Exception {
        List<Tuple2<String, Long>> input = input(new Random(22));
        List<Tuple2<String, Long>> out = collectAll(keyed(parallelism, input).flatMap(new TotalOfEveryFive()));

        List<Tuple2<String, Long>> expected = new ArrayList<>();
        Map<String, List<Long>> open = new HashMap<>();
        for (Tuple2<String, Long> t : input) {
            List<Long> batch = open.computeIfAbsent(t.f0, k -> new ArrayList<>());
            batch.add(t.f1);
            if (batch.size() == TotalOfEveryFive.BATCH) {
                expected.add(Tuple2.of(t.f0, batch.stream().mapToLong(Long::longValue).sum()));
                batch.clear();
            }
        }
        assertThat(expected).hasSizeGreaterThan(100);
        assertSameUpdatesPerKey(out, expected);
    }

    @ParameterizedTest(name = "parallelism {0}")
    @ValueSource(ints = {1, 2, 4})
    void keyedFilterWithValueStateLetsOnlyEachKeysFirstRecordThrough(int parallelism) throws Exception {
        List<Tuple2<String, Long>> input = input(new Random(28));
        List<Tuple2<String, Long>> out = collectAll(keyed(parallelism, input).filter(new FirstOfEachKey()));

        Set<String> seen = new HashSet<>();
        List<Tuple2<String, Long>> firsts = input.stream().filter(t -> seen.add(t.f0)).toList();
        assertThat(PerKey.group(out, t -> t.f0)).isEqualTo(PerKey.group(firsts, t -> t.f0));
    }

    @ParameterizedTest(name = "parallelism {0}")
    @ValueSource(ints = {1, 2, 4})
    void keyedProcessFunctionSendsEachKeysFirstRecordToASideOutput(int parallelism) throws Exception {
        List<Tuple2<String, Long>> input = input(new Random(29));
        SingleOutputStreamOperator<Tuple2<String, Long>> repeats =
                keyed(parallelism, input).process(new NewKeysToSideOutput());
        repeats.sinkTo(CollectingSink.named("repeats"));
        repeats.getSideOutput(NEW_KEYS).sinkTo(CollectingSink.named("new keys"));
        repeats.getExecutionEnvironment().execute("new keys");

        List<Tuple2<String, Long>> firsts = new ArrayList<>();
        List<Tuple2<String, Long>> rest = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        for (Tuple2<String, Long> t : input) {
            (seen.add(t.f0) ? firsts : rest).add(t);
        }
        assertThat(PerKey.group(CollectingSink.<Tuple2<String, Long>>results("new keys"), t -> t.f0))
                .isEqualTo(PerKey.group(firsts, t -> t.f0));
        assertThat(PerKey.group(CollectingSink.<Tuple2<String, Long>>results("repeats"), t -> t.f0))
                .isEqualTo(PerKey.group(rest, t -> t.f0));
    }

    @ParameterizedTest(name = "parallelism {0}")
    @ValueSource(ints = {1, 2, 4})
    void listStateKeepsTheKeysValuesInOrderAndCanBeReplaced(int parallelism) throws Exception {
        List<Tuple2<String, Long>> input = input(new Random(23));
        List<ListSnapshot> out = collectAll(keyed(parallelism, input).process(new AllValuesAndLastThree()));

        List<ListSnapshot> expected = new ArrayList<>();
        Map<String, List<Long>> all = new HashMap<>();
        for (Tuple2<String, Long> t : input) {
            List<Long> values = all.computeIfAbsent(t.f0, k -> new ArrayList<>());
            values.add(t.f1);
            expected.add(new ListSnapshot(t.f0, values.size(), orderedHash(values),
                    List.copyOf(values.subList(Math.max(0, values.size() - 3), values.size()))));
        }
        assertSameUpdatesPerKey(out, expected);
    }

    @ParameterizedTest(name = "parallelism {0}")
    @ValueSource(ints = {1, 2, 4})
    void mapStateCountsEachKeysValuesByBucketAndRemovesFullBuckets(int parallelism) throws Exception {
        List<Tuple2<String, Long>> input = input(new Random(24));
        List<Tuple2<String, Map<Long, Integer>>> out =
                collectAll(keyed(parallelism, input).flatMap(new BucketCounts()));

        List<Tuple2<String, Map<Long, Integer>>> expected = new ArrayList<>();
        Map<String, TreeMap<Long, Integer>> buckets = new HashMap<>();
        for (Tuple2<String, Long> t : input) {
            TreeMap<Long, Integer> counts = buckets.computeIfAbsent(t.f0, k -> new TreeMap<>());
            long bucket = Math.floorMod(t.f1, BucketCounts.BUCKETS);
            int count = counts.getOrDefault(bucket, 0) + 1;
            if (count == BucketCounts.FULL) {
                counts.remove(bucket);
            } else {
                counts.put(bucket, count);
            }
            expected.add(Tuple2.of(t.f0, new TreeMap<>(counts)));
        }
        assertSameUpdatesPerKey(out, expected);
    }

    @ParameterizedTest(name = "parallelism {0}")
    @ValueSource(ints = {1, 2, 4})
    void reducingStateKeepsTheMaximumPerKey(int parallelism) throws Exception {
        List<Tuple2<String, Long>> input = input(new Random(25));
        List<Tuple2<String, Long>> out = collectAll(keyed(parallelism, input).process(new RunningMaximum()));

        List<Tuple2<String, Long>> expected = new ArrayList<>();
        Map<String, Long> max = new HashMap<>();
        for (Tuple2<String, Long> t : input) {
            expected.add(Tuple2.of(t.f0, max.merge(t.f0, t.f1, Math::max)));
        }
        assertSameUpdatesPerKey(out, expected);
    }

    @ParameterizedTest(name = "parallelism {0}")
    @ValueSource(ints = {1, 2, 4})
    void aggregatingStateKeepsTheAveragePerKey(int parallelism) throws Exception {
        List<Tuple2<String, Long>> input = input(new Random(26));
        List<Tuple2<String, Double>> out = collectAll(keyed(parallelism, input).process(new RunningAverage()));

        List<Tuple2<String, Double>> expected = new ArrayList<>();
        Map<String, long[]> sumAndCount = new HashMap<>();
        for (Tuple2<String, Long> t : input) {
            long[] sc = sumAndCount.computeIfAbsent(t.f0, k -> new long[2]);
            sc[0] += t.f1;
            sc[1]++;
            expected.add(Tuple2.of(t.f0, (double) sc[0] / sc[1]));
        }
        assertSameUpdatesPerKey(out, expected);
    }

    @ParameterizedTest(name = "parallelism {0}")
    @ValueSource(ints = {1, 2, 4})
    void keysInTheSameKeyGroupNeverSeeEachOthersState(int parallelism) throws Exception {
        List<String> keys = keysInOneKeyGroup(16);
        Random random = new Random(27);
        List<Tuple2<String, Long>> input = new ArrayList<>();
        for (int i = 0; i < 5_000; i++) {
            input.add(Tuple2.of(keys.get(random.nextInt(keys.size())), (long) i));
        }
        StreamExecutionEnvironment env = environment(parallelism);
        env.setMaxParallelism(MAX_PARALLELISM);
        List<Tuple3<String, Integer, Integer>> out = collectAll(env.fromCollection(input)
                .keyBy(t -> t.f0)
                .flatMap(new ForeignStateDetector()));

        assertThat(out).hasSize(input.size());
        assertThat(out).as("records that saw another key's state").allSatisfy(r -> assertThat(r.f1).isZero());
        Map<String, Integer> expectedCounts = new TreeMap<>();
        input.forEach(t -> expectedCounts.merge(t.f0, 1, Integer::sum));
        Map<String, Integer> finalCounts = new TreeMap<>();
        PerKey.last(out, r -> r.f0).forEach((k, r) -> finalCounts.put(k, r.f2));
        assertThat(finalCounts).isEqualTo(expectedCounts);
    }

    @ParameterizedTest(name = "parallelism {0}")
    @ValueSource(ints = {1, 2, 4})
    void keyGroupsSpreadKeysOverAllSubtasksAndKeepEachKeyOnOne(int parallelism) throws Exception {
        int keys = 1_000;
        StreamExecutionEnvironment env = environment(parallelism);
        // A parallel source: each key's records come from several producers.
        List<Tuple2<String, Integer>> seen = collectAll(env.fromSequence(0, 20 * keys - 1)
                .map(i -> "key-" + i % keys)
                .keyBy(k -> k)
                .process(new KeyAndSubtask()));

        assertThat(seen).hasSize(20 * keys);
        Map<String, Set<Integer>> subtasksPerKey = new HashMap<>();
        for (Tuple2<String, Integer> s : seen) {
            subtasksPerKey.computeIfAbsent(s.f0, k -> new HashSet<>()).add(s.f1);
        }
        assertThat(subtasksPerKey).hasSize(keys);
        assertThat(subtasksPerKey).as("keys seen by more than one subtask")
                .allSatisfy((key, subtasks) -> assertThat(subtasks).hasSize(1));
        Map<Integer, Long> keysPerSubtask = subtasksPerKey.values().stream()
                .collect(Collectors.groupingBy(s -> s.iterator().next(), Collectors.counting()));
        assertThat(keysPerSubtask.keySet())
                .containsExactlyInAnyOrderElementsOf(IntStream.range(0, parallelism).boxed().toList());
        assertThat(keysPerSubtask.values()).allSatisfy(n -> assertThat(n).isGreaterThan(keys / (2L * parallelism)));
    }

    // ---------------------------------------------------------------------------- inputs and checks

    private static List<Tuple2<String, Long>> input(Random random) {
        SkewedKeys keys = new SkewedKeys(random, TAIL_KEYS);
        List<Tuple2<String, Long>> input = new ArrayList<>();
        for (int i = 0; i < N; i++) {
            input.add(Tuple2.of(keys.next(), (long) random.nextInt(1_000) - 500));
        }
        return input;
    }

    private static KeyedStream<Tuple2<String, Long>, String> keyed(int parallelism, List<Tuple2<String, Long>> input) {
        return environment(parallelism).fromCollection(input).keyBy(t -> t.f0);
    }

    /** Per key (field 0 of each tuple, or the record's key), the job emitted exactly the expected updates in order. */
    private static <T> void assertSameUpdatesPerKey(List<T> out, List<T> expected) {
        assertThat(out).hasSize(expected.size());
        assertThat(PerKey.group(out, KeyedStateITCase::keyOf)).isEqualTo(PerKey.group(expected, KeyedStateITCase::keyOf));
    }

    private static Object keyOf(Object record) {
        return record instanceof ListSnapshot s ? s.key() : ((io.weir.api.tuple.Tuple) record).getField(0);
    }

    static long orderedHash(Iterable<Long> values) {
        long h = 17;
        for (long v : values) {
            h = h * 31 + v;
        }
        return h;
    }

    /** {@code count} distinct string keys that all fall into the same key group. */
    private static List<String> keysInOneKeyGroup(int count) {
        int target = KeyGroups.keyGroupOf("same-group-0", MAX_PARALLELISM);
        List<String> keys = new ArrayList<>();
        for (int i = 0; keys.size() < count; i++) {
            String candidate = "same-group-" + i;
            if (KeyGroups.keyGroupOf(candidate, MAX_PARALLELISM) == target) {
                keys.add(candidate);
            }
        }
        return keys;
    }

    // ---------------------------------------------------------------------------- functions

    static final class FirstOfEachKey extends RichFilterFunction<Tuple2<String, Long>> {
        private transient ValueState<Boolean> seen;

        @Override
        public void open(OpenContext openContext) {
            seen = getRuntimeContext().getState(new ValueStateDescriptor<>("seen", Boolean.class, false));
        }

        @Override
        public boolean filter(Tuple2<String, Long> t) throws Exception {
            if (seen.value()) {
                return false;
            }
            seen.update(true);
            return true;
        }
    }

    static final class NewKeysToSideOutput
            extends KeyedProcessFunction<String, Tuple2<String, Long>, Tuple2<String, Long>> {
        private transient ValueState<Boolean> seen;

        @Override
        public void open(OpenContext openContext) {
            seen = getRuntimeContext().getState(new ValueStateDescriptor<>("seen", Boolean.class));
        }

        @Override
        public void processElement(Tuple2<String, Long> t, Context ctx, Collector<Tuple2<String, Long>> out)
                throws Exception {
            if (seen.value() == null) {
                seen.update(true);
                ctx.output(NEW_KEYS, t);
            } else {
                out.collect(t);
            }
        }
    }

    /** What list state held after a record: its size, a hash of all values in order, the last three. */
    record ListSnapshot(String key, int size, long orderedHash, List<Long> lastThree) {
    }

    /** Two value states in a keyed map: a count with a default of 0 and a sum without a default. */
    static final class CountAndSum extends RichMapFunction<Tuple2<String, Long>, Tuple3<String, Long, Long>> {
        private transient ValueState<Long> count;
        private transient ValueState<Long> sum;

        @Override
        public void open(OpenContext openContext) {
            count = getRuntimeContext().getState(new ValueStateDescriptor<>("count", Long.class, 0L));
            sum = getRuntimeContext().getState(new ValueStateDescriptor<>("sum", Long.class));
        }

        @Override
        public Tuple3<String, Long, Long> map(Tuple2<String, Long> t) throws Exception {
            long c = count.value() + 1;
            Long s = sum.value();
            long newSum = (s == null ? 0 : s) + t.f1;
            count.update(c);
            sum.update(newSum);
            return Tuple3.of(t.f0, c, newSum);
        }
    }

    /** Emits the total of every five values of a key, then clears that key's state. */
    static final class TotalOfEveryFive extends RichFlatMapFunction<Tuple2<String, Long>, Tuple2<String, Long>> {
        static final int BATCH = 5;
        private transient ValueState<Integer> count;
        private transient ValueState<Long> total;

        @Override
        public void open(OpenContext openContext) {
            count = getRuntimeContext().getState(new ValueStateDescriptor<>("count", Integer.class, 0));
            total = getRuntimeContext().getState(new ValueStateDescriptor<>("total", Long.class, 0L));
        }

        @Override
        public void flatMap(Tuple2<String, Long> t, Collector<Tuple2<String, Long>> out) throws Exception {
            int c = count.value() + 1;
            long sum = total.value() + t.f1;
            if (c == BATCH) {
                out.collect(Tuple2.of(t.f0, sum));
                count.clear();
                total.clear();
            } else {
                count.update(c);
                total.update(sum);
            }
        }
    }

    /** One list state appended to, another replaced with the last three values. */
    static final class AllValuesAndLastThree extends KeyedProcessFunction<String, Tuple2<String, Long>, ListSnapshot> {
        private transient ListState<Long> all;
        private transient ListState<Long> lastThree;

        @Override
        public void open(OpenContext openContext) {
            all = getRuntimeContext().getListState(new ListStateDescriptor<>("all", Long.class));
            lastThree = getRuntimeContext().getListState(new ListStateDescriptor<>("last-three", Long.class));
        }

        @Override
        public void processElement(Tuple2<String, Long> t, Context ctx, Collector<ListSnapshot> out) throws Exception {
            if (!ctx.getCurrentKey().equals(t.f0)) {
                throw new IllegalStateException("Current key " + ctx.getCurrentKey() + " for a record of " + t.f0);
            }
            all.add(t.f1);
            int size = 0;
            for (Long ignored : all.get()) {
                size++;
            }
            List<Long> recent = new ArrayList<>();
            lastThree.get().forEach(recent::add);
            recent.add(t.f1);
            if (recent.size() > 3) {
                recent.remove(0);
            }
            lastThree.update(recent);
            List<Long> stored = new ArrayList<>();
            lastThree.get().forEach(stored::add);
            out.collect(new ListSnapshot(t.f0, size, orderedHash(all.get()), List.copyOf(stored)));
        }
    }

    /** Counts a key's values per bucket (value mod 5) in map state; a bucket that reaches 7 is removed. */
    static final class BucketCounts
            extends RichFlatMapFunction<Tuple2<String, Long>, Tuple2<String, Map<Long, Integer>>> {
        static final int BUCKETS = 5;
        static final int FULL = 7;
        private transient MapState<Long, Integer> counts;

        @Override
        public void open(OpenContext openContext) {
            counts = getRuntimeContext().getMapState(new MapStateDescriptor<>("buckets", Long.class, Integer.class));
        }

        @Override
        public void flatMap(Tuple2<String, Long> t, Collector<Tuple2<String, Map<Long, Integer>>> out)
                throws Exception {
            long bucket = Math.floorMod(t.f1, BUCKETS);
            int count = counts.contains(bucket) ? counts.get(bucket) + 1 : 1;
            if (count == FULL) {
                counts.remove(bucket);
            } else {
                counts.put(bucket, count);
            }
            TreeMap<Long, Integer> snapshot = new TreeMap<>();
            for (Map.Entry<Long, Integer> e : counts.entries()) {
                snapshot.put(e.getKey(), e.getValue());
            }
            out.collect(Tuple2.of(t.f0, snapshot));
        }
    }

    static final class RunningMaximum extends KeyedProcessFunction<String, Tuple2<String, Long>, Tuple2<String, Long>> {
        private transient ReducingState<Long> max;

        @Override
        public void open(OpenContext openContext) {
            max = getRuntimeContext().getReducingState(new ReducingStateDescriptor<>("max", Math::max, Long.class));
        }

        @Override
        public void processElement(Tuple2<String, Long> t, Context ctx, Collector<Tuple2<String, Long>> out)
                throws Exception {
            max.add(t.f1);
            out.collect(Tuple2.of(ctx.getCurrentKey(), max.get()));
        }
    }

    /** Average through an accumulator of (sum, count). */
    static final class Average implements AggregateFunction<Long, Tuple2<Long, Long>, Double> {
        @Override
        public Tuple2<Long, Long> createAccumulator() {
            return Tuple2.of(0L, 0L);
        }

        @Override
        public Tuple2<Long, Long> add(Long value, Tuple2<Long, Long> acc) {
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

    static final class RunningAverage
            extends KeyedProcessFunction<String, Tuple2<String, Long>, Tuple2<String, Double>> {
        private transient AggregatingState<Long, Double> average;

        @Override
        @SuppressWarnings({"unchecked", "rawtypes"})
        public void open(OpenContext openContext) {
            average = getRuntimeContext().getAggregatingState(
                    new AggregatingStateDescriptor<>("average", new Average(), (Class) Tuple2.class));
        }

        @Override
        public void processElement(Tuple2<String, Long> t, Context ctx, Collector<Tuple2<String, Double>> out)
                throws Exception {
            average.add(t.f1);
            out.collect(Tuple2.of(t.f0, average.get()));
        }
    }

    /**
     * Stores each record's key in value, list and map state, and reports how many stored entries belong to
     * a different key than the current one: (key, foreign entries, records of this key so far).
     */
    static final class ForeignStateDetector
            extends RichFlatMapFunction<Tuple2<String, Long>, Tuple3<String, Integer, Integer>> {
        private transient ValueState<String> lastKey;
        private transient ListState<String> keys;
        private transient MapState<String, Integer> countByKey;

        @Override
        public void open(OpenContext openContext) {
            lastKey = getRuntimeContext().getState(new ValueStateDescriptor<>("last-key", String.class));
            keys = getRuntimeContext().getListState(new ListStateDescriptor<>("keys", String.class));
            countByKey = getRuntimeContext().getMapState(
                    new MapStateDescriptor<>("count-by-key", String.class, Integer.class));
        }

        @Override
        public void flatMap(Tuple2<String, Long> t, Collector<Tuple3<String, Integer, Integer>> out) throws Exception {
            int foreign = 0;
            String previous = lastKey.value();
            if (previous != null && !previous.equals(t.f0)) {
                foreign++;
            }
            for (String k : keys.get()) {
                if (!k.equals(t.f0)) {
                    foreign++;
                }
            }
            for (String k : countByKey.keys()) {
                if (!k.equals(t.f0)) {
                    foreign++;
                }
            }
            lastKey.update(t.f0);
            keys.add(t.f0);
            Integer c = countByKey.get(t.f0);
            int count = c == null ? 1 : c + 1;
            countByKey.put(t.f0, count);
            out.collect(Tuple3.of(t.f0, foreign, count));
        }
    }

    static final class KeyAndSubtask extends KeyedProcessFunction<String, String, Tuple2<String, Integer>> {
        @Override
        public void processElement(String key, Context ctx, Collector<Tuple2<String, Integer>> out) {
            out.collect(Tuple2.of(ctx.getCurrentKey(), getRuntimeContext().getIndexOfThisSubtask()));
        }
    }
}
