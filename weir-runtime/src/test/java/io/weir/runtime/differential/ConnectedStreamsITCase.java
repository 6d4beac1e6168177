package io.weir.runtime.differential;

import io.weir.api.common.OutputTag;
import io.weir.api.datastream.DataStream;
import io.weir.api.datastream.SingleOutputStreamOperator;
import io.weir.api.functions.CoFlatMapFunction;
import io.weir.api.functions.CoMapFunction;
import io.weir.api.functions.CoProcessFunction;
import io.weir.api.functions.Collector;
import io.weir.api.functions.KeyedCoProcessFunction;
import io.weir.api.functions.OpenContext;
import io.weir.api.state.ValueState;
import io.weir.api.state.ValueStateDescriptor;
import io.weir.api.tuple.Tuple2;
import io.weir.api.tuple.Tuple4;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import static io.weir.runtime.differential.DifferentialHarness.runInBothModes;

/**
 * Two inputs into one operator: CoMap, CoFlatMap and CoProcess (with a side output) on connected streams of
 * different types and parallelisms, compared as multisets; and a KeyedCoProcessFunction joining two keyed
 * inputs into an order-insensitive per-key balance, compared by its last update per key.
 */
@Timeout(120)
class ConnectedStreamsITCase {
    private static final OutputTag<Integer> LARGE = new OutputTag<>("large") {};

    /** A payment on an account: the second, differently typed input of the keyed connect. */
    record Payment(int account, int amount) {
    }

    @ParameterizedTest(name = "parallelism {0}")
    @ValueSource(ints = {1, 2, 4})
    void coMapOverInputsOfDifferentTypesAndParallelisms(int parallelism) {
        InputSpec left = InputSpec.uniform(301, 30_000, 10_000);
        InputSpec right = InputSpec.skewed(302, 20_000, 1_000);
        List<String> expected = new ArrayList<>();
        left.forEach((k, v) -> expected.add("left " + k + ":" + v));
        right.forEach((k, v) -> expected.add("right w" + k));
        runInBothModes("CoMap of " + left + " and " + right, parallelism, env -> {
            DataStream<String> words = right.source(env).map(t -> "w" + t.f0).setParallelism(parallelism + 1);
            return left.source(env).connect(words).map(new Describe());
        }).assertBothEqual(expected);
    }

    @ParameterizedTest(name = "parallelism {0}")
    @ValueSource(ints = {1, 2, 4})
    void coFlatMapAndCoProcessWithASideOutput(int parallelism) {
        InputSpec left = InputSpec.uniform(303, 20_000, 5_000);
        InputSpec right = InputSpec.uniform(304, 20_000, 5_000);
        List<String> expected = new ArrayList<>();
        left.forEach((k, v) -> {
            for (int i = 0; i < v % 3; i++) {
                expected.add("L" + k + "#" + i);
            }
        });
        right.forEach((k, v) -> {
            expected.add("R" + k);
            expected.add("R" + v);
        });
        List<String> expectedProcessed = new ArrayList<>();
        for (String s : expected) {
            expectedProcessed.add(s.length() > 5 ? "large " + s.length() : "1:" + s);
        }
        runInBothModes("CoFlatMap then CoProcess over " + left + " and " + right, parallelism, env -> {
            DataStream<String> flat = left.source(env).connect(right.source(env)).flatMap(new Explode());
            SingleOutputStreamOperator<String> processed = flat.connect(flat.filter(s -> false)).process(new SplitLarge());
            return processed.union(processed.getSideOutput(LARGE).map(n -> "large " + n));
        }).assertBothEqual(expectedProcessed);
    }

    enum KeyedConnect { KEYED_STREAMS, CONNECTED_THEN_KEYED }

    static Stream<Arguments> keyedConnects() {
        List<Arguments> args = new ArrayList<>();
        for (int p : new int[]{1, 2, 4}) {
            args.add(Arguments.of(p, KeyedConnect.KEYED_STREAMS, InputSpec.uniform(305, 40_000, 15_000),
                    InputSpec.uniform(1305, 20_000, 15_000), Settings.defaults()));
            args.add(Arguments.of(p, KeyedConnect.CONNECTED_THEN_KEYED, InputSpec.skewed(306, 40_000, 1_500),
                    InputSpec.skewed(1306, 20_000, 1_500), Settings.tinyMemory()));
            args.add(Arguments.of(p, KeyedConnect.KEYED_STREAMS, InputSpec.uniform(307, 10_000, 2_000),
                    InputSpec.empty(1307), Settings.tinyMemory()));
        }
        return args.stream();
    }

    /**
     * Orders (first input) and payments (second input, a Java record) per account; the function keeps both
     * counts and the balance in one ValueState and emits them after every record. Payments use another seed
     * (some accounts have only orders or only payments), or none at all.
     */
    @ParameterizedTest(name = "parallelism {0}, {1}, orders {2}, payments {3}, {4}")
    @MethodSource("keyedConnects")
    void keyedCoProcessFunctionJoinsBothInputsPerKey(int parallelism, KeyedConnect style, InputSpec orders,
                                                     InputSpec payments, Settings settings) {
        Map<Integer, Tuple4<Integer, Integer, Integer, Long>> expected = new HashMap<>();
        orders.forEach((k, v) -> expected.merge(k, Tuple4.of(k, 1, 0, (long) v), ConnectedStreamsITCase::add));
        payments.forEach((k, v) -> expected.merge(k, Tuple4.of(k, 0, 1, (long) -v), ConnectedStreamsITCase::add));
        ModeOutputs<Tuple4<Integer, Integer, Integer, Long>> out = runInBothModes(
                "KeyedCoProcess (" + style + ") of orders " + orders + " and payments " + payments, parallelism,
                settings, env -> {
                    DataStream<Tuple2<Integer, Integer>> o = orders.source(env);
                    DataStream<Payment> p = payments.source(env).map(t -> new Payment(t.f0, t.f1));
                    return switch (style) {
                        case KEYED_STREAMS -> o.keyBy(t -> t.f0).connect(p.keyBy(Payment::account)).process(new Balance());
                        case CONNECTED_THEN_KEYED -> o.connect(p).keyBy(t -> t.f0, Payment::account).process(new Balance());
                    };
                });
        out.assertFinalValuesEqual(expected, out.assertSameLastValues(t -> t.f0));
    }

    private static Tuple4<Integer, Integer, Integer, Long> add(Tuple4<Integer, Integer, Integer, Long> a,
                                                               Tuple4<Integer, Integer, Integer, Long> b) {
        return Tuple4.of(a.f0, a.f1 + b.f1, a.f2 + b.f2, a.f3 + b.f3);
    }

    // ------------------------------------------------------------------------------------------ functions

    private static final class Describe implements CoMapFunction<Tuple2<Integer, Integer>, String, String> {
        @Override
        public String map1(Tuple2<Integer, Integer> value) {
            return "left " + value.f0 + ":" + value.f1;
        }

        @Override
        public String map2(String value) {
            return "right " + value;
        }
    }

    /** Left: {@code value % 3} records; right: two records. */
    private static final class Explode
            implements CoFlatMapFunction<Tuple2<Integer, Integer>, Tuple2<Integer, Integer>, String> {
        @Override
        public void flatMap1(Tuple2<Integer, Integer> value, Collector<String> out) {
            for (int i = 0; i < value.f1 % 3; i++) {
                out.collect("L" + value.f0 + "#" + i);
            }
        }

        @Override
        public void flatMap2(Tuple2<Integer, Integer> value, Collector<String> out) {
            out.collect("R" + value.f0);
            out.collect("R" + value.f1);
        }
    }

    /** Strings longer than 5 go to the side output {@link #LARGE} as their length; the second input is empty. */
    private static final class SplitLarge extends CoProcessFunction<String, String, String> {
        @Override
        public void processElement1(String value, Context ctx, Collector<String> out) {
            if (value.length() > 5) {
                ctx.output(LARGE, value.length());
            } else {
                out.collect("1:" + value);
            }
        }

        @Override
        public void processElement2(String value, Context ctx, Collector<String> out) {
            out.collect("2:" + value);
        }
    }

    /** (account, orders, payments, balance) in one ValueState, emitted after every record of either input. */
    private static final class Balance extends KeyedCoProcessFunction<Integer, Tuple2<Integer, Integer>, Payment,
            Tuple4<Integer, Integer, Integer, Long>> {
        private transient ValueState<Tuple4<Integer, Integer, Integer, Long>> state;

        @Override
        @SuppressWarnings({"unchecked", "rawtypes"})
        public void open(OpenContext openContext) {
            state = getRuntimeContext().getState(new ValueStateDescriptor<>("balance", (Class) Tuple4.class));
        }

        @Override
        public void processElement1(Tuple2<Integer, Integer> order, Context ctx,
                                    Collector<Tuple4<Integer, Integer, Integer, Long>> out) throws Exception {
            update(Tuple4.of(ctx.getCurrentKey(), 1, 0, (long) order.f1), out);
        }

        @Override
        public void processElement2(Payment payment, Context ctx,
                                    Collector<Tuple4<Integer, Integer, Integer, Long>> out) throws Exception {
            update(Tuple4.of(ctx.getCurrentKey(), 0, 1, (long) -payment.amount()), out);
        }

        private void update(Tuple4<Integer, Integer, Integer, Long> change,
                            Collector<Tuple4<Integer, Integer, Integer, Long>> out) throws Exception {
            Tuple4<Integer, Integer, Integer, Long> current = state.value();
            Tuple4<Integer, Integer, Integer, Long> next = current == null ? change : add(current, change);
            state.update(next);
            out.collect(next);
        }
    }
}
