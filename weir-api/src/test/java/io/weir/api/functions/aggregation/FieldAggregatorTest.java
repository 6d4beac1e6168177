package io.weir.api.functions.aggregation;

import io.weir.api.tuple.Tuple3;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class FieldAggregatorTest {
    record Sale(String shop, int items, double amount) {
    }

    /** A POJO with a no-argument constructor. */
    public static class Reading {
        public String sensor;
        public long value;

        public Reading() {
        }

        Reading(String sensor, long value) {
            this.sensor = sensor;
            this.value = value;
        }
    }

    @Test
    void sumKeepsTheFirstRecordsOtherFields() {
        FieldAggregator<Tuple3<String, Integer, String>> sum = FieldAggregator.sum(1);
        assertThat(sum.reduce(Tuple3.of("k", 1, "first"), Tuple3.of("k", 2, "second")))
                .isEqualTo(Tuple3.of("k", 3, "first"));
    }

    @Test
    void minAndMaxReplaceOnlyTheField() {
        FieldAggregator<Tuple3<String, Integer, String>> min = FieldAggregator.min(1);
        FieldAggregator<Tuple3<String, Integer, String>> max = FieldAggregator.max(1);
        assertThat(min.reduce(Tuple3.of("k", 5, "a"), Tuple3.of("k", 2, "b"))).isEqualTo(Tuple3.of("k", 2, "a"));
        assertThat(max.reduce(Tuple3.of("k", 5, "a"), Tuple3.of("k", 7, "b"))).isEqualTo(Tuple3.of("k", 7, "a"));
    }

    @Test
    void minByAndMaxByKeepTheWholeRecordAndTheFirstOnTies() {
        FieldAggregator<Tuple3<String, Integer, String>> minBy = FieldAggregator.minBy(1);
        FieldAggregator<Tuple3<String, Integer, String>> maxBy = FieldAggregator.maxBy(1);
        assertThat(minBy.reduce(Tuple3.of("k", 5, "a"), Tuple3.of("k", 2, "b"))).isEqualTo(Tuple3.of("k", 2, "b"));
        assertThat(minBy.reduce(Tuple3.of("k", 2, "a"), Tuple3.of("k", 2, "b"))).isEqualTo(Tuple3.of("k", 2, "a"));
        assertThat(maxBy.reduce(Tuple3.of("k", 9, "a"), Tuple3.of("k", 9, "b"))).isEqualTo(Tuple3.of("k", 9, "a"));
    }

    @Test
    void minByAndMaxByKeepTheLastTiedRecordWhenNotFirst() {
        FieldAggregator<Tuple3<String, Integer, String>> minBy = FieldAggregator.minBy(1, false);
        FieldAggregator<Tuple3<String, Integer, String>> maxBy = FieldAggregator.maxBy("f1", false);
        assertThat(minBy.reduce(Tuple3.of("k", 2, "a"), Tuple3.of("k", 2, "b"))).isEqualTo(Tuple3.of("k", 2, "b"));
        assertThat(minBy.reduce(Tuple3.of("k", 2, "a"), Tuple3.of("k", 3, "b"))).isEqualTo(Tuple3.of("k", 2, "a"));
        assertThat(maxBy.reduce(Tuple3.of("k", 9, "a"), Tuple3.of("k", 9, "b"))).isEqualTo(Tuple3.of("k", 9, "b"));
        assertThat(maxBy.reduce(Tuple3.of("k", 9, "a"), Tuple3.of("k", 8, "b"))).isEqualTo(Tuple3.of("k", 9, "a"));
        assertThat(FieldAggregator.<Tuple3<String, Integer, String>>minBy(1, true)
                .reduce(Tuple3.of("k", 2, "a"), Tuple3.of("k", 2, "b"))).isEqualTo(Tuple3.of("k", 2, "a"));
    }

    @Test
    void aBasicValueIsItsOwnFieldZeroAndWholeValue() {
        assertThat(FieldAggregator.<Long>sum(0).reduce(3L, 4L)).isEqualTo(7L);
        assertThat(FieldAggregator.<Integer>min("*").reduce(3, 2)).isEqualTo(2);
        assertThat(FieldAggregator.<String>maxBy(0, false).reduce("b", "b")).isEqualTo("b");
        assertThat(FieldAggregator.<Double>max("_").reduce(1.5, 2.5)).isEqualTo(2.5);
        assertThatThrownBy(() -> FieldAggregator.<Long>sum(1).reduce(3L, 4L))
                .hasMessageContaining("position 1 does not fit a stream of Long");
        assertThatThrownBy(() -> FieldAggregator.<Long>sum("value").reduce(3L, 4L))
                .hasMessageContaining("field 'value' does not fit a stream of Long");
        assertThatThrownBy(() -> FieldAggregator.<Sale>sum("*").reduce(new Sale("s", 1, 1), new Sale("s", 1, 1)))
                .hasMessageContaining("selects the whole value");
    }

    @Test
    void aggregatesRecordComponentsByName() {
        FieldAggregator<Sale> sum = FieldAggregator.sum("amount");
        assertThat(sum.reduce(new Sale("s", 1, 2.5), new Sale("s", 4, 1.0))).isEqualTo(new Sale("s", 1, 3.5));
        FieldAggregator<Sale> maxBy = FieldAggregator.maxBy("items");
        assertThat(maxBy.reduce(new Sale("s", 1, 2.5), new Sale("s", 4, 1.0))).isEqualTo(new Sale("s", 4, 1.0));
    }

    @Test
    void aggregatesPojoFieldsByNameWithoutChangingTheInputs() {
        Reading a = new Reading("x", 3);
        Reading b = new Reading("x", 4);
        Reading sum = FieldAggregator.<Reading>sum("value").reduce(a, b);
        assertThat(sum.value).isEqualTo(7);
        assertThat(sum.sensor).isEqualTo("x");
        assertThat(a.value).isEqualTo(3);
    }

    @Test
    void tupleFieldsCanBeNamedToo() {
        FieldAggregator<Tuple3<String, BigDecimal, Integer>> sum = FieldAggregator.sum("f1");
        assertThat(sum.reduce(Tuple3.of("k", new BigDecimal("1.5"), 0), Tuple3.of("k", new BigDecimal("2.25"), 0)).f1)
                .isEqualByComparingTo("3.75");
    }

    @Test
    void unknownFieldsAndNonNumericSumsAreClearErrors() {
        assertThatThrownBy(() -> FieldAggregator.<Sale>sum("price").reduce(new Sale("s", 1, 1), new Sale("s", 1, 1)))
                .hasMessageContaining("No component 'price' in record")
                .hasMessageContaining("[shop, items, amount]");
        assertThatThrownBy(() -> FieldAggregator.<Sale>sum("shop").reduce(new Sale("s", 1, 1), new Sale("s", 1, 1)))
                .hasMessageContaining("sum needs a numeric field");
    }

    @Test
    void aPartialGivesTheSameResultAsFoldingWithReduce() {
        java.util.Random random = new java.util.Random(7);
        java.util.List<Tuple3<String, Integer, String>> ints = new java.util.ArrayList<>();
        java.util.List<Sale> sales = new java.util.ArrayList<>();
        for (int i = 0; i < 1000; i++) {
            ints.add(Tuple3.of("k", random.nextInt(), "r" + i));
            sales.add(new Sale("s", random.nextInt(100), random.nextDouble() * 1e6));
        }
        assertFoldsAlike(FieldAggregator.sum(1), ints);
        assertFoldsAlike(FieldAggregator.min(1), ints);
        assertFoldsAlike(FieldAggregator.maxBy(1), ints);
        assertFoldsAlike(FieldAggregator.sum("amount"), sales);
        assertFoldsAlike(FieldAggregator.sum("items"), sales);
    }

    private static <T> void assertFoldsAlike(FieldAggregator<T> aggregator, java.util.List<T> records) {
        T folded = records.get(0);
        FieldAggregator.Partial<T> partial = aggregator.newPartial(records.get(0));
        for (T r : records.subList(1, records.size())) {
            folded = aggregator.reduce(folded, r);
            aggregator.add(partial, r);
        }
        assertThat(aggregator.result(partial)).isEqualTo(folded);
    }

    @Test
    void aSumOfMixedNumberTypesIsAClearError() {
        FieldAggregator<Tuple3<String, Object, String>> sum = FieldAggregator.sum(1);
        FieldAggregator.Partial<Tuple3<String, Object, String>> partial = sum.newPartial(Tuple3.of("k", 1, "a"));
        assertThatThrownBy(() -> sum.add(partial, Tuple3.of("k", 2L, "b")))
                .hasMessageContaining("java.lang.Long where earlier records held java.lang.Integer");
    }
}
