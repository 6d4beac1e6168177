package io.weir.runtime.operators;

import io.weir.api.eventtime.TimestampAssigner;
import io.weir.api.functions.aggregation.FieldAggregator;
import io.weir.api.tuple.Tuple2;
import io.weir.runtime.serialization.KeyedValue;
import io.weir.runtime.testing.OperatorHarness;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;

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
    void sumsEachKeysRecordsWithTheSameTimestampIntoOnePartialAtThatTimestamp() throws Exception {
        OperatorHarness<Object> h = combiner(10);
        h.processElement(Tuple2.of("a", 1), 5);
        h.processElement(Tuple2.of("b", 2), 6);
        h.processElement(Tuple2.of("a", 3), 5);
        h.processElement(Tuple2.of("c", 4), TimestampAssigner.NO_TIMESTAMP);
        h.processElement(Tuple2.of("c", 5), TimestampAssigner.NO_TIMESTAMP);
        assertThat(h.emitted()).isEmpty();
        h.endInput();
        assertThat(partials(h)).containsExactly("a (a,4) @5", "b (b,2) @6", "c (c,9) @" + Long.MIN_VALUE);
    }

    @Test
    void aRecordWithAnotherTimestampSendsItsKeysPartialOnInsteadOfFoldingIntoIt() throws Exception {
        OperatorHarness<Object> h = combiner(10);
        h.processElement(Tuple2.of("a", 1), 5);
        h.processElement(Tuple2.of("a", 3), 5);
        h.processElement(Tuple2.of("a", 10), 3);     // earlier than 5: folding it in would misplace it downstream
        assertThat(partials(h)).containsExactly("a (a,4) @5");
        h.processElement(Tuple2.of("a", 20), 3);
        h.endInput();
        assertThat(partials(h)).containsExactly("a (a,4) @5", "a (a,30) @3");
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
        h.processElement(Tuple2.of("c", 32), 30);
        h.endInput();
        assertThat(partials(h)).endsWith("c (c,48) @30");
    }

    /**
     * Whatever the combiner decides (combine, flush, pass, probe), the consumer, which sorts each key's partials
     * and passed records by timestamp (stable; producers in partition order), folds every key's records exactly
     * as an order-sensitive reduce (joining strings) over the records in timestamp order would. Seeded: two
     * producers, small capacities, keys that repeat a lot or hardly at all, timestamps out of order with many
     * ties or few, some records without one.
     */
    @Test
    void theConsumerFoldsEachKeysRecordsInTimestampOrderThroughEveryDecision() throws Exception {
        io.weir.api.functions.ReduceFunction<Tuple2<String, String>> join =
                (a, b) -> Tuple2.of(a.f0, a.f1 + "," + b.f1);
        PartialOrRecordKey<Tuple2<String, String>> key = new PartialOrRecordKey<>(t -> t.f0);
        for (long seed = 1; seed <= 60; seed++) {
            Random random = new Random(seed);
            int capacity = 1 + random.nextInt(12);
            int keys = 1 + random.nextInt(seed % 2 == 0 ? 3 : 300);
            int timeRange = seed % 3 == 0 ? 3 : 1000;
            List<OperatorHarness<Object>> producers = new ArrayList<>();
            for (int p = 0; p < 2; p++) {
                producers.add(OperatorHarness.streaming(
                        new CombineOperator<Tuple2<String, String>, String>(join, t -> t.f0, capacity), 0L));
            }
            // (key, timestamp, producer, arrival): the order of the consumer's stable sort of the raw records
            List<long[]> order = new ArrayList<>();
            List<Tuple2<String, String>> records = new ArrayList<>();
            for (int i = 0; i < 800; i++) {
                Tuple2<String, String> record = Tuple2.of("k" + random.nextInt(keys), Integer.toString(i));
                long timestamp = random.nextInt(10) == 0 ? TimestampAssigner.NO_TIMESTAMP : random.nextInt(timeRange);
                int producer = random.nextInt(2);
                producers.get(producer).processElement(record, timestamp);
                records.add(record);
                order.add(new long[]{timestamp, producer, i});
            }
            List<Integer> indexes = new ArrayList<>();
            for (int i = 0; i < records.size(); i++) {
                indexes.add(i);
            }
            indexes.sort(Comparator.<Integer, String>comparing(i -> records.get(i).f0)
                    .thenComparingLong(i -> order.get(i)[0]).thenComparingLong(i -> order.get(i)[1])
                    .thenComparingLong(i -> order.get(i)[2]));
            Map<String, String> expected = new TreeMap<>();
            for (int i : indexes) {
                expected.merge(records.get(i).f0, records.get(i).f1, (a, b) -> a + "," + b);
            }

            // The consumer's input: per key, everything the producers emitted, stably sorted by timestamp.
            Map<Object, List<OperatorHarness.Emitted>> byKey = new TreeMap<>();
            for (OperatorHarness<Object> producer : producers) {
                producer.endInput();
                for (OperatorHarness.Emitted e : producer.emitted()) {
                    if (e.isRecord()) {
                        byKey.computeIfAbsent(key.getKey(e.value()), k -> new ArrayList<>()).add(e);
                    }
                }
            }
            @SuppressWarnings({"unchecked", "rawtypes"})
            OperatorHarness<Tuple2<String, String>> downstream = (OperatorHarness) OperatorHarness.batch(
                    new BatchRollingReduceOperator<>(join, true), 0L, key);
            for (Map.Entry<Object, List<OperatorHarness.Emitted>> entry : byKey.entrySet()) {
                List<OperatorHarness.Emitted> sorted = new ArrayList<>(entry.getValue());
                sorted.sort(Comparator.comparingLong(OperatorHarness.Emitted::timestamp));
                downstream.startKey(entry.getKey());
                for (OperatorHarness.Emitted e : sorted) {
                    downstream.processElement(e.value(), e.timestamp());
                }
                downstream.endOfKey();
            }
            Map<String, String> actual = new TreeMap<>();
            downstream.records().forEach(t -> actual.put(t.f0, t.f1));
            assertThat(actual).as("seed %d, capacity %d, keys %d, time range %d", seed, capacity, keys, timeRange)
                    .isEqualTo(expected);
        }
    }
}
