package io.weir.runtime.jobs;

import io.weir.api.common.OutputTag;
import io.weir.api.connector.source.lib.CollectionSource;
import io.weir.api.datastream.DataStream;
import io.weir.api.datastream.SingleOutputStreamOperator;
import io.weir.api.environment.StreamExecutionEnvironment;
import io.weir.api.eventtime.WatermarkStrategy;
import io.weir.api.functions.AbstractRichFunction;
import io.weir.api.functions.CoFlatMapFunction;
import io.weir.api.functions.CoMapFunction;
import io.weir.api.functions.CoProcessFunction;
import io.weir.api.functions.Collector;
import io.weir.api.functions.KeyedCoProcessFunction;
import io.weir.api.functions.OpenContext;
import io.weir.api.state.ListState;
import io.weir.api.state.ListStateDescriptor;
import io.weir.api.state.ValueState;
import io.weir.api.state.ValueStateDescriptor;
import io.weir.api.tuple.Tuple2;
import io.weir.api.tuple.Tuple3;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.stream.LongStream;

import static io.weir.runtime.jobs.TestJobs.collectAll;
import static io.weir.runtime.jobs.TestJobs.environment;
import static io.weir.runtime.jobs.TestJobs.multiset;
import static org.assertj.core.api.Assertions.assertThat;

/** connect with CoMap, CoFlatMap, CoProcess, and keyed connect with shared keyed state (a join). */
class ConnectedStreamsITCase {
    private static final int N = 10_000;
    private static final int CUSTOMERS = 500;
    private static final OutputTag<Long> EVENS = new OutputTag<>("evens") {};

    @AfterEach
    void clearSinks() {
        CollectingSink.clearAll();
    }

    @ParameterizedTest(name = "parallelism {0}")
    @ValueSource(ints = {1, 2, 4})
    void coMapAppliesOneFunctionPerInput(int parallelism) throws Exception {
        StreamExecutionEnvironment env = environment(parallelism);
        List<String> words = words(new Random(7), 3_000);
        List<String> out = collectAll(env.fromSequence(1, N)
                .connect(env.fromCollection(words))
                .map(new NumberOrWordLength()));

        List<String> expected = new ArrayList<>();
        for (long x = 1; x <= N; x++) {
            expected.add("n" + x);
        }
        for (String w : words) {
            expected.add("w" + w.length());
        }
        assertThat(multiset(out)).isEqualTo(multiset(expected));
    }

    @ParameterizedTest(name = "parallelism {0}")
    @ValueSource(ints = {1, 2, 4})
    void coFlatMapEmitsAnyNumberOfRecordsPerInputRecord(int parallelism) throws Exception {
        StreamExecutionEnvironment env = environment(parallelism);
        List<String> sentences = new ArrayList<>();
        Random random = new Random(11);
        for (int i = 0; i < 2_000; i++) {
            sentences.add(String.join(" ", words(random, random.nextInt(5))));
        }
        List<String> out = collectAll(env.fromSequence(1, N)
                .connect(env.fromCollection(sentences).rebalance())
                .flatMap(new SignsAndWords()));

        List<String> expected = new ArrayList<>();
        for (long x = 1; x <= N; x++) {
            expected.add(Long.toString(x));
            expected.add(Long.toString(-x));
        }
        for (String s : sentences) {
            for (String w : s.split(" ")) {
                if (!w.isEmpty()) {
                    expected.add(w);
                }
            }
        }
        assertThat(multiset(out)).isEqualTo(multiset(expected));
    }

    @ParameterizedTest(name = "parallelism {0}")
    @ValueSource(ints = {1, 2, 4})
    void coProcessWritesMainAndSideOutputsFromBothInputs(int parallelism) throws Exception {
        StreamExecutionEnvironment env = environment(parallelism);
        List<String> words = words(new Random(13), 1_000);
        SingleOutputStreamOperator<String> main = env.fromSequence(1, N)
                .connect(env.fromCollection(words))
                .process(new OddsAndWordsToMainEvensToSide());
        main.sinkTo(CollectingSink.named("main"));
        main.getSideOutput(EVENS).sinkTo(CollectingSink.named("evens"));
        env.execute("co-process");

        List<String> expectedMain = new ArrayList<>();
        List<Long> expectedEvens = new ArrayList<>();
        for (long x = 1; x <= N; x++) {
            if (x % 2 == 1) {
                expectedMain.add("odd:" + x);
            } else {
                expectedEvens.add(x);
            }
        }
        for (String w : words) {
            expectedMain.add("word:" + w);
            expectedEvens.add((long) w.length() * 2);
        }
        assertThat(multiset(CollectingSink.<String>results("main"))).isEqualTo(multiset(expectedMain));
        assertThat(multiset(CollectingSink.<Long>results("evens"))).isEqualTo(multiset(expectedEvens));
    }

    @ParameterizedTest(name = "parallelism {0}")
    @ValueSource(ints = {1, 2, 4})
    void broadcastSecondInputReachesEverySubtaskOfTheCoFlatMap(int parallelism) throws Exception {
        StreamExecutionEnvironment env = environment(parallelism);
        List<String> words = words(new Random(17), 500);
        List<Tuple2<Integer, String>> out = collectAll(env.fromSequence(1, N)
                .connect(env.fromCollection(words).broadcast())
                .flatMap(new NumbersOnceWordsPerSubtask()));

        List<Tuple2<Integer, String>> expected = new ArrayList<>();
        for (int subtask = 0; subtask < parallelism; subtask++) {
            for (String w : words) {
                expected.add(Tuple2.of(subtask, w));
            }
        }
        List<Tuple2<Integer, String>> wordsPerSubtask = out.stream().filter(t -> t.f0 >= 0).toList();
        List<String> numbers = out.stream().filter(t -> t.f0 < 0).map(t -> t.f1).toList();
        assertThat(multiset(wordsPerSubtask)).isEqualTo(multiset(expected));
        assertThat(multiset(numbers)).isEqualTo(multiset(LongStream.rangeClosed(1, N).mapToObj(Long::toString).toList()));
    }

    @ParameterizedTest(name = "parallelism {0}")
    @ValueSource(ints = {1, 2, 4})
    void keyedStreamsConnectedOnTheirKeysJoinThroughSharedKeyedState(int parallelism) throws Exception {
        StreamExecutionEnvironment env = environment(parallelism);
        JoinInput input = JoinInput.generate(new Random(42));
        List<Tuple3<Integer, String, Long>> out = collectAll(input.orders(env).keyBy(o -> o.f1)
                .connect(input.customers(env).keyBy(c -> c.f0))
                .process(new JoinOrdersWithCustomers()));

        assertThat(multiset(out)).isEqualTo(multiset(input.expectedJoin()));
    }

    @ParameterizedTest(name = "parallelism {0}")
    @ValueSource(ints = {1, 2, 4})
    void connectedStreamsKeyedAfterwardsJoinThroughSharedKeyedState(int parallelism) throws Exception {
        StreamExecutionEnvironment env = environment(parallelism);
        JoinInput input = JoinInput.generate(new Random(43));
        List<Tuple3<Integer, String, Long>> out = collectAll(input.orders(env)
                .connect(input.customers(env))
                .keyBy(o -> o.f1, c -> c.f0)
                .process(new JoinOrdersWithCustomers()));

        assertThat(multiset(out)).isEqualTo(multiset(input.expectedJoin()));
    }

    private static List<String> words(Random random, int count) {
        List<String> words = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            StringBuilder w = new StringBuilder();
            int length = 1 + random.nextInt(8);
            for (int j = 0; j < length; j++) {
                w.append((char) ('a' + random.nextInt(26)));
            }
            words.add(w.toString());
        }
        return words;
    }

    /**
     * Orders (orderId, customerId, amount) read in parallel, and customers (customerId, name) in random order.
     * Every tenth customer id has no customer record, so its orders join nothing.
     */
    private record JoinInput(List<Tuple3<Integer, Integer, Long>> orders, List<Tuple2<Integer, String>> customers) {
        static JoinInput generate(Random random) {
            List<Tuple3<Integer, Integer, Long>> orders = new ArrayList<>();
            for (int i = 0; i < N; i++) {
                // Skewed: a third of the orders belong to customer 0.
                int customer = random.nextInt(3) == 0 ? 0 : random.nextInt(CUSTOMERS);
                orders.add(Tuple3.of(i, customer, (long) random.nextInt(1_000)));
            }
            List<Tuple2<Integer, String>> customers = new ArrayList<>();
            for (int c = 0; c < CUSTOMERS; c++) {
                if (c % 10 != 9) {
                    customers.add(Tuple2.of(c, "customer-" + c));
                }
            }
            Collections.shuffle(customers, random);
            return new JoinInput(orders, customers);
        }

        DataStream<Tuple3<Integer, Integer, Long>> orders(StreamExecutionEnvironment env) {
            return env.fromSource(new CollectionSource<>(orders), WatermarkStrategy.noWatermarks(), "orders");
        }

        DataStream<Tuple2<Integer, String>> customers(StreamExecutionEnvironment env) {
            return env.fromCollection(customers);
        }

        List<Tuple3<Integer, String, Long>> expectedJoin() {
            Map<Integer, String> names = new HashMap<>();
            for (Tuple2<Integer, String> c : customers) {
                names.put(c.f0, c.f1);
            }
            List<Tuple3<Integer, String, Long>> joined = new ArrayList<>();
            for (Tuple3<Integer, Integer, Long> o : orders) {
                String name = names.get(o.f1);
                if (name != null) {
                    joined.add(Tuple3.of(o.f0, name, o.f2));
                }
            }
            return joined;
        }
    }

    static final class NumberOrWordLength implements CoMapFunction<Long, String, String> {
        @Override
        public String map1(Long value) {
            return "n" + value;
        }

        @Override
        public String map2(String value) {
            return "w" + value.length();
        }
    }

    static final class SignsAndWords implements CoFlatMapFunction<Long, String, String> {
        @Override
        public void flatMap1(Long value, Collector<String> out) {
            out.collect(Long.toString(value));
            out.collect(Long.toString(-value));
        }

        @Override
        public void flatMap2(String sentence, Collector<String> out) {
            for (String w : sentence.split(" ")) {
                if (!w.isEmpty()) {
                    out.collect(w);
                }
            }
        }
    }

    /**
     * Numbers pass through as (-1, n); each word is tagged with the subtask that received it. (Weir has no
     * RichCoFlatMapFunction: a rich function base class plus the interface does the same.)
     */
    static final class NumbersOnceWordsPerSubtask extends AbstractRichFunction
            implements CoFlatMapFunction<Long, String, Tuple2<Integer, String>> {
        @Override
        public void flatMap1(Long value, Collector<Tuple2<Integer, String>> out) {
            out.collect(Tuple2.of(-1, Long.toString(value)));
        }

        @Override
        public void flatMap2(String word, Collector<Tuple2<Integer, String>> out) {
            out.collect(Tuple2.of(getRuntimeContext().getIndexOfThisSubtask(), word));
        }
    }

    static final class OddsAndWordsToMainEvensToSide extends CoProcessFunction<Long, String, String> {
        @Override
        public void processElement1(Long x, Context ctx, Collector<String> out) {
            if (x % 2 == 1) {
                out.collect("odd:" + x);
            } else {
                ctx.output(EVENS, x);
            }
        }

        @Override
        public void processElement2(String w, Context ctx, Collector<String> out) {
            out.collect("word:" + w);
            ctx.output(EVENS, (long) w.length() * 2);
        }
    }

    /**
     * Joins orders (orderId, customerId, amount) with customers (customerId, name) in either arrival order:
     * orders that arrive before their customer wait in list state; the customer's name is value state.
     */
    static final class JoinOrdersWithCustomers
            extends KeyedCoProcessFunction<Integer, Tuple3<Integer, Integer, Long>, Tuple2<Integer, String>,
            Tuple3<Integer, String, Long>> {
        private transient ValueState<String> name;
        private transient ListState<Tuple3<Integer, Integer, Long>> waiting;

        @Override
        @SuppressWarnings({"unchecked", "rawtypes"})
        public void open(OpenContext openContext) {
            name = getRuntimeContext().getState(new ValueStateDescriptor<>("name", String.class));
            waiting = getRuntimeContext().getListState(new ListStateDescriptor<>("waiting", (Class) Tuple3.class));
        }

        @Override
        public void processElement1(Tuple3<Integer, Integer, Long> order, Context ctx,
                                    Collector<Tuple3<Integer, String, Long>> out) throws Exception {
            checkKey(ctx.getCurrentKey(), order.f1);
            String customer = name.value();
            if (customer == null) {
                waiting.add(order);
            } else {
                out.collect(Tuple3.of(order.f0, customer, order.f2));
            }
        }

        @Override
        public void processElement2(Tuple2<Integer, String> customer, Context ctx,
                                    Collector<Tuple3<Integer, String, Long>> out) throws Exception {
            checkKey(ctx.getCurrentKey(), customer.f0);
            if (name.value() != null) {
                throw new IllegalStateException("Customer " + customer.f0 + " arrived twice");
            }
            name.update(customer.f1);
            for (Tuple3<Integer, Integer, Long> order : waiting.get()) {
                out.collect(Tuple3.of(order.f0, customer.f1, order.f2));
            }
            waiting.clear();
        }

        private static void checkKey(Integer currentKey, Integer recordKey) {
            if (!recordKey.equals(currentKey)) {
                throw new IllegalStateException("Current key " + currentKey + " but the record's key is " + recordKey);
            }
        }
    }
}
