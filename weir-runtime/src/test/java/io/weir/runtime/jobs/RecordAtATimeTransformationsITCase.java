package io.weir.runtime.jobs;

import io.weir.api.common.OutputTag;
import io.weir.api.datastream.DataStream;
import io.weir.api.datastream.SingleOutputStreamOperator;
import io.weir.api.environment.StreamExecutionEnvironment;
import io.weir.api.functions.Collector;
import io.weir.api.functions.ProcessFunction;
import io.weir.api.tuple.Tuple2;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import static io.weir.runtime.jobs.TestJobs.collectAll;
import static io.weir.runtime.jobs.TestJobs.environment;
import static io.weir.runtime.jobs.TestJobs.multiset;
import static org.assertj.core.api.Assertions.assertThat;

/** map, flatMap, filter, process with side outputs, and union, at several parallelisms. */
class RecordAtATimeTransformationsITCase {
    private static final int N = 20_000;
    private static final OutputTag<String> MULTIPLES_OF_THREE = new OutputTag<>("multiples-of-three") {};
    private static final OutputTag<Long> MULTIPLES_OF_FIVE = new OutputTag<>("multiples-of-five") {};
    private static final OutputTag<Long> NOBODY_READS_THIS = new OutputTag<>("unread") {};

    @AfterEach
    void clearSinks() {
        CollectingSink.clearAll();
    }

    @ParameterizedTest(name = "parallelism {0}")
    @ValueSource(ints = {1, 2, 4})
    void mapFlatMapAndFilterChainProducesWhatAPlainLoopProduces(int parallelism) throws Exception {
        StreamExecutionEnvironment env = environment(parallelism);
        List<String> out = collectAll(env.fromSequence(1, N)
                .map(x -> x * 3)
                .filter(x -> x % 2 == 0)
                .flatMap((Long x, Collector<Long> o) -> {
                    for (long i = 0; i < x % 4; i++) {
                        o.collect(x + i);
                    }
                })
                .map(x -> "v" + x));

        List<String> expected = new ArrayList<>();
        for (long x = 1; x <= N; x++) {
            long m = x * 3;
            if (m % 2 == 0) {
                for (long i = 0; i < m % 4; i++) {
                    expected.add("v" + (m + i));
                }
            }
        }
        assertThat(expected).isNotEmpty();
        assertThat(multiset(out)).isEqualTo(multiset(expected));
    }

    @ParameterizedTest(name = "parallelism {0}")
    @ValueSource(ints = {1, 2, 4})
    void filterThatRejectsEverythingEndsTheJobWithNoOutput(int parallelism) throws Exception {
        StreamExecutionEnvironment env = environment(parallelism);
        List<Long> out = env.fromSequence(1, N).filter(x -> x < 0).map(x -> x + 1).executeAndCollect(10);
        assertThat(out).isEmpty();
    }

    @ParameterizedTest(name = "parallelism {0}")
    @ValueSource(ints = {1, 2, 4})
    void processFunctionSendsRecordsToMainAndSideOutputs(int parallelism) throws Exception {
        StreamExecutionEnvironment env = environment(parallelism);
        SingleOutputStreamOperator<Long> evens = env.fromSequence(1, N).process(new SplitByDivisors());
        evens.sinkTo(CollectingSink.named("main"));
        // One side output read by a chained sink, one through an exchange into a single subtask.
        evens.getSideOutput(MULTIPLES_OF_THREE).sinkTo(CollectingSink.named("threes"));
        evens.getSideOutput(MULTIPLES_OF_FIVE).map(x -> x / 5).setParallelism(1)
                .sinkTo(CollectingSink.named("fifths")).setParallelism(1);
        env.execute("side outputs");

        List<Long> main = new ArrayList<>();
        List<String> threes = new ArrayList<>();
        List<Long> fifths = new ArrayList<>();
        for (long x = 1; x <= N; x++) {
            if (x % 2 == 0) {
                main.add(x);
            }
            if (x % 3 == 0) {
                threes.add("three:" + x);
            }
            if (x % 5 == 0) {
                fifths.add(x / 5);
            }
        }
        assertThat(multiset(CollectingSink.<Long>results("main"))).isEqualTo(multiset(main));
        assertThat(multiset(CollectingSink.<String>results("threes"))).isEqualTo(multiset(threes));
        assertThat(multiset(CollectingSink.<Long>results("fifths"))).isEqualTo(multiset(fifths));
    }

    @ParameterizedTest(name = "parallelism {0}")
    @ValueSource(ints = {1, 2, 4})
    void unionOfTwoStreamsHasTheRecordsOfBoth(int parallelism) throws Exception {
        StreamExecutionEnvironment env = environment(parallelism);
        DataStream<Long> numbers = env.fromSequence(1, N);
        DataStream<Long> negatives = env.fromElements(-1L, -2L, -3L, -4L, -5L);
        List<Long> out = collectAll(numbers.union(negatives).map(x -> x * 10));

        List<Long> expected = new ArrayList<>();
        for (long x = 1; x <= N; x++) {
            expected.add(x * 10);
        }
        for (long x = -1; x >= -5; x--) {
            expected.add(x * 10);
        }
        assertThat(multiset(out)).isEqualTo(multiset(expected));
    }

    @ParameterizedTest(name = "parallelism {0}")
    @ValueSource(ints = {1, 2, 4})
    void unionOfAStreamWithItselfHasEveryRecordTwice(int parallelism) throws Exception {
        StreamExecutionEnvironment env = environment(parallelism);
        DataStream<Long> numbers = env.fromSequence(1, N);
        DataStream<Long> rebalanced = numbers.rebalance();
        List<Long> out = collectAll(numbers.union(numbers, rebalanced, rebalanced).map(x -> x + 1));

        List<Long> expected = new ArrayList<>();
        for (long x = 1; x <= N; x++) {
            for (int copy = 0; copy < 4; copy++) {
                expected.add(x + 1);
            }
        }
        assertThat(multiset(out)).isEqualTo(multiset(expected));
    }

    @ParameterizedTest(name = "parallelism {0}")
    @ValueSource(ints = {1, 2, 4})
    void unionOfThreeStreamsOfDifferentParallelismsFeedsAKeyedCount(int parallelism) throws Exception {
        StreamExecutionEnvironment env = environment(parallelism);
        DataStream<String> a = env.fromSequence(0, N - 1).map(x -> "w" + x % 7);
        DataStream<String> b = env.fromSequence(0, N / 2 - 1).map(x -> "w" + x % 11).setParallelism(3);
        DataStream<String> c = env.fromElements("w0", "w1", "w100");
        List<Tuple2<String, Integer>> out = collectAll(a.union(b, c)
                .map(w -> Tuple2.of(w, 1))
                .keyBy(t -> t.f0)
                .sum(1));

        Map<String, Integer> expected = new TreeMap<>();
        for (long x = 0; x < N; x++) {
            expected.merge("w" + x % 7, 1, Integer::sum);
        }
        for (long x = 0; x < N / 2; x++) {
            expected.merge("w" + x % 11, 1, Integer::sum);
        }
        for (String w : List.of("w0", "w1", "w100")) {
            expected.merge(w, 1, Integer::sum);
        }
        assertThat(out).hasSize(N + N / 2 + 3);
        Map<String, Integer> finalCounts = new TreeMap<>();
        PerKey.last(out, t -> t.f0).forEach((k, t) -> finalCounts.put(k, t.f1));
        assertThat(finalCounts).isEqualTo(expected);
    }

    /** Evens to the main output; multiples of 3 and 5 to side outputs; everything to a side output nobody reads. */
    static final class SplitByDivisors extends ProcessFunction<Long, Long> {
        @Override
        public void processElement(Long x, Context ctx, Collector<Long> out) {
            if (x % 2 == 0) {
                out.collect(x);
            }
            if (x % 3 == 0) {
                ctx.output(MULTIPLES_OF_THREE, "three:" + x);
            }
            if (x % 5 == 0) {
                ctx.output(MULTIPLES_OF_FIVE, x);
            }
            ctx.output(NOBODY_READS_THIS, x);
        }
    }
}
