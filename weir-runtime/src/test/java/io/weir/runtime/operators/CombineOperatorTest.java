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
}
