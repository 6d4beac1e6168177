package io.weir.runtime.jobs;

import io.weir.api.common.JobExecutionResult;
import io.weir.api.datastream.DataStream;
import io.weir.api.environment.StreamExecutionEnvironment;
import io.weir.api.functions.Collector;
import io.weir.api.functions.OpenContext;
import io.weir.api.functions.RichMapFunction;
import io.weir.api.tuple.Tuple2;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import static io.weir.runtime.jobs.TestJobs.environment;
import static io.weir.runtime.jobs.TestJobs.multiset;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Where records go between operators: each partitioner's routing, seen from the records themselves (every
 * record is tagged with the producer subtask and its position there, then with the consumer subtask).
 */
class PartitionersITCase {
    private static final int N = 20_000;

    @AfterEach
    void clearSinks() {
        CollectingSink.clearAll();
    }

    @ParameterizedTest(name = "parallelism {0}")
    @ValueSource(ints = {1, 2, 4})
    void rebalanceSendsEachProducersRecordsRoundRobinToAllConsumers(int parallelism) throws Exception {
        StreamExecutionEnvironment env = environment(parallelism);
        List<Hop> hops = route(env, DataStream::rebalance, parallelism);

        assertEveryValueArrivedOnce(hops);
        assertChannelsKeepOrder(hops);
        Map<Integer, Map<Integer, Integer>> counts = countsPerProducerAndConsumer(hops);
        assertThat(counts.keySet()).containsExactlyInAnyOrderElementsOf(subtasks(parallelism));
        for (Map<Integer, Integer> perConsumer : counts.values()) {
            assertThat(perConsumer.keySet()).containsExactlyInAnyOrderElementsOf(subtasks(parallelism));
            assertRoundRobin(perConsumer);
        }
    }

    @ParameterizedTest(name = "parallelism {0}")
    @ValueSource(ints = {1, 2, 4})
    void rescaleToMoreConsumersSendsEachProducerToItsOwnShareOfConsumers(int parallelism) throws Exception {
        StreamExecutionEnvironment env = environment(parallelism);
        int consumers = parallelism * 2;
        List<Hop> hops = route(env, DataStream::rescale, consumers);

        assertEveryValueArrivedOnce(hops);
        assertChannelsKeepOrder(hops);
        Map<Integer, Map<Integer, Integer>> counts = countsPerProducerAndConsumer(hops);
        assertThat(counts.keySet()).containsExactlyInAnyOrderElementsOf(subtasks(parallelism));
        List<Integer> reached = new ArrayList<>();
        for (Map<Integer, Integer> perConsumer : counts.values()) {
            assertThat(perConsumer).hasSize(consumers / parallelism);
            reached.addAll(perConsumer.keySet());
            assertRoundRobin(perConsumer);
        }
        assertThat(reached).as("every consumer is fed by exactly one producer")
                .containsExactlyInAnyOrderElementsOf(subtasks(consumers));
    }

    @ParameterizedTest(name = "parallelism {0}")
    @ValueSource(ints = {1, 2, 4})
    void rescaleToFewerConsumersSendsEachProducerToOneConsumer(int parallelism) throws Exception {
        StreamExecutionEnvironment env = environment(parallelism);
        int consumers = Math.max(1, parallelism / 2);
        List<Hop> hops = route(env, DataStream::rescale, consumers);

        assertEveryValueArrivedOnce(hops);
        assertChannelsKeepOrder(hops);
        Map<Integer, Map<Integer, Integer>> counts = countsPerProducerAndConsumer(hops);
        assertThat(counts.keySet()).containsExactlyInAnyOrderElementsOf(subtasks(parallelism));
        Map<Integer, Set<Integer>> producersOfConsumer = new TreeMap<>();
        counts.forEach((producer, perConsumer) -> {
            assertThat(perConsumer).hasSize(1);
            producersOfConsumer.computeIfAbsent(perConsumer.keySet().iterator().next(), c -> new TreeSet<>())
                    .add(producer);
        });
        assertThat(producersOfConsumer.keySet()).containsExactlyInAnyOrderElementsOf(subtasks(consumers));
        for (Set<Integer> producers : producersOfConsumer.values()) {
            assertThat(producers).hasSize(parallelism / consumers);
        }
    }

    @ParameterizedTest(name = "parallelism {0}")
    @ValueSource(ints = {1, 2, 4})
    void shuffleSpreadsRecordsOverAllConsumers(int parallelism) throws Exception {
        StreamExecutionEnvironment env = environment(parallelism);
        List<Hop> hops = route(env, DataStream::shuffle, parallelism);

        assertEveryValueArrivedOnce(hops);
        assertChannelsKeepOrder(hops);
        Map<Integer, Long> perConsumer = hops.stream().collect(Collectors.groupingBy(Hop::to, Collectors.counting()));
        assertThat(perConsumer.keySet()).containsExactlyInAnyOrderElementsOf(subtasks(parallelism));
        // Uniformly random: each consumer's share is near N / parallelism (the bound is ~30 standard deviations).
        for (long count : perConsumer.values()) {
            assertThat(count).isBetween((long) (0.8 * N / parallelism), (long) (1.2 * N / parallelism));
        }
    }

    @ParameterizedTest(name = "parallelism {0}")
    @ValueSource(ints = {1, 2, 4})
    void broadcastDeliversEveryRecordToEveryConsumer(int parallelism) throws Exception {
        StreamExecutionEnvironment env = environment(parallelism);
        int n = 5_000;
        DataStream<Tagged> broadcast = tagged(env, n).broadcast();
        // Consumers with the producers' parallelism and with one more subtask.
        broadcast.map(new RecordConsumer()).sinkTo(CollectingSink.named("same"));
        broadcast.map(new RecordConsumer()).setParallelism(parallelism + 1)
                .sinkTo(CollectingSink.named("more")).setParallelism(parallelism + 1);
        env.execute("broadcast");

        Map<Long, Integer> once = multiset(longsBelow(n));
        for (String sink : List.of("same", "more")) {
            List<Hop> hops = CollectingSink.results(sink);
            Map<Integer, List<Long>> valuesPerConsumer = new TreeMap<>();
            for (Hop hop : hops) {
                valuesPerConsumer.computeIfAbsent(hop.to(), c -> new ArrayList<>()).add(hop.value());
            }
            int consumers = sink.equals("same") ? parallelism : parallelism + 1;
            assertThat(valuesPerConsumer.keySet()).as(sink).containsExactlyInAnyOrderElementsOf(subtasks(consumers));
            for (List<Long> values : valuesPerConsumer.values()) {
                assertThat(multiset(values)).as(sink).isEqualTo(once);
            }
            assertChannelsKeepOrder(hops);
        }
    }

    @ParameterizedTest(name = "parallelism {0}")
    @ValueSource(ints = {1, 2, 4})
    void forwardKeepsRecordsInTheSameSubtaskWhetherChainedOrNot(int parallelism) throws Exception {
        StreamExecutionEnvironment env = environment(parallelism);
        DataStream<Tagged> tagged = tagged(env, N);
        tagged.forward().map(new RecordConsumer()).sinkTo(CollectingSink.named("chained"));
        tagged.forward().map(new RecordConsumer()).disableChaining().sinkTo(CollectingSink.named("exchanged"));
        env.execute("forward");

        for (String sink : List.of("chained", "exchanged")) {
            List<Hop> hops = CollectingSink.results(sink);
            assertEveryValueArrivedOnce(hops);
            assertChannelsKeepOrder(hops);
            assertThat(hops).as(sink).allSatisfy(hop -> assertThat(hop.to()).isEqualTo(hop.from()));
        }
    }

    @ParameterizedTest(name = "parallelism {0}")
    @ValueSource(ints = {1, 2, 4})
    void forwardBetweenDifferentParallelismsIsRejectedAtSubmission(int parallelism) {
        StreamExecutionEnvironment env = environment(parallelism);
        env.fromSequence(0, 10).forward().map(x -> x).setParallelism(parallelism + 1)
                .sinkTo(CollectingSink.named("never"));

        assertThatThrownBy(() -> env.execute("bad forward"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("forward() from")
                .hasMessageContaining("parallelism " + parallelism)
                .hasMessageContaining("parallelism " + (parallelism + 1));
    }

    @ParameterizedTest(name = "parallelism {0}")
    @ValueSource(ints = {1, 2, 4})
    void parallelismMayChangeFromOperatorToOperator(int parallelism) throws Exception {
        StreamExecutionEnvironment env = environment(parallelism);
        env.fromSequence(1, N)
                .map(new ParallelismProbe<Long>("source-side", parallelism))
                .map(x -> x * 2).setParallelism(3)
                .map(new ParallelismProbe<Long>("three", 3)).setParallelism(3)
                .filter(x -> x % 3 != 0).setParallelism(1)
                .map(new ParallelismProbe<Long>("one", 1)).setParallelism(1)
                .flatMap((Long x, Collector<Long> out) -> {
                    out.collect(x);
                    out.collect(x + 1);
                }).setParallelism(2)
                .map(new ParallelismProbe<Long>("two", 2)).setParallelism(2)
                .rescale()
                .map(new ParallelismProbe<Long>("five", 5)).setParallelism(5)
                .map(x -> Tuple2.of(x % 10, x))
                .keyBy(0)
                .sum(1).setParallelism(3)
                .sinkTo(CollectingSink.named("sums")).setParallelism(3);
        JobExecutionResult result = env.execute("parallelism changes");

        assertThat(result.<Long>getAccumulatorResult("subtasks of source-side")).isEqualTo(parallelism);
        assertThat(result.<Long>getAccumulatorResult("subtasks of three")).isEqualTo(3L);
        assertThat(result.<Long>getAccumulatorResult("subtasks of one")).isEqualTo(1L);
        assertThat(result.<Long>getAccumulatorResult("subtasks of two")).isEqualTo(2L);
        assertThat(result.<Long>getAccumulatorResult("subtasks of five")).isEqualTo(5L);
        Map<Long, Long> expected = new TreeMap<>();
        long records = 0;
        for (long x = 1; x <= N; x++) {
            long doubled = x * 2;
            if (doubled % 3 != 0) {
                for (long y : new long[] {doubled, doubled + 1}) {
                    expected.merge(y % 10, y, Long::sum);
                    records++;
                }
            }
        }
        List<Tuple2<Long, Long>> sums = CollectingSink.results("sums");
        assertThat(sums).hasSize((int) records);
        Map<Long, Long> finalSums = new TreeMap<>();
        PerKey.last(sums, t -> t.f0).forEach((k, t) -> finalSums.put(k, t.f1));
        assertThat(finalSums).isEqualTo(expected);
    }

    // ----------------------------------------------------------------------------------- helpers

    /** A record as it left its producer: the producer subtask, and how many records that subtask sent before it. */
    record Tagged(long value, int from, long seq) {
    }

    /** A record as it arrived: {@link Tagged} plus the consumer subtask. */
    record Hop(long value, int from, long seq, int to) {
    }

    /**
     * The longs {@code 0..n-1}, spread evenly over the subtasks of a tagging operator. (Readers of a parallel
     * source take splits as they go, so a fast reader may read all of them; the rebalance makes sure that every
     * producer subtask of the exchange under test has records to send.)
     */
    private static DataStream<Tagged> tagged(StreamExecutionEnvironment env, int n) {
        return env.fromSequence(0, n - 1).rebalance().map(new TagWithProducer());
    }

    /** Tags records from a parallel source, re-partitions them with {@code partitioner}, records the arrival. */
    private static List<Hop> route(StreamExecutionEnvironment env,
                                   Function<DataStream<Tagged>, DataStream<Tagged>> partitioner, int consumers)
            throws Exception {
        DataStream<Tagged> tagged = tagged(env, N);
        partitioner.apply(tagged).map(new RecordConsumer()).setParallelism(consumers)
                .sinkTo(CollectingSink.named("hops")).setParallelism(consumers);
        env.execute("partitioning");
        return CollectingSink.results("hops");
    }

    private static void assertEveryValueArrivedOnce(List<Hop> hops) {
        assertThat(multiset(hops.stream().map(Hop::value).toList())).isEqualTo(multiset(longsBelow(N)));
    }

    /** Records from one producer subtask reach one consumer subtask in the order they were sent. */
    private static void assertChannelsKeepOrder(List<Hop> hops) {
        Map<List<Integer>, Long> lastSeq = new HashMap<>();
        for (Hop hop : hops) {
            Long previous = lastSeq.put(List.of(hop.from(), hop.to()), hop.seq());
            if (previous != null) {
                assertThat(hop.seq()).as("channel %s -> %s", hop.from(), hop.to()).isGreaterThan(previous);
            }
        }
    }

    private static Map<Integer, Map<Integer, Integer>> countsPerProducerAndConsumer(List<Hop> hops) {
        Map<Integer, Map<Integer, Integer>> counts = new TreeMap<>();
        for (Hop hop : hops) {
            counts.computeIfAbsent(hop.from(), p -> new TreeMap<>()).merge(hop.to(), 1, Integer::sum);
        }
        return counts;
    }

    private static void assertRoundRobin(Map<Integer, Integer> recordsPerConsumer) {
        int min = recordsPerConsumer.values().stream().mapToInt(Integer::intValue).min().orElseThrow();
        int max = recordsPerConsumer.values().stream().mapToInt(Integer::intValue).max().orElseThrow();
        assertThat(max - min).as("records per consumer %s", recordsPerConsumer).isLessThanOrEqualTo(1);
    }

    private static List<Integer> subtasks(int parallelism) {
        return IntStream.range(0, parallelism).boxed().toList();
    }

    /** The longs {@code 0..n-1}. */
    private static List<Long> longsBelow(long n) {
        List<Long> values = new ArrayList<>();
        for (long v = 0; v < n; v++) {
            values.add(v);
        }
        return values;
    }

    static final class TagWithProducer extends RichMapFunction<Long, Tagged> {
        private transient long sent;

        @Override
        public Tagged map(Long value) {
            return new Tagged(value, getRuntimeContext().getIndexOfThisSubtask(), sent++);
        }
    }

    static final class RecordConsumer extends RichMapFunction<Tagged, Hop> {
        @Override
        public Hop map(Tagged t) {
            return new Hop(t.value(), t.from(), t.seq(), getRuntimeContext().getIndexOfThisSubtask());
        }
    }

    /** Passes records through; counts its subtasks in an accumulator and checks the parallelism it runs with. */
    static final class ParallelismProbe<T> extends RichMapFunction<T, T> {
        private final String stage;
        private final int expectedParallelism;

        ParallelismProbe(String stage, int expectedParallelism) {
            this.stage = stage;
            this.expectedParallelism = expectedParallelism;
        }

        @Override
        public void open(OpenContext openContext) {
            getRuntimeContext().getLongCounter("subtasks of " + stage).add(1L);
            int actual = getRuntimeContext().getNumberOfParallelSubtasks();
            if (actual != expectedParallelism) {
                throw new IllegalStateException(stage + " runs with parallelism " + actual + ", expected "
                        + expectedParallelism);
            }
        }

        @Override
        public T map(T value) {
            return value;
        }
    }
}
