package io.weir.api.datastream;

import io.weir.api.common.RuntimeExecutionMode;
import io.weir.api.common.typeinfo.Types;
import io.weir.api.environment.StreamExecutionEnvironment;
import io.weir.api.functions.Collector;
import io.weir.api.functions.MapFunction;
import io.weir.api.tuple.Tuple2;
import io.weir.api.tuple.Tuple3;
import io.weir.api.windowing.assigners.TumblingEventTimeWindows;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * A field aggregation whose position or field does not fit the stream's type fails while the job is built, naming
 * the aggregation, the position or field, and the type. The check is made by the API before any mode applies;
 * each case runs with both modes set to show that.
 */
class AggregationFieldChecksTest {
    record Sale(String shop, long items, double amount) {
    }

    /** A POJO: public no-argument constructor. */
    public static class Reading {
        public String sensor;
        public int value;
        public Tuple2<String, Long> pair;

        public Reading() {
        }
    }

    static final class ToSale implements MapFunction<Long, Sale> {
        @Override
        public Sale map(Long value) {
            return new Sale("s" + value % 3, value, value * 0.5);
        }
    }

    private static StreamExecutionEnvironment env(RuntimeExecutionMode mode) {
        StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment();
        env.setRuntimeMode(mode);
        return env;
    }

    private static void rejected(ThrowingCallable call, String... messageParts) {
        var thrown = assertThatThrownBy(call).isInstanceOf(IllegalArgumentException.class);
        for (String part : messageParts) {
            thrown.hasMessageContaining(part);
        }
    }

    @ParameterizedTest
    @EnumSource(value = RuntimeExecutionMode.class, names = {"STREAMING", "BATCH"})
    void onABasicTypeOnlyPositionZeroFits(RuntimeExecutionMode mode) {
        KeyedStream<Long, Long> longs = env(mode).fromSequence(1, 10).keyBy(v -> v % 2);

        assertThatCode(() -> {
            longs.sum(0);
            longs.min(0);
            longs.max(0);
            longs.minBy(0);
            longs.maxBy(0, false);
        }).doesNotThrowAnyException();
        rejected(() -> longs.sum(1), "sum(1) on a stream of Long", "position 1 does not fit",
                "position 0, the value itself");
        rejected(() -> longs.maxBy(2), "maxBy(2) on a stream of Long", "position 2");
        rejected(() -> longs.min("value"), "min(\"value\") on a stream of Long", "field 'value'",
                "aggregate by position 0");
        rejected(() -> env(mode).fromElements(1.5, 2.5).keyBy(v -> v > 2).max(3),
                "max(3) on a stream of Double");
    }

    @ParameterizedTest
    @EnumSource(value = RuntimeExecutionMode.class, names = {"STREAMING", "BATCH"})
    void theWholeValueExpressionFitsOnlyBasicTypes(RuntimeExecutionMode mode) {
        StreamExecutionEnvironment env = env(mode);

        assertThatCode(() -> {
            env.fromSequence(1, 10).keyBy(v -> v % 2).sum("*");
            env.fromElements("a", "b").keyBy(v -> v).max("_");
        }).doesNotThrowAnyException();
        rejected(() -> env.fromElements(Tuple2.of("a", 1L)).keyBy(t -> t.f0).sum("*"),
                "sum(\"*\") on a stream of Tuple2<String, Long>", "selects the whole value", "name a field");
    }

    @ParameterizedTest
    @EnumSource(value = RuntimeExecutionMode.class, names = {"STREAMING", "BATCH"})
    void aPositionBeyondATuplesArityOrANonNumericSumFails(RuntimeExecutionMode mode) {
        KeyedStream<Tuple2<String, Long>, String> pairs = env(mode).fromElements(Tuple2.of("a", 1L), Tuple2.of("b", 2L))
                .keyBy(t -> t.f0);

        assertThatCode(() -> pairs.sum(1)).doesNotThrowAnyException();
        rejected(() -> pairs.sum(2), "sum(2) on a stream of Tuple2<String, Long>",
                "position 2 is out of range for Tuple2<String, Long> (positions 0..1)");
        rejected(() -> pairs.minBy("f2"), "minBy(\"f2\")", "no field 'f2'", "(fields f0..f1)");
        rejected(() -> pairs.sum(0), "sum(0) on a stream of Tuple2<String, Long>", "sum needs a numeric field",
                "0 holds String");
        rejected(() -> pairs.sum("f0"), "sum(\"f0\")", "holds String");
    }

    @ParameterizedTest
    @EnumSource(value = RuntimeExecutionMode.class, names = {"STREAMING", "BATCH"})
    void aFieldMissingFromAPojoOrRecordOrANonNumericOneFails(RuntimeExecutionMode mode) {
        Reading reading = new Reading();
        reading.sensor = "s";
        KeyedStream<Reading, String> readings = env(mode).fromElements(reading).keyBy(r -> r.sensor);
        KeyedStream<Sale, String> sales = env(mode).fromSequence(1, 10).map(new ToSale()).keyBy(Sale::shop);

        assertThatCode(() -> {
            readings.sum("value");
            sales.sum("amount");
            sales.maxBy("shop");
        }).doesNotThrowAnyException();
        rejected(() -> readings.sum("temperature"), "sum(\"temperature\") on a stream of Reading",
                "no field 'temperature' in " + Reading.class.getName(), "[sensor, value, pair]");
        rejected(() -> readings.sum(1), "sum(1) on a stream of Reading", "needs tuples or a basic type",
                "aggregate by field name");
        rejected(() -> readings.sum("sensor"), "sum(\"sensor\")", "numeric", "holds String");
        rejected(() -> readings.max("pair"), "max(\"pair\")", "comparable", "Tuple2<String, Long>");
        rejected(() -> sales.sum("price"), "sum(\"price\") on a stream of Sale", "no field 'price'",
                "[shop, items, amount]");
        rejected(() -> sales.sum("shop"), "sum(\"shop\")", "holds String");
    }

    @ParameterizedTest
    @EnumSource(value = RuntimeExecutionMode.class, names = {"STREAMING", "BATCH"})
    void windowAggregationsAreCheckedToo(RuntimeExecutionMode mode) {
        DataStream<Long> longs = env(mode).fromSequence(1, 10);
        var windowed = longs.keyBy(v -> v % 2).window(TumblingEventTimeWindows.of(Duration.ofMillis(10)));

        assertThatCode(() -> windowed.sum(0)).doesNotThrowAnyException();
        rejected(() -> windowed.sum(1), "sum(1) on a stream of Long");
        rejected(() -> longs.windowAll(TumblingEventTimeWindows.of(Duration.ofMillis(10))).minBy("x", true),
                "minBy(\"x\") on a stream of Long");
    }

    @ParameterizedTest
    @EnumSource(value = RuntimeExecutionMode.class, names = {"STREAMING", "BATCH"})
    void typesAreFollowedThroughMapsFiltersPartitionsAndGivenTypes(RuntimeExecutionMode mode) {
        StreamExecutionEnvironment env = env(mode);
        DataStream<Long> mapped = env.fromSequence(1, 10).map(v -> v * 2).filter(v -> v > 3).rebalance();
        DataStream<Tuple3<String, Integer, Long>> given = env.fromSequence(1, 10)
                .flatMap((Long v, Collector<Tuple3<String, Integer, Long>> out) -> out.collect(Tuple3.of("k", 1, v)))
                .returns(Types.TUPLE(Types.STRING, Types.INT, Types.LONG));

        rejected(() -> mapped.keyBy(v -> v).sum(1), "sum(1) on a stream of Long");
        rejected(() -> given.keyBy(t -> t.f0).sum(3), "Tuple3<String, Integer, Long> (positions 0..2)");
        rejected(() -> given.keyBy(t -> t.f0).sum(0), "holds String");
        assertThatCode(() -> given.keyBy(t -> t.f0).sum(2)).doesNotThrowAnyException();
    }

    @ParameterizedTest
    @EnumSource(value = RuntimeExecutionMode.class, names = {"STREAMING", "BATCH"})
    void aStreamWhoseTypeCannotBeToldIsNotRejectedWhileBuilding(RuntimeExecutionMode mode) {
        DataStream<Long> untyped = env(mode).fromSequence(1, 10)
                .flatMap((Long v, Collector<Long> out) -> out.collect(v));

        assertThatCode(() -> untyped.keyBy(v -> v).sum(1)).doesNotThrowAnyException();
    }
}
