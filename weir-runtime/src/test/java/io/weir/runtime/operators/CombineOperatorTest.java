package io.weir.runtime.operators;

import io.weir.api.functions.aggregation.FieldAggregator;
import io.weir.api.tuple.Tuple2;
import io.weir.runtime.serialization.KeyedValue;
import io.weir.runtime.testing.OperatorHarness;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** BATCH's producer-side pre-aggregation of rolling reductions. */
class CombineOperatorTest {
    private static OperatorHarness<Object> combiner(int maxKeys) throws Exception {
        CombineOperator<Tuple2<String, Integer>, String> op =
                new CombineOperator<>(FieldAggregator.sum(1), t -> t.f0, maxKeys);
        return OperatorHarness.streaming(op, 0L);
    }

    /** "key value @timestamp" per partial, "raw record @timestamp" per record let pass. */
    private static List<String> partials(OperatorHarness<Object> h) {
        return h.emitted().stream().filter(OperatorHarness.Emitted::isRecord)
                .map(e -> e.value() instanceof KeyedValue p ? p.key() + " " + p.value() + " @" + e.timestamp()
                        : "raw " + e.value() + " @" + e.timestamp()).toList();
    }

    @Test
    void sumsEachKeyFromTheFirstRecordAndEmitsItsPartialWithTheLatestTimestampAtTheEnd() throws Exception {
        OperatorHarness<Object> h = combiner(10);
        h.processElement(Tuple2.of("a", 1), 5);
        h.processElement(Tuple2.of("b", 2), 6);
        h.processElement(Tuple2.of("a", 3), 7);
        assertThat(h.emitted()).isEmpty();
        h.endInput();
        assertThat(partials(h)).containsExactly("a (a,4) @7", "b (b,2) @6");
    }

    @Test
    void whenKeysDoNotRepeatRecordsPassUncombinedInOrderAfterAFullFlushThenItProbesAgain() throws Exception {
        OperatorHarness<Object> h = combiner(2);
        h.processElement(Tuple2.of("a", 1), 1);
        h.processElement(Tuple2.of("b", 2), 2);
        h.processElement(Tuple2.of("c", 4), 3);      // full, combining reduced nothing: c passes too
        assertThat(partials(h)).containsExactly("a (a,1) @1", "b (b,2) @2", "raw (c,4) @3");
        h.clearEmitted();
        for (int i = 0; i < 8; i++) {                 // 4 rounds of 2 keys pass one by one
            h.processElement(Tuple2.of("c", 1), 10 + i);
        }
        assertThat(partials(h)).hasSize(8).allMatch(p -> p.startsWith("raw (c,1) @1"));
        h.clearEmitted();
        for (int i = 0; i < 4; i++) {                 // probing: 4 records of one key pay
            h.processElement(Tuple2.of("c", 2), 20);
        }
        assertThat(partials(h)).hasSize(4);
        h.processElement(Tuple2.of("c", 16), 30);    // combined again
        h.processElement(Tuple2.of("c", 32), 31);
        h.endInput();
        assertThat(partials(h)).endsWith("c (c,48) @31");
    }

    /**
     * Whatever the combiner decides (combine, flush, pass, probe), each key's partials and passed records leave in
     * the order of its records: an order-sensitive reduce (joining strings) downstream gives every key exactly
     * the fold of its records in order. Seeded, small capacities, keys that repeat a lot or hardly at all.
     */
    @Test
    void keepsEachKeysRecordsInOrderAndCountsEachOnceThroughEveryDecision() throws Exception {
        io.weir.api.functions.ReduceFunction<Tuple2<String, String>> join =
                (a, b) -> Tuple2.of(a.f0, a.f1 + "," + b.f1);
        for (long seed = 1; seed <= 40; seed++) {
            java.util.Random random = new java.util.Random(seed);
            int capacity = 1 + random.nextInt(12);
            int keys = 1 + random.nextInt(seed % 2 == 0 ? 3 : 300);
            OperatorHarness<Object> combiner = OperatorHarness.streaming(
                    new CombineOperator<Tuple2<String, String>, String>(join, t -> t.f0, capacity), 0L);
            java.util.Map<String, String> expected = new java.util.TreeMap<>();
            for (int i = 0; i < 800; i++) {
                Tuple2<String, String> record = Tuple2.of("k" + random.nextInt(keys), Integer.toString(i));
                combiner.processElement(record, i);
                expected.merge(record.f0, record.f1, (a, b) -> a + "," + b);
            }
            combiner.endInput();
            PartialOrRecordKey<Tuple2<String, String>> key = new PartialOrRecordKey<>(t -> t.f0);
            java.util.Map<Object, List<Object>> byKey = new java.util.TreeMap<>();
            for (OperatorHarness.Emitted e : combiner.emitted()) {
                if (e.isRecord()) {
                    byKey.computeIfAbsent(key.getKey(e.value()), k -> new java.util.ArrayList<>()).add(e.value());
                }
            }
            @SuppressWarnings({"unchecked", "rawtypes"})
            OperatorHarness<Tuple2<String, String>> downstream = (OperatorHarness) OperatorHarness.batch(
                    new BatchRollingReduceOperator<>(join, true), 0L, key);
            for (java.util.Map.Entry<Object, List<Object>> entry : byKey.entrySet()) {
                downstream.startKey(entry.getKey());
                for (Object value : entry.getValue()) {
                    downstream.processElement(value, 0);
                }
                downstream.endOfKey();
            }
            java.util.Map<String, String> actual = new java.util.TreeMap<>();
            downstream.records().forEach(t -> actual.put(t.f0, t.f1));
            assertThat(actual).as("seed %d, capacity %d, keys %d", seed, capacity, keys).isEqualTo(expected);
        }
    }
}
