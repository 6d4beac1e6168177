package io.weir.runtime.differential;

import io.weir.api.common.OutputTag;
import io.weir.api.datastream.DataStream;
import io.weir.api.datastream.SingleOutputStreamOperator;
import io.weir.api.functions.Collector;
import io.weir.api.functions.ProcessFunction;
import io.weir.api.functions.RichMapFunction;
import io.weir.api.tuple.Tuple2;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import static io.weir.runtime.differential.DifferentialHarness.runInBothModes;

/**
 * Jobs without keyed state or aggregation: both modes must emit the same records (as multisets), and those
 * must be the records an oracle computes from the same seeded input.
 */
@Timeout(120)
class StatelessJobsITCase {
    private static final OutputTag<String> ODD = new OutputTag<>("odd") {};
    private static final OutputTag<Integer> FIVES = new OutputTag<>("fives") {};

    static Stream<Arguments> parallelismsAndInputs() {
        List<Arguments> args = new ArrayList<>();
        for (int p : new int[]{1, 2, 4}) {
            args.add(Arguments.of(p, InputSpec.uniform(11, 50_000, 20_000)));
            args.add(Arguments.of(p, InputSpec.empty(12)));
        }
        return args.stream();
    }

    @ParameterizedTest(name = "parallelism {0}, {1}")
    @MethodSource("parallelismsAndInputs")
    void mapFilterFlatMapChainEmitsTheSameRecords(int parallelism, InputSpec input) {
        List<Long> expected = new ArrayList<>();
        input.forEach((k, v) -> {
            long x = k * 1000L + v;
            if (x % 3 != 0) {
                expected.add(x);
                if (x % 2 == 0) {
                    expected.add(-x);
                }
            }
        });
        runInBothModes("map/filter/flatMap chain over " + input, parallelism, env -> input.source(env)
                .map(t -> t.f0 * 1000L + t.f1)
                .filter(x -> x % 3 != 0)
                .flatMap((Long x, Collector<Long> out) -> {
                    out.collect(x);
                    if (x % 2 == 0) {
                        out.collect(-x);
                    }
                })
        ).assertBothEqual(expected);
    }

    /** Three different producers, one of them at parallelism 1, and one stream unioned with itself. */
    @ParameterizedTest(name = "parallelism {0}")
    @ValueSource(ints = {1, 2, 4})
    void unionEmitsTheRecordsOfAllInputs(int parallelism) {
        InputSpec a = InputSpec.uniform(21, 20_000, 5_000);
        InputSpec b = InputSpec.skewed(22, 10_000, 1_000);
        List<String> expected = new ArrayList<>();
        a.forEach((k, v) -> {
            expected.add("A" + k + ":" + v);
            expected.add("A" + k + ":" + v);
            expected.add("C" + v);
        });
        b.forEach((k, v) -> {
            if (v < 500) {
                expected.add("B" + k);
            }
        });
        runInBothModes("union of " + a + " (twice), " + b + " and a sequential read of " + a, parallelism, env -> {
            DataStream<String> fromA = a.source(env).map(t -> "a" + t.f0 + ":" + t.f1);
            DataStream<String> fromB = b.source(env).filter(t -> t.f1 < 500).map(t -> "b" + t.f0);
            DataStream<String> sequential = a.sequentialSource(env).map(t -> "c" + t.f1).setParallelism(1);
            return fromA.union(fromB, sequential, fromA).map(String::toUpperCase);
        }).assertBothEqual(expected);
    }

    enum Redistribution { REBALANCE, RESCALE, SHUFFLE }

    static Stream<Arguments> parallelismsAndRedistributions() {
        List<Arguments> args = new ArrayList<>();
        for (int p : new int[]{1, 2, 4}) {
            for (Redistribution r : Redistribution.values()) {
                args.add(Arguments.of(p, r));
            }
        }
        return args.stream();
    }

    /** Into a consumer of a different parallelism, so every record crosses an exchange. */
    @ParameterizedTest(name = "parallelism {0}, {1}")
    @MethodSource("parallelismsAndRedistributions")
    void redistributionKeepsEveryRecordOnce(int parallelism, Redistribution redistribution) {
        InputSpec input = InputSpec.uniform(31, 30_000, 30_000);
        List<Tuple2<Integer, Integer>> expected = new ArrayList<>();
        input.forEach((k, v) -> expected.add(Tuple2.of(k, v + 1)));
        runInBothModes(redistribution + " over " + input, parallelism, Settings.tinyMemory(), env -> {
            DataStream<Tuple2<Integer, Integer>> in = input.source(env);
            DataStream<Tuple2<Integer, Integer>> moved = switch (redistribution) {
                case REBALANCE -> in.rebalance();
                case RESCALE -> in.rescale();
                case SHUFFLE -> in.shuffle();
            };
            return moved.map(t -> Tuple2.of(t.f0, t.f1 + 1)).setParallelism(parallelism + 1);
        }).assertBothEqual(expected);
    }

    /** Every subtask of the consumer receives every record: the output pairs each record with each subtask. */
    @ParameterizedTest(name = "parallelism {0}")
    @ValueSource(ints = {1, 2, 4})
    void broadcastSendsEveryRecordToEverySubtask(int parallelism) {
        InputSpec input = InputSpec.uniform(41, 5_000, 1_000);
        int consumers = parallelism + 1;
        List<Tuple2<Integer, Tuple2<Integer, Integer>>> expected = new ArrayList<>();
        input.forEach((k, v) -> {
            for (int s = 0; s < consumers; s++) {
                expected.add(Tuple2.of(s, Tuple2.of(k, v)));
            }
        });
        runInBothModes("broadcast over " + input, parallelism, env -> input.source(env)
                .broadcast()
                .map(new WithSubtask<Tuple2<Integer, Integer>>()).setParallelism(consumers)
        ).assertBothEqual(expected);
    }

    /** Main output and two side outputs of different types, one of them at another parallelism, unioned. */
    @ParameterizedTest(name = "parallelism {0}")
    @ValueSource(ints = {1, 2, 4})
    void sideOutputsCarryTheSameRecordsInBothModes(int parallelism) {
        InputSpec input = InputSpec.skewed(51, 40_000, 2_000);
        List<String> expected = new ArrayList<>();
        input.forEach((k, v) -> {
            expected.add(v % 2 == 0 ? "even:" + k + ":" + v : "odd:" + k);
            if (v % 5 == 0) {
                expected.add("five:" + v);
            }
        });
        runInBothModes("side outputs over " + input, parallelism, env -> {
            SingleOutputStreamOperator<String> main = input.source(env).process(new SplitByParity());
            DataStream<String> fives = main.getSideOutput(FIVES).map(v -> "five:" + v).setParallelism(parallelism + 1);
            return main.union(main.getSideOutput(ODD), fives);
        }).assertBothEqual(expected);
    }

    /** Even values to the main output, odd ones to the side output {@link #ODD}, multiples of 5 also to {@link #FIVES}. */
    private static final class SplitByParity extends ProcessFunction<Tuple2<Integer, Integer>, String> {
        @Override
        public void processElement(Tuple2<Integer, Integer> value, Context ctx, Collector<String> out) {
            if (value.f1 % 2 == 0) {
                out.collect("even:" + value.f0 + ":" + value.f1);
            } else {
                ctx.output(ODD, "odd:" + value.f0);
            }
            if (value.f1 % 5 == 0) {
                ctx.output(FIVES, value.f1);
            }
        }
    }

    /** Pairs each record with the index of the subtask that saw it. */
    private static final class WithSubtask<T> extends RichMapFunction<T, Tuple2<Integer, T>> {
        @Override
        public Tuple2<Integer, T> map(T value) {
            return Tuple2.of(getRuntimeContext().getIndexOfThisSubtask(), value);
        }
    }
}
