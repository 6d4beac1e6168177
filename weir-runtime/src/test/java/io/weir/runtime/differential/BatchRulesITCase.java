package io.weir.runtime.differential;

import io.weir.api.common.RuntimeExecutionMode;
import io.weir.api.datastream.DataStream;
import io.weir.api.environment.StreamExecutionEnvironment;
import io.weir.api.functions.CoProcessFunction;
import io.weir.api.functions.Collector;
import io.weir.api.functions.KeyedCoProcessFunction;
import io.weir.api.functions.KeyedProcessFunction;
import io.weir.api.functions.OpenContext;
import io.weir.api.state.ListState;
import io.weir.api.state.ListStateDescriptor;
import io.weir.api.state.MapState;
import io.weir.api.state.MapStateDescriptor;
import io.weir.api.state.ValueState;
import io.weir.api.state.ValueStateDescriptor;
import io.weir.api.tuple.Tuple2;
import io.weir.api.tuple.Tuple3;
import io.weir.api.tuple.Tuple4;
import io.weir.api.tuple.Tuple5;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import static io.weir.runtime.differential.DifferentialHarness.runInBothModes;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The BATCH-only rules of DESIGN.md section 1, each next to what STREAMING does instead: the number of
 * records a rolling aggregation emits, key-by-key processing of several keyed inputs, single-key state,
 * broadcast inputs read first, a multi-stage job on one slot, what a stage after a rolling aggregation sees,
 * and AUTOMATIC choosing BATCH. Failure recovery is in {@link FailureRecoveryITCase}.
 */
@Timeout(120)
class BatchRulesITCase {

    static Stream<Arguments> aggregationsAndParallelisms() {
        List<Arguments> args = new ArrayList<>();
        for (Aggregation aggregation : Aggregation.values()) {
            for (int p : new int[]{1, 2, 4}) {
                args.add(Arguments.of(aggregation, p));
            }
        }
        return args.stream();
    }

    /** Rolling operations: STREAMING emits an update per record, BATCH one final record per key (with combiners). */
    @ParameterizedTest(name = "{0}, parallelism {1}")
    @MethodSource("aggregationsAndParallelisms")
    void rollingAggregationEmitsOneRecordPerKeyInBatchAndOnePerRecordInStreaming(Aggregation aggregation,
                                                                                  int parallelism) {
        InputSpec input = InputSpec.skewed(501, 30_000, 3_000);
        Set<Integer> keys = new HashSet<>();
        input.forEach((k, v) -> keys.add(k));
        ModeOutputs<Tuple3<Integer, Integer, String>> out = runInBothModes(aggregation + " over " + input,
                parallelism, Settings.tinyMemory(), env -> aggregation.applyByPosition(input.source(env)
                        .map(t -> aggregation.tuple3(t.f0, t.f1))
                        .keyBy(t -> t.f0)));
        assertThat(out.streaming()).as(out.context() + ": STREAMING emits one update per input record")
                .hasSize(input.records());
        assertThat(out.batch()).as(out.context() + ": BATCH emits one final record per key").hasSize(keys.size());
        out.assertSameFinalValues(t -> t.f0);
    }

    /**
     * Two keyed inputs, each read at parallelism 1 and cycling through {@code KEYS} keys {@code ROUNDS} times.
     * BATCH processes key by key across both inputs: on every subtask, each key's 2 x ROUNDS records form one
     * contiguous run, each input's records in their order. STREAMING processes records as they come, so a
     * subtask with several keys sees each of them many times over.
     */
    @ParameterizedTest(name = "parallelism {0}")
    @ValueSource(ints = {1, 2, 4})
    void keyedCoProcessSeesEachKeyAsOneRunInBatchButInterleavedInStreaming(int parallelism) {
        int keys = 50;
        int rounds = 40;
        ModeOutputs<Tuple5<Integer, Integer, Integer, Integer, Integer>> out = runInBothModes(
                "key sequence of a KeyedCoProcessFunction over two inputs of " + keys + " keys x " + rounds
                        + " rounds", parallelism, env -> {
                    DataStream<Tuple2<Integer, Integer>> first = cycle(env, keys, rounds, 0);
                    DataStream<Tuple2<Integer, Integer>> second = cycle(env, keys, rounds, 17);
                    return first.keyBy(t -> t.f0).connect(second.keyBy(t -> t.f0)).process(new RecordKeySequence());
                });
        Map<Integer, List<Tuple5<Integer, Integer, Integer, Integer, Integer>>> batchBySubtask = bySubtask(out.batch());
        for (List<Tuple5<Integer, Integer, Integer, Integer, Integer>> seen : batchBySubtask.values()) {
            List<List<Tuple5<Integer, Integer, Integer, Integer, Integer>>> runs = runsOfEqualKeys(seen);
            assertThat(runs.stream().map(r -> r.get(0).f2).distinct().count())
                    .as(out.context() + ": BATCH sees each key in one contiguous run; runs of keys: " + keysOf(runs))
                    .isEqualTo(runs.size());
            for (List<Tuple5<Integer, Integer, Integer, Integer, Integer>> run : runs) {
                assertThat(run).as(out.context() + ": BATCH run of key " + run.get(0).f2).hasSize(2 * rounds);
                for (int input = 1; input <= 2; input++) {
                    int in = input;
                    List<Integer> positions = run.stream().filter(r -> r.f3 == in).map(r -> r.f4).toList();
                    assertThat(positions).as(out.context() + ": input " + in + " of key " + run.get(0).f2)
                            .hasSize(rounds).isSorted();
                }
            }
        }
        int streamingRuns = 0;
        for (List<Tuple5<Integer, Integer, Integer, Integer, Integer>> seen : bySubtask(out.streaming()).values()) {
            streamingRuns += runsOfEqualKeys(seen).size();
        }
        assertThat(streamingRuns).as(out.context() + ": STREAMING interleaves keys (runs over all subtasks)")
                .isGreaterThanOrEqualTo(keys * rounds);
        List<Tuple2<Integer, Integer>> streamingRecords = out.streaming().stream().map(r -> Tuple2.of(r.f2, r.f3)).toList();
        List<Tuple2<Integer, Integer>> batchRecords = out.batch().stream().map(r -> Tuple2.of(r.f2, r.f3)).toList();
        assertThat(Differences.ofMultisets("STREAMING", streamingRecords, "BATCH", batchRecords))
                .as(out.context() + ": both modes process the same (key, input) records").isNull();
        assertThat(batchRecords).hasSize(2 * keys * rounds);
    }

    /**
     * Single-key state: value, list and map state, checked on every record to hold nothing but the current key's
     * entries; the count per key must be the key's number of records. Sorted input spills, so key boundaries
     * also fall between merged runs.
     */
    @ParameterizedTest(name = "parallelism {0}")
    @ValueSource(ints = {1, 2, 4})
    void keyedStateHoldsOnlyTheCurrentKeysState(int parallelism) {
        InputSpec input = InputSpec.skewed(503, 60_000, 10_000);
        Map<Integer, Tuple3<Integer, Integer, String>> expected = new HashMap<>();
        input.forEach((k, v) -> expected.merge(k, Tuple3.of(k, 1, "clean"), (a, b) -> Tuple3.of(k, a.f1 + 1, "clean")));
        ModeOutputs<Tuple3<Integer, Integer, String>> out = runInBothModes("state isolation over " + input,
                parallelism, Settings.tinyMemory(), env -> input.source(env).keyBy(t -> t.f0).process(new StateAudit()));
        out.assertFinalValuesEqual(expected, out.assertSameLastValues(t -> t.f0));
    }

    /**
     * {@code execution.slots = 1} (BATCH only; STREAMING needs a slot per subtask): a job of four stages with
     * up to four subtasks each still completes, one subtask at a time, with the results of STREAMING.
     */
    @ParameterizedTest(name = "parallelism {0}")
    @ValueSource(ints = {1, 2, 4})
    void oneSlotCompletesAMultiStageBatchJob(int parallelism) {
        InputSpec input = InputSpec.skewed(504, 50_000, 8_000);
        Map<Integer, Integer> countPerWord = new HashMap<>();
        input.forEach((k, v) -> countPerWord.merge(k, 1, Integer::sum));
        Map<Integer, Tuple2<Integer, Long>> expected = new HashMap<>();
        countPerWord.forEach((word, count) -> {
            for (int c = 1; c <= count; c++) {
                expected.put(c % 7, Tuple2.of(c % 7, 0L));
            }
        });
        countPerWord.values().forEach(c -> expected.merge(c % 7, Tuple2.of(c % 7, 1L),
                (a, b) -> Tuple2.of(a.f0, a.f1 + b.f1)));
        Settings settings = Settings.tinyMemory().withBatchOnly("execution.slots", "1");
        ModeOutputs<Tuple2<Integer, Long>> out = runInBothModes("word count, count of counts and buckets over "
                + input, parallelism, settings, env -> input.source(env)
                .map(t -> "w" + t.f0)
                .keyBy(word -> word)
                .process(new MultiStageJobsITCase.CountChanges())
                .map(t -> Tuple2.of(t.f0 % 7, (long) t.f1))
                .rebalance()
                .map(t -> t)
                .keyBy(t -> t.f0)
                .sum(1));
        out.assertFinalValuesEqual(expected, out.assertSameFinalValues(t -> t.f0));
    }

    /**
     * An operator with a broadcast input and a regular one: BATCH reads the broadcast input completely first,
     * even when it is the second input, so every regular record sees every rule. STREAMING reads both as they
     * come: both modes see the same records, but only BATCH guarantees which rules a record saw.
     */
    @ParameterizedTest(name = "parallelism {0}")
    @ValueSource(ints = {1, 2, 4})
    void broadcastInputIsReadCompletelyBeforeTheRegularInputInBatch(int parallelism) {
        InputSpec input = InputSpec.uniform(505, 20_000, 1_000);
        int rules = 200;
        ModeOutputs<Tuple4<Integer, Integer, String, Integer>> out = runInBothModes(
                "regular input " + input + " with " + rules + " broadcast rules", parallelism, env -> {
                    DataStream<Integer> ruleStream = env.fromSequence(0, rules - 1).map(i -> (int) (i * 3));
                    return input.source(env).map(t -> t.f1).connect(ruleStream.broadcast()).process(new ApplyRules());
                });
        Map<Integer, List<Tuple4<Integer, Integer, String, Integer>>> batchBySubtask = bySubtask4(out.batch());
        for (List<Tuple4<Integer, Integer, String, Integer>> seen : batchBySubtask.values()) {
            int lastRule = seen.stream().filter(r -> r.f2.equals("rule")).mapToInt(r -> r.f1).max().orElse(-1);
            int firstRecord = seen.stream().filter(r -> !r.f2.equals("rule")).mapToInt(r -> r.f1).min()
                    .orElse(Integer.MAX_VALUE);
            assertThat(lastRule).as(out.context() + ": BATCH processes all rules before the first regular record")
                    .isLessThan(firstRecord);
        }
        List<String> expectedBatch = new ArrayList<>();
        for (int s = 0; s < parallelism; s++) {
            for (int r = 0; r < rules; r++) {
                expectedBatch.add("rule " + r * 3);
            }
        }
        input.forEach((k, v) -> expectedBatch.add((v % 3 == 0 && v < rules * 3 ? "hit " : "miss ") + v));
        List<String> batchRecords = out.batch().stream().map(r -> r.f2 + " " + r.f3).toList();
        assertThat(Differences.ofMultisets("expected", expectedBatch, "BATCH", batchRecords)).as(out.context()).isNull();
        List<String> streamingKinds = out.streaming().stream().map(r -> r.f2.equals("rule") ? r.f2 + " " + r.f3 : "record " + r.f3).toList();
        List<String> batchKinds = out.batch().stream().map(r -> r.f2.equals("rule") ? r.f2 + " " + r.f3 : "record " + r.f3).toList();
        assertThat(Differences.ofMultisets("STREAMING", streamingKinds, "BATCH", batchKinds))
                .as(out.context() + ": both modes process the same rules and records").isNull();
    }

    /**
     * A stage after a rolling aggregation sees every update in STREAMING but only final values in BATCH: a naive
     * count of counts (sum per word, then count per sum) counts, for c, the words whose count reached c in
     * STREAMING and the words whose count is c in BATCH. Both are checked against the input, to document why the
     * other jobs of this suite send retractions or aggregate idempotently.
     */
    @ParameterizedTest(name = "parallelism {0}")
    @ValueSource(ints = {1, 2, 4})
    void aStageAfterARollingAggregationSeesEveryUpdateInStreamingButOnlyFinalValuesInBatch(int parallelism) {
        InputSpec input = InputSpec.skewed(506, 20_000, 3_000);
        Map<Integer, Integer> countPerWord = new HashMap<>();
        input.forEach((k, v) -> countPerWord.merge(k, 1, Integer::sum));
        Map<Integer, Tuple2<Integer, Integer>> exactly = new HashMap<>();
        Map<Integer, Tuple2<Integer, Integer>> atLeast = new HashMap<>();
        countPerWord.values().forEach(count -> {
            exactly.merge(count, Tuple2.of(count, 1), (a, b) -> Tuple2.of(a.f0, a.f1 + 1));
            for (int c = 1; c <= count; c++) {
                atLeast.merge(c, Tuple2.of(c, 1), (a, b) -> Tuple2.of(a.f0, a.f1 + 1));
            }
        });
        String context = "naive count of counts over " + input + " [parallelism " + parallelism + "]";
        DifferentialHarness.Job<Tuple2<Integer, Integer>> job = env -> input.source(env)
                .map(t -> Tuple2.of("w" + t.f0, 1))
                .keyBy(t -> t.f0)
                .sum(1)
                .map(t -> Tuple2.of(t.f1, 1))
                .keyBy(t -> t.f0)
                .sum(1);
        Map<Integer, Tuple2<Integer, Integer>> streaming = lastPerKey(DifferentialHarness.run(
                RuntimeExecutionMode.STREAMING, parallelism, Settings.defaults().forStreaming(), context, job));
        Map<Integer, Tuple2<Integer, Integer>> batch = lastPerKey(DifferentialHarness.run(
                RuntimeExecutionMode.BATCH, parallelism, Settings.defaults().forBatch(), context, job));
        assertThat(Differences.ofMaps("words that reached each count", atLeast, "STREAMING", streaming))
                .as(context).isNull();
        assertThat(Differences.ofMaps("words with each count", exactly, "BATCH", batch)).as(context).isNull();
    }

    /** AUTOMATIC runs a job whose sources are all bounded as BATCH: one final record per key. */
    @ParameterizedTest(name = "parallelism {0}")
    @ValueSource(ints = {1, 2, 4})
    void automaticModeRunsBoundedJobsAsBatch(int parallelism) {
        InputSpec input = InputSpec.skewed(509, 20_000, 2_000);
        Map<Integer, Tuple2<Integer, Integer>> expected = Aggregation.SUM.expectedPairs(input);
        List<Tuple2<Integer, Integer>> out = DifferentialHarness.run(RuntimeExecutionMode.AUTOMATIC, parallelism,
                Settings.defaults().forBatch(), "sum over " + input, env -> input.source(env).keyBy(t -> t.f0).sum(1));
        assertThat(out).as("AUTOMATIC over " + input + " [parallelism " + parallelism + "]")
                .hasSize(expected.size())
                .containsExactlyInAnyOrderElementsOf(expected.values());
    }

    // ------------------------------------------------------------------------------------------ helpers

    /** (key, position) for position 0..keys x rounds - 1, key = (position + offset) mod keys, in order. */
    private static DataStream<Tuple2<Integer, Integer>> cycle(StreamExecutionEnvironment env, int keys, int rounds,
                                                               int offset) {
        return env.fromSequence(0, (long) keys * rounds - 1).setParallelism(1)
                .map(i -> Tuple2.of((int) ((i + offset) % keys), (int) (long) i)).setParallelism(1);
    }

    /** Records (subtask, sequence number, key, input, position) grouped by subtask, in sequence order. */
    private static Map<Integer, List<Tuple5<Integer, Integer, Integer, Integer, Integer>>> bySubtask(
            List<Tuple5<Integer, Integer, Integer, Integer, Integer>> records) {
        Map<Integer, List<Tuple5<Integer, Integer, Integer, Integer, Integer>>> grouped = new TreeMap<>();
        for (Tuple5<Integer, Integer, Integer, Integer, Integer> r : records) {
            grouped.computeIfAbsent(r.f0, s -> new ArrayList<>()).add(r);
        }
        grouped.values().forEach(l -> l.sort(Comparator.comparing(r -> r.f1)));
        return grouped;
    }

    private static Map<Integer, List<Tuple4<Integer, Integer, String, Integer>>> bySubtask4(
            List<Tuple4<Integer, Integer, String, Integer>> records) {
        return records.stream().collect(Collectors.groupingBy(r -> r.f0));
    }

    /** Splits a subtask's records into maximal runs of the same key. */
    private static List<List<Tuple5<Integer, Integer, Integer, Integer, Integer>>> runsOfEqualKeys(
            List<Tuple5<Integer, Integer, Integer, Integer, Integer>> seen) {
        List<List<Tuple5<Integer, Integer, Integer, Integer, Integer>>> runs = new ArrayList<>();
        for (Tuple5<Integer, Integer, Integer, Integer, Integer> r : seen) {
            if (runs.isEmpty() || !runs.get(runs.size() - 1).get(0).f2.equals(r.f2)) {
                runs.add(new ArrayList<>());
            }
            runs.get(runs.size() - 1).add(r);
        }
        return runs;
    }

    private static List<Integer> keysOf(List<List<Tuple5<Integer, Integer, Integer, Integer, Integer>>> runs) {
        return runs.stream().map(r -> r.get(0).f2).toList();
    }

    private static <V> Map<Integer, Tuple2<Integer, V>> lastPerKey(List<Tuple2<Integer, V>> records) {
        Map<Integer, Tuple2<Integer, V>> last = new HashMap<>();
        records.forEach(r -> last.put(r.f0, r));
        return last;
    }

    // ------------------------------------------------------------------------------------------ functions

    /** Emits (subtask, sequence number on this subtask, key, input 1 or 2, position in its input) per record. */
    private static final class RecordKeySequence extends KeyedCoProcessFunction<Integer, Tuple2<Integer, Integer>,
            Tuple2<Integer, Integer>, Tuple5<Integer, Integer, Integer, Integer, Integer>> {
        private int sequence;

        @Override
        public void processElement1(Tuple2<Integer, Integer> value, Context ctx,
                                    Collector<Tuple5<Integer, Integer, Integer, Integer, Integer>> out) {
            out.collect(Tuple5.of(getRuntimeContext().getIndexOfThisSubtask(), sequence++, ctx.getCurrentKey(), 1,
                    value.f1));
        }

        @Override
        public void processElement2(Tuple2<Integer, Integer> value, Context ctx,
                                    Collector<Tuple5<Integer, Integer, Integer, Integer, Integer>> out) {
            out.collect(Tuple5.of(getRuntimeContext().getIndexOfThisSubtask(), sequence++, ctx.getCurrentKey(), 2,
                    value.f1));
        }
    }

    /**
     * Checks on every record that its state holds only the current key: the key stored in value state when the
     * key was first seen, every list element, every map key. Emits (key, count, "clean" or what leaked).
     */
    private static final class StateAudit
            extends KeyedProcessFunction<Integer, Tuple2<Integer, Integer>, Tuple3<Integer, Integer, String>> {
        private transient ValueState<Integer> owner;
        private transient ValueState<Integer> count;
        private transient ListState<Integer> keysInList;
        private transient MapState<Integer, Integer> countsByKey;
        private String leak = "clean";

        @Override
        public void open(OpenContext openContext) {
            owner = getRuntimeContext().getState(new ValueStateDescriptor<>("owner", Integer.class));
            count = getRuntimeContext().getState(new ValueStateDescriptor<>("count", Integer.class, 0));
            keysInList = getRuntimeContext().getListState(new ListStateDescriptor<>("keys", Integer.class));
            countsByKey = getRuntimeContext().getMapState(new MapStateDescriptor<>("counts", Integer.class, Integer.class));
        }

        @Override
        public void processElement(Tuple2<Integer, Integer> value, Context ctx,
                                   Collector<Tuple3<Integer, Integer, String>> out) throws Exception {
            int key = ctx.getCurrentKey();
            if (owner.value() != null && owner.value() != key) {
                leak = "value state of key " + owner.value() + " seen by key " + key;
            }
            owner.update(key);
            int n = count.value() + 1;
            count.update(n);
            // Only the key's last 3 entries are kept, so that the list stays small for the hot key.
            List<Integer> kept = new ArrayList<>();
            for (Integer k : keysInList.get()) {
                if (k != key) {
                    leak = "list state of key " + k + " seen by key " + key;
                }
                kept.add(k);
            }
            kept.add(key);
            keysInList.update(kept.subList(Math.max(0, kept.size() - 3), kept.size()));
            for (Integer k : countsByKey.keys()) {
                if (k != key) {
                    leak = "map state of key " + k + " seen by key " + key;
                }
            }
            countsByKey.put(key, n);
            out.collect(Tuple3.of(key, n, leak));
        }
    }

    /** Regular input: "hit" or "miss" by whether the rules seen so far contain the value; rules are kept. */
    private static final class ApplyRules
            extends CoProcessFunction<Integer, Integer, Tuple4<Integer, Integer, String, Integer>> {
        private final Set<Integer> rules = new HashSet<>();
        private int sequence;

        @Override
        public void processElement1(Integer value, Context ctx, Collector<Tuple4<Integer, Integer, String, Integer>> out) {
            out.collect(Tuple4.of(getRuntimeContext().getIndexOfThisSubtask(), sequence++,
                    rules.contains(value) ? "hit" : "miss", value));
        }

        @Override
        public void processElement2(Integer rule, Context ctx, Collector<Tuple4<Integer, Integer, String, Integer>> out) {
            rules.add(rule);
            out.collect(Tuple4.of(getRuntimeContext().getIndexOfThisSubtask(), sequence++, "rule", rule));
        }
    }
}
