package io.weir.runtime.operators.window;

import io.weir.api.dag.Operation;
import io.weir.api.datastream.DataStream;
import io.weir.api.functions.KeySelector;
import io.weir.api.tuple.Tuple2;
import io.weir.api.windowing.assigners.EventTimeSessionWindows;
import io.weir.api.windowing.assigners.SlidingEventTimeWindows;
import io.weir.api.windowing.assigners.TumblingEventTimeWindows;
import io.weir.api.windowing.assigners.TumblingProcessingTimeWindows;
import io.weir.api.windowing.evictors.CountEvictor;
import io.weir.api.windowing.triggers.CountTrigger;
import io.weir.runtime.operators.PartialOrRecordKey;
import io.weir.runtime.serialization.KeyedValue;
import io.weir.runtime.testing.OperatorHarness;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import static io.weir.runtime.operators.window.Windows.keyed;
import static io.weir.runtime.operators.window.Windows.t;
import static org.assertj.core.api.Assertions.assertThat;

/** BATCH's producer-side pre-aggregation of reducing time windows, and which windows may use it. */
class WindowCombineOperatorTest {
    private static final KeySelector<Tuple2<String, Integer>, String> KEY = Windows.KEY;

    private static Operation.Window tumblingSum() {
        return Windows.operation(keyed().window(TumblingEventTimeWindows.of(Duration.ofMillis(10))).sum(1));
    }

    private static OperatorHarness<Object> combiner(Operation.Window window, int maxEntries)
            throws Exception {
        return OperatorHarness.streaming(new WindowCombineOperator<>(window, KEY, maxEntries), 0L);
    }

    /** "key value @ window max timestamp" per partial, "raw record @timestamp" per record let pass. */
    private static List<String> partials(OperatorHarness<Object> h) {
        List<String> out = new ArrayList<>();
        for (OperatorHarness.Emitted e : h.emitted()) {
            if (e.isWatermark()) {
                continue;
            }
            if (e.value() instanceof KeyedValue p) {
                out.add(p.key() + " " + p.value() + " @" + e.timestamp());
            } else {
                out.add("raw " + e.value() + " @" + e.timestamp());
            }
        }
        return out;
    }

    /**
     * Records of one key and window until the combiner's probe has seen keys repeat: it then combines. They
     * passed uncombined; they are cleared from the output.
     */
    private static void probeWithRepeats(OperatorHarness<Object> h, int maxEntries)
            throws Exception {
        for (int i = 0; i < Math.min(2 * maxEntries, 64); i++) {
            h.processElement(t("warm-up", 1), 1_000_000);
        }
        assertThat(partials(h)).hasSize(Math.min(2 * maxEntries, 64));
        h.clearEmitted();
    }

    @Test
    void whileItProbesWhetherKeysRepeatRecordsPassEachAsItsOwnPartial() throws Exception {
        OperatorHarness<Object> h = combiner(tumblingSum(), 100);
        h.processElement(t("a", 1), 3);
        h.processElement(t("b", 2), 4);
        h.processElement(t("a", 4), 14);
        assertThat(partials(h)).containsExactly("raw (a,1) @3", "raw (b,2) @4", "raw (a,4) @14");
    }

    @Test
    void reducesEachKeysRecordsWithTheSameTimestampAndEmitsThemAtThatTimestamp() throws Exception {
        OperatorHarness<Object> h = combiner(tumblingSum(), 100);
        probeWithRepeats(h, 100);
        h.processElement(t("a", 1), 3);
        h.processElement(t("b", 2), 4);
        h.processElement(t("a", 4), 3);
        assertThat(h.emitted()).isEmpty();
        h.processElement(t("a", 8), 5);     // same window, another time: a's partial goes on, uncombined with it
        assertThat(partials(h)).containsExactly("a (a,5) @3");
        h.endInput();
        assertThat(partials(h)).containsExactly("a (a,5) @3", "b (b,2) @4", "a (a,8) @5");
    }

    @Test
    void slidingWindowsGetOnePartialPerTimestamp() throws Exception {
        OperatorHarness<Object> h = combiner(Windows.operation(keyed()
                .window(SlidingEventTimeWindows.of(Duration.ofMillis(10), Duration.ofMillis(5))).sum(1)), 100);
        probeWithRepeats(h, 100);
        h.processElement(t("a", 1), 7);
        h.processElement(t("a", 2), 7);
        h.endInput();
        assertThat(partials(h)).containsExactly("a (a,3) @7");
    }

    @Test
    void aFlushThatDidNotHalveTheRecordsLetsRecordsPassInOrderThenProbesAgain() throws Exception {
        OperatorHarness<Object> h = combiner(tumblingSum(), 2);
        probeWithRepeats(h, 2);
        h.processElement(t("a", 1), 1);
        h.processElement(t("b", 2), 1);
        h.processElement(t("c", 4), 1);     // full: a and b go on, combining reduced nothing, c passes too
        assertThat(partials(h)).containsExactly("a (a,1) @1", "b (b,2) @1", "raw (c,4) @1");
        h.clearEmitted();
        for (int i = 0; i < 8; i++) {       // 4 rounds of 2 entries pass one by one
            h.processElement(t("c", 1), 1);
        }
        assertThat(partials(h)).hasSize(8).containsOnly("raw (c,1) @1");
        h.clearEmitted();
        for (int i = 0; i < 4; i++) {       // probing: 4 records, one key: combining pays
            h.processElement(t("c", 2), 1);
        }
        assertThat(partials(h)).hasSize(4).containsOnly("raw (c,2) @1");
        h.processElement(t("c", 16), 1);
        h.processElement(t("c", 32), 1);
        h.endInput();
        assertThat(partials(h)).endsWith("c (c,48) @1");
    }

    @Test
    void keepsCombiningWhileItHalvesTheRecords() throws Exception {
        OperatorHarness<Object> h = combiner(tumblingSum(), 2);
        probeWithRepeats(h, 2);
        for (int i = 0; i < 4; i++) {
            h.processElement(t("a", 1), 1);
            h.processElement(t("b", 1), 1);
        }
        h.processElement(t("c", 1), 1);     // full after 8 records in 2 entries: flush, keep combining
        h.processElement(t("c", 1), 1);
        h.endInput();
        assertThat(partials(h)).containsExactly("a (a,4) @1", "b (b,4) @1", "c (c,2) @1");
    }

    /**
     * Whatever the combiner decides, record by record (probe, combine, flush, pass), the windows downstream get
     * every record exactly once: seeded inputs whose keys repeat more or less, small capacities, sliding windows
     * (a record in several windows), against the same records without a combiner.
     */
    @Test
    void combinedAndPassedRecordsTogetherGiveEachWindowEveryRecordOnce() throws Exception {
        DataStream<Tuple2<String, Integer>> sliding = keyed()
                .window(SlidingEventTimeWindows.of(Duration.ofMillis(20), Duration.ofMillis(5))).sum(1);
        Operation.Window window = Windows.operation(sliding);
        for (long seed = 1; seed <= 40; seed++) {
            java.util.Random random = new java.util.Random(seed);
            int capacity = 1 + random.nextInt(12);
            int keys = 1 + random.nextInt(seed % 2 == 0 ? 4 : 400);
            // a short span of time puts many records in few windows: keys repeat per window and combining pays
            int span = seed % 3 == 0 ? 400 : 30;
            OperatorHarness<Object> combiner = combiner(window, capacity);
            java.util.Map<String, List<Object[]>> direct = new java.util.TreeMap<>();
            for (int i = 0; i < 600; i++) {
                Tuple2<String, Integer> record = t("k" + random.nextInt(keys), random.nextInt(1000));
                long timestamp = random.nextInt(span);
                combiner.processElement(record, timestamp);
                direct.computeIfAbsent(record.f0, k -> new ArrayList<>()).add(new Object[] {record, timestamp});
            }
            combiner.endInput();
            java.util.Map<Object, List<Object[]>> shuffled = new java.util.TreeMap<>();
            PartialOrRecordKey<Tuple2<String, Integer>> key = new PartialOrRecordKey<>(Windows.KEY);
            for (OperatorHarness.Emitted e : combiner.emitted()) {
                if (e.isRecord()) {
                    shuffled.computeIfAbsent(key.getKey(e.value()), k -> new ArrayList<>())
                            .add(new Object[] {e.value(), e.timestamp()});
                }
            }
            assertThat(endOfKeyWindows(window, true, shuffled)).as("seed %d, capacity %d, keys %d", seed, capacity, keys)
                    .isEqualTo(endOfKeyWindows(window, false, new java.util.TreeMap<>(direct)));
        }
    }

    /**
     * Whatever the combiners decide, each window downstream folds its records in timestamp order, as it would
     * without combiners: an associative but order-sensitive reduce (the window's first and last value, as
     * {@code first * 1000 + last}) over sliding windows, two producers, the consumer's input
     * stably sorted by timestamp per key (producers in partition order), timestamps with many ties or few.
     */
    @Test
    void theWindowsDownstreamFoldTheirRecordsInTimestampOrderThroughEveryDecision() throws Exception {
        DataStream<Tuple2<String, Integer>> sliding = keyed()
                .window(SlidingEventTimeWindows.of(Duration.ofMillis(20), Duration.ofMillis(5)))
                .reduce((a, b) -> t(a.f0, a.f1 / 1000 * 1000 + b.f1 % 1000));
        Operation.Window window = Windows.operation(sliding);
        for (long seed = 1; seed <= 40; seed++) {
            java.util.Random random = new java.util.Random(seed);
            int capacity = 1 + random.nextInt(12);
            int keys = 1 + random.nextInt(seed % 2 == 0 ? 4 : 400);
            int span = seed % 3 == 0 ? 400 : 12;
            List<OperatorHarness<Object>> producers = List.of(combiner(window, capacity), combiner(window, capacity));
            // per key: {record, timestamp, producer, arrival}, sorted below as the consumer's sort would
            java.util.Map<String, List<Object[]>> direct = new java.util.TreeMap<>();
            for (int i = 0; i < 600; i++) {
                int value = random.nextInt(1000);
                Tuple2<String, Integer> record = t("k" + random.nextInt(keys), value * 1000 + value);
                long timestamp = random.nextInt(span);
                int producer = random.nextInt(2);
                producers.get(producer).processElement(record, timestamp);
                direct.computeIfAbsent(record.f0, k -> new ArrayList<>())
                        .add(new Object[] {record, timestamp, producer, i});
            }
            java.util.Comparator<Object[]> inOrder = java.util.Comparator.<Object[]>comparingLong(r -> (Long) r[1])
                    .thenComparingInt(r -> (Integer) r[2]).thenComparingInt(r -> (Integer) r[3]);
            direct.values().forEach(records -> records.sort(inOrder));
            java.util.Map<Object, List<Object[]>> shuffled = new java.util.TreeMap<>();
            PartialOrRecordKey<Tuple2<String, Integer>> key = new PartialOrRecordKey<>(Windows.KEY);
            for (OperatorHarness<Object> producer : producers) {
                producer.endInput();
                for (OperatorHarness.Emitted e : producer.emitted()) {
                    if (e.isRecord()) {
                        shuffled.computeIfAbsent(key.getKey(e.value()), k -> new ArrayList<>())
                                .add(new Object[] {e.value(), e.timestamp()});
                    }
                }
            }
            shuffled.values().forEach(records -> records.sort(java.util.Comparator.comparingLong(r -> (Long) r[1])));
            assertThat(endOfKeyWindows(window, true, shuffled))
                    .as("seed %d, capacity %d, keys %d, span %d", seed, capacity, keys, span)
                    .isEqualTo(endOfKeyWindows(window, false, new java.util.TreeMap<>(direct)));
        }
    }

    /** The BATCH window operator's output for input grouped by key, as sorted input would give it. */
    @SuppressWarnings({"unchecked", "rawtypes"})
    private static List<String> endOfKeyWindows(Operation.Window window, boolean ofPartials,
                                                java.util.Map<?, List<Object[]>> byKey) throws Exception {
        OperatorHarness<Object> h = (OperatorHarness) OperatorHarness.batch(
                new BatchWindowOperator<>(window, ofPartials), 0L, new PartialOrRecordKey<>(Windows.KEY));
        for (java.util.Map.Entry<?, List<Object[]>> entry : byKey.entrySet()) {
            h.startKey(entry.getKey());
            for (Object[] recordAndTime : entry.getValue()) {
                h.processElement(recordAndTime[0], (Long) recordAndTime[1]);
            }
            h.endOfKey();
        }
        return WindowOperatorTest.rendered(h);
    }

    @Test
    void onlyReducingTumblingOrSlidingEventTimeWindowsWithTheDefaultTriggerAndNoEvictorCombine() {
        assertThat(WindowCombineOperator.canCombine(tumblingSum())).isTrue();
        assertThat(WindowCombineOperator.canCombine(Windows.operation(keyed()
                .window(TumblingEventTimeWindows.of(Duration.ofMillis(10))).reduce((a, b) -> a,
                        new WindowOperatorTest.Describe<>())))).isTrue();
        assertThat(WindowCombineOperator.canCombine(Windows.operation(keyed()
                .window(TumblingEventTimeWindows.of(Duration.ofMillis(10)))
                .aggregate(new WindowOperatorTest.SumAggregate())))).as("aggregate").isFalse();
        assertThat(WindowCombineOperator.canCombine(Windows.operation(keyed()
                .window(TumblingEventTimeWindows.of(Duration.ofMillis(10))).process(new WindowOperatorTest.ListAll()))))
                .as("process").isFalse();
        assertThat(WindowCombineOperator.canCombine(Windows.operation(keyed()
                .window(EventTimeSessionWindows.withGap(Duration.ofMillis(10))).sum(1)))).as("sessions").isFalse();
        assertThat(WindowCombineOperator.canCombine(Windows.operation(keyed()
                .window(TumblingProcessingTimeWindows.of(Duration.ofMillis(10))).sum(1)))).as("processing").isFalse();
        assertThat(WindowCombineOperator.canCombine(Windows.operation(keyed()
                .window(TumblingEventTimeWindows.of(Duration.ofMillis(10))).trigger(CountTrigger.of(2)).sum(1))))
                .as("trigger").isFalse();
        assertThat(WindowCombineOperator.canCombine(Windows.operation(keyed()
                .window(TumblingEventTimeWindows.of(Duration.ofMillis(10))).evictor(CountEvictor.of(2)).sum(1))))
                .as("evictor").isFalse();
        assertThat(WindowCombineOperator.canCombine(Windows.operation(keyed().countWindow(3).sum(1))))
                .as("count").isFalse();
    }

    @Test
    void theWindowOperatorReadsPartialsIntoTheWindowsOfTheirTimestamps() throws Exception {
        @SuppressWarnings({"unchecked", "rawtypes"})
        OperatorHarness<Tuple2<String, Integer>> h = (OperatorHarness) OperatorHarness.batch(
                new WindowOperator<>(tumblingSum(), true), 0L, new PartialOrRecordKey<>(Windows.KEY));
        h.startKey("a");
        h.processElement(new KeyedValue("a", t("a", 9)), 9);
        h.processElement(new KeyedValue("a", t("a", 4)), 19);
        h.processElement(t("a", 1), 3);    // a record the combiner let pass
        h.processElement(new KeyedValue("a", t("a", 1)), 9);
        h.endOfKey();
        assertThat(WindowOperatorTest.rendered(h)).containsExactly("(a,11)@9", "(a,4)@19");
    }

    @Test
    void partialsAndPassedRecordsGoOnceWithTheirTimestampAndTheWindowOperatorGivesThemToAllOfTheirWindows()
            throws Exception {
        DataStream<Tuple2<String, Integer>> sliding = keyed()
                .window(SlidingEventTimeWindows.of(Duration.ofMillis(10), Duration.ofMillis(5))).sum(1);
        OperatorHarness<Object> combiner = combiner(Windows.operation(sliding), 100);
        combiner.processElement(t("a", 2), 7);    // probing: it passes, in [0,10) and [5,15)
        assertThat(partials(combiner)).containsExactly("raw (a,2) @7");

        @SuppressWarnings({"unchecked", "rawtypes"})
        OperatorHarness<Tuple2<String, Integer>> h = (OperatorHarness) OperatorHarness.batch(
                new WindowOperator<>(Windows.operation(sliding), true), 0L, new PartialOrRecordKey<>(Windows.KEY));
        h.startKey("a");
        h.processElement(combiner.emitted().get(0).value(), combiner.emitted().get(0).timestamp());
        h.processElement(new KeyedValue("a", t("a", 1)), 9);    // a partial at 9: in [0,10) and [5,15)
        h.endOfKey();
        assertThat(WindowOperatorTest.rendered(h)).containsExactly("(a,3)@9", "(a,3)@14");
    }
}
