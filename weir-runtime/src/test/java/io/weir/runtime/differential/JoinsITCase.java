package io.weir.runtime.differential;

import io.weir.api.connector.source.lib.CollectionSource;
import io.weir.api.connector.source.lib.NumberSequenceSource;
import io.weir.api.datastream.DataStream;
import io.weir.api.environment.StreamExecutionEnvironment;
import io.weir.api.eventtime.TimestampAssigner;
import io.weir.api.eventtime.WatermarkStrategy;
import io.weir.api.functions.Collector;
import io.weir.api.functions.MapFunction;
import io.weir.api.functions.ProcessFunction;
import io.weir.api.functions.ProcessJoinFunction;
import io.weir.api.tuple.Tuple2;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.io.Serializable;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import static io.weir.runtime.differential.DifferentialHarness.runInBothModes;

/**
 * Interval joins on seeded inputs with event timestamps, compared as multisets between the modes and with a
 * nested loop per key over the same input. STREAMING sees watermarks every millisecond, so buffers are freed
 * while the job runs; its inputs stray from timestamp order by less than their watermarks allow, so no record is
 * late and both modes must join every pair.
 */
@Timeout(180)
class JoinsITCase {
    /** How far a record's timestamp may stray from timestamp order, and the out-of-orderness its watermarks allow. */
    private static final long JITTER = 15;

    /**
     * Record {@code i} of {@code spec} stamped {@code step * i} plus up to {@link #JITTER} ms, read by a parallel
     * source whose readers each see ascending index ranges.
     */
    record TimedInput(InputSpec spec, long step) implements Serializable {
        long timestampOf(long index) {
            return step * index + spec.valueOf(index) % (JITTER + 1);
        }

        DataStream<Tuple2<Integer, Integer>> source(StreamExecutionEnvironment env, String name) {
            WatermarkStrategy<Long> strategy = WatermarkStrategy.<Long>forBoundedOutOfOrderness(
                    Duration.ofMillis(JITTER)).withTimestampAssigner(new IndexTimestamps(this));
            DataStream<Long> indices = spec.records() == 0
                    ? env.fromSource(new CollectionSource<Long>(List.of()), strategy, name)
                    : env.fromSource(new NumberSequenceSource(0, spec.records() - 1L), strategy, name);
            return indices.map(new ToRecord(spec));
        }

        @Override
        public String toString() {
            return spec + " every " + step + " ms";
        }
    }

    /** One record's side of a pair, for the oracle. */
    private record Timed(int value, long timestamp) {
    }

    static Stream<Arguments> joins() {
        List<Arguments> args = new ArrayList<>();
        Settings frequentWatermarks = Settings.defaults().with("pipeline.auto-watermark-interval", "1 ms");
        for (int p : new int[]{1, 2, 4}) {
            args.add(Arguments.of(p, new TimedInput(InputSpec.uniform(401, 20_000, 1_000), 2),
                    new TimedInput(InputSpec.uniform(1401, 15_000, 1_000), 3), -40L, 60L, frequentWatermarks));
            args.add(Arguments.of(p, new TimedInput(InputSpec.skewed(402, 8_000, 300), 3),
                    new TimedInput(InputSpec.skewed(1402, 8_000, 300), 3), -30L, -5L, frequentWatermarks));
            args.add(Arguments.of(p, new TimedInput(InputSpec.singleKey(403, 5_000), 1),
                    new TimedInput(InputSpec.singleKey(1403, 4_000), 1), 0L, 0L,
                    Settings.tinyMemory().with("pipeline.auto-watermark-interval", "1 ms")));
            args.add(Arguments.of(p, new TimedInput(InputSpec.uniform(404, 10_000, 500), 2),
                    new TimedInput(InputSpec.uniform(1404, 10_000, 500), 2), 5L, 50L,
                    Settings.tinyBuffers().with("pipeline.auto-watermark-interval", "1 ms")));
            args.add(Arguments.of(p, new TimedInput(InputSpec.uniform(405, 5_000, 500), 2),
                    new TimedInput(InputSpec.empty(1405), 2), -10L, 10L, frequentWatermarks));
        }
        return args.stream();
    }

    @ParameterizedTest(name = "parallelism {0}, left {1}, right {2}, [{3}, {4}], {5}")
    @MethodSource("joins")
    void intervalJoinGivesEveryPairOfAKeyInBothModes(int parallelism, TimedInput left, TimedInput right, long lower,
                                                     long upper, Settings settings) {
        List<String> expected = nestedLoopPerKey(left, right, lower, upper);
        runInBothModes("Interval join [" + lower + ", " + upper + "] of " + left + " and " + right, parallelism,
                settings, env -> left.source(env, "left").keyBy(t -> t.f0)
                        .intervalJoin(right.source(env, "right").keyBy(t -> t.f0))
                        .between(Duration.ofMillis(lower), Duration.ofMillis(upper))
                        .process(new Describe())
                        .process(new Stamp()))
                .assertBothEqual(expected);
    }

    private static List<String> nestedLoopPerKey(TimedInput left, TimedInput right, long lower, long upper) {
        Map<Integer, List<Timed>> rightByKey = new HashMap<>();
        for (long i = 0; i < right.spec().records(); i++) {
            rightByKey.computeIfAbsent(right.spec().keyOf(i), k -> new ArrayList<>())
                    .add(new Timed(right.spec().valueOf(i), right.timestampOf(i)));
        }
        List<String> pairs = new ArrayList<>();
        for (long i = 0; i < left.spec().records(); i++) {
            int key = left.spec().keyOf(i);
            Timed l = new Timed(left.spec().valueOf(i), left.timestampOf(i));
            for (Timed r : rightByKey.getOrDefault(key, List.of())) {
                if (r.timestamp() >= l.timestamp() + lower && r.timestamp() <= l.timestamp() + upper) {
                    pairs.add(key + ": " + l.value() + "@" + l.timestamp() + " + " + r.value() + "@" + r.timestamp()
                            + " => " + Math.max(l.timestamp(), r.timestamp()));
                }
            }
        }
        return pairs;
    }

    // ------------------------------------------------------------------------------------------ functions

    private static final class IndexTimestamps implements TimestampAssigner<Long> {
        private final TimedInput input;

        IndexTimestamps(TimedInput input) {
            this.input = input;
        }

        @Override
        public long extractTimestamp(Long index, long recordTimestamp) {
            return input.timestampOf(index);
        }
    }

    private static final class ToRecord implements MapFunction<Long, Tuple2<Integer, Integer>> {
        private final InputSpec spec;

        ToRecord(InputSpec spec) {
            this.spec = spec;
        }

        @Override
        public Tuple2<Integer, Integer> map(Long index) {
            return spec.record(index);
        }
    }

    private static final class Describe
            extends ProcessJoinFunction<Tuple2<Integer, Integer>, Tuple2<Integer, Integer>, String> {
        @Override
        public void processElement(Tuple2<Integer, Integer> left, Tuple2<Integer, Integer> right, Context ctx,
                                   Collector<String> out) {
            out.collect(left.f0 + ": " + left.f1 + "@" + ctx.getLeftTimestamp() + " + " + right.f1 + "@"
                    + ctx.getRightTimestamp());
        }
    }

    /** Appends the timestamp the joined record carries. */
    private static final class Stamp extends ProcessFunction<String, String> {
        @Override
        public void processElement(String value, Context ctx, Collector<String> out) {
            out.collect(value + " => " + ctx.timestamp());
        }
    }
}
