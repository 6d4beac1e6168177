package io.weir.runtime.jobs;

import io.weir.api.common.JobExecutionException;
import io.weir.api.common.OutputTag;
import io.weir.api.common.RuntimeExecutionMode;
import io.weir.api.connector.source.lib.CollectionSource;
import io.weir.api.datastream.KeyedStream;
import io.weir.api.datastream.SingleOutputStreamOperator;
import io.weir.api.environment.StreamExecutionEnvironment;
import io.weir.api.eventtime.Watermark;
import io.weir.api.eventtime.WatermarkGenerator;
import io.weir.api.eventtime.WatermarkOutput;
import io.weir.api.eventtime.WatermarkStrategy;
import io.weir.api.functions.Collector;
import io.weir.api.functions.ProcessFunction;
import io.weir.api.functions.OpenContext;
import io.weir.api.functions.ProcessJoinFunction;
import io.weir.api.state.ValueState;
import io.weir.api.state.ValueStateDescriptor;
import io.weir.api.tuple.Tuple2;
import io.weir.runtime.jobs.JoinInputs.Click;
import io.weir.runtime.jobs.JoinInputs.Purchase;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import static io.weir.runtime.jobs.JoinInputs.asPurchases;
import static io.weir.runtime.jobs.JoinInputs.environment;
import static io.weir.runtime.jobs.JoinInputs.steadyClicks;
import static io.weir.runtime.jobs.TestJobs.collectAll;
import static io.weir.runtime.jobs.TestJobs.multiset;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Interval joins as jobs, in both modes at parallelism 1, 2 and 4, against a nested loop over the same input:
 * inclusive and exclusive bounds, negative bounds, the output's timestamp, late records in STREAMING and records
 * without timestamps.
 */
class IntervalJoinITCase {
    /** How far the test inputs' timestamps stray from timestamp order; their watermarks allow for it. */
    private static final long JITTER = 20;
    private static final OutputTag<Click> LATE_CLICKS = new OutputTag<>("late clicks") {};
    private static final OutputTag<Purchase> LATE_PURCHASES = new OutputTag<>("late purchases") {};

    @AfterEach
    void clearSinks() {
        CollectingSink.clearAll();
    }

    private static List<Click> clicks(long seed, int n, int users) {
        return steadyClicks(seed, n, users, JITTER);
    }

    private static List<Purchase> purchases(long seed, int n, int users) {
        return asPurchases(steadyClicks(seed, n, users, JITTER));
    }

    private static KeyedStream<Click, Integer> clickStream(StreamExecutionEnvironment env, List<Click> clicks) {
        return JoinInputs.clicks(env, clicks, JITTER).keyBy(Click::user);
    }

    private static KeyedStream<Purchase, Integer> purchaseStream(StreamExecutionEnvironment env,
                                                                 List<Purchase> purchases) {
        return JoinInputs.purchases(env, purchases, JITTER).keyBy(Purchase::user);
    }

    /** Every pair of one user in {@code [click + lower, click + upper]}, as {@link Pair} and {@link Stamp} print it. */
    private static List<String> nestedLoop(List<Click> clicks, List<Purchase> purchases, long lower, long upper,
                                           boolean lowerExclusive, boolean upperExclusive) {
        List<String> pairs = new ArrayList<>();
        for (Click c : clicks) {
            for (Purchase p : purchases) {
                boolean afterLower = lowerExclusive ? p.ts() > c.ts() + lower : p.ts() >= c.ts() + lower;
                boolean beforeUpper = upperExclusive ? p.ts() < c.ts() + upper : p.ts() <= c.ts() + upper;
                if (c.user() == p.user() && afterLower && beforeUpper) {
                    pairs.add("c" + c.id() + "/p" + p.id() + " " + c.ts() + "/" + p.ts() + "@"
                            + Math.max(c.ts(), p.ts()));
                }
            }
        }
        return pairs;
    }

    static Stream<Arguments> modesParallelismsAndBounds() {
        List<Arguments> args = new ArrayList<>();
        for (RuntimeExecutionMode mode : List.of(RuntimeExecutionMode.STREAMING, RuntimeExecutionMode.BATCH)) {
            for (int p : new int[]{1, 2, 4}) {
                for (long[] bounds : new long[][]{{-3, 5}, {-10, -1}, {0, 0}, {2, 30}}) {
                    args.add(Arguments.of(mode, p, bounds[0], bounds[1]));
                }
            }
        }
        return args.stream();
    }

    @ParameterizedTest(name = "{0}, parallelism {1}, between({2} ms, {3} ms)")
    @MethodSource("modesParallelismsAndBounds")
    void joinsEveryPairOfAUserWithinTheBoundsAndStampsItWithTheLaterTime(RuntimeExecutionMode mode, int parallelism,
                                                                         long lower, long upper) throws Exception {
        List<Click> clicks = clicks(7, 4_000, 25);
        List<Purchase> purchases = purchases(8, 3_000, 25);
        StreamExecutionEnvironment env = environment(mode, parallelism);

        List<String> out = collectAll(clickStream(env, clicks).intervalJoin(purchaseStream(env, purchases))
                .between(Duration.ofMillis(lower), Duration.ofMillis(upper))
                .process(new Pair())
                .process(new Stamp()));

        List<String> expected = nestedLoop(clicks, purchases, lower, upper, false, false);
        assertThat(expected).isNotEmpty();
        assertThat(multiset(out)).isEqualTo(multiset(expected));
    }

    enum Exclusivity {
        INCLUSIVE(false, false), LOWER_EXCLUSIVE(true, false), UPPER_EXCLUSIVE(false, true), BOTH_EXCLUSIVE(true, true);

        final boolean lower;
        final boolean upper;

        Exclusivity(boolean lower, boolean upper) {
            this.lower = lower;
            this.upper = upper;
        }
    }

    static Stream<Arguments> modesAndExclusivities() {
        List<Arguments> args = new ArrayList<>();
        for (RuntimeExecutionMode mode : List.of(RuntimeExecutionMode.STREAMING, RuntimeExecutionMode.BATCH)) {
            for (Exclusivity e : Exclusivity.values()) {
                args.add(Arguments.of(mode, e));
            }
        }
        return args.stream();
    }

    /** Each user clicks at 100 and buys at every millisecond from 95 to 110: the bounds decide who meets. */
    @ParameterizedTest(name = "{0}, {1}")
    @MethodSource("modesAndExclusivities")
    void boundsAreInclusiveUnlessMadeExclusive(RuntimeExecutionMode mode, Exclusivity exclusivity) throws Exception {
        List<Click> clicks = new ArrayList<>();
        List<Purchase> purchases = new ArrayList<>();
        for (int user = 0; user < 8; user++) {
            clicks.add(new Click(user, user, 100));
            for (long ts = 95; ts <= 110; ts++) {
                purchases.add(new Purchase(user, (int) (user * 1000 + ts), ts));
            }
        }
        StreamExecutionEnvironment env = environment(mode, 2);

        KeyedStream.IntervalJoined<Click, Purchase, Integer> joined = clickStream(env, clicks)
                .intervalJoin(purchaseStream(env, purchases))
                .between(Duration.ofMillis(-2), Duration.ofMillis(3));
        if (exclusivity.lower) {
            joined.lowerBoundExclusive();
        }
        if (exclusivity.upper) {
            joined.upperBoundExclusive();
        }
        List<String> out = collectAll(joined.process(new Pair()).process(new Stamp()));

        List<String> expected = nestedLoop(clicks, purchases, -2, 3, exclusivity.lower, exclusivity.upper);
        assertThat(expected).hasSize(8 * (6 - (exclusivity.lower ? 1 : 0) - (exclusivity.upper ? 1 : 0)));
        assertThat(multiset(out)).isEqualTo(multiset(expected));
    }

    static Stream<Arguments> modesAndParallelisms() {
        List<Arguments> args = new ArrayList<>();
        for (RuntimeExecutionMode mode : List.of(RuntimeExecutionMode.STREAMING, RuntimeExecutionMode.BATCH)) {
            for (int p : new int[]{1, 2, 4}) {
                args.add(Arguments.of(mode, p));
            }
        }
        return args.stream();
    }

    /**
     * Inputs out of timestamp order by up to 20 ms, and every tenth record 300 ms behind, with a watermark right
     * behind the highest timestamp seen after every record. In STREAMING many records are late, and which ones
     * depends on how the inputs interleave, but the output must be the nested loop over exactly the records that
     * were not reported late. BATCH has no late records and joins them all.
     */
    @ParameterizedTest(name = "{0}, parallelism {1}")
    @MethodSource("modesAndParallelisms")
    void recordsReportedLateJoinNothingAndAllOthersJoinAsInANestedLoop(RuntimeExecutionMode mode, int parallelism)
            throws Exception {
        List<Click> clicks = straggling(clicks(21, 6_000, 10));
        List<Purchase> purchases = new ArrayList<>();
        for (Click c : straggling(clicks(22, 6_000, 10))) {
            purchases.add(new Purchase(c.user(), c.id(), c.ts()));
        }
        StreamExecutionEnvironment env = environment(mode, parallelism);
        KeyedStream<Click, Integer> clickStream = env.fromSource(new CollectionSource<>(clicks),
                WatermarkStrategy.<Click>forGenerator(EveryRecordWatermarks::new)
                        .withTimestampAssigner((c, t) -> c.ts()),
                "clicks").keyBy(Click::user);
        KeyedStream<Purchase, Integer> purchaseStream = env.fromSource(new CollectionSource<>(purchases),
                WatermarkStrategy.<Purchase>forGenerator(EveryRecordWatermarks::new)
                        .withTimestampAssigner((p, t) -> p.ts()), "purchases").keyBy(Purchase::user);

        SingleOutputStreamOperator<String> joined = clickStream.intervalJoin(purchaseStream)
                .between(Duration.ofMillis(-15), Duration.ofMillis(15))
                .sideOutputLeftLateData(LATE_CLICKS)
                .sideOutputRightLateData(LATE_PURCHASES)
                .process(new Pair());
        joined.process(new Stamp()).sinkTo(CollectingSink.named("pairs"));
        joined.getSideOutput(LATE_CLICKS).sinkTo(CollectingSink.named("late clicks"));
        joined.getSideOutput(LATE_PURCHASES).sinkTo(CollectingSink.named("late purchases"));
        env.execute("interval join with late records");

        List<Click> lateClicks = CollectingSink.results("late clicks");
        List<Purchase> latePurchases = CollectingSink.results("late purchases");
        if (mode == RuntimeExecutionMode.BATCH) {
            assertThat(lateClicks).isEmpty();
            assertThat(latePurchases).isEmpty();
        }
        assertThat(clicks).containsAll(lateClicks);
        assertThat(purchases).containsAll(latePurchases);
        List<Click> onTimeClicks = new ArrayList<>(clicks);
        onTimeClicks.removeAll(lateClicks);
        List<Purchase> onTimePurchases = new ArrayList<>(purchases);
        onTimePurchases.removeAll(latePurchases);
        List<String> expected = nestedLoop(onTimeClicks, onTimePurchases, -15, 15, false, false);
        assertThat(multiset(CollectingSink.<String>results("pairs"))).isEqualTo(multiset(expected));
    }

    /** Every tenth record 300 ms earlier than its neighbours (all shifted so that none is negative). */
    private static List<Click> straggling(List<Click> clicks) {
        List<Click> out = new ArrayList<>();
        for (Click c : clicks) {
            long shift = c.id() % 10 == 9 ? 0 : 300;
            out.add(new Click(c.user(), c.id(), c.ts() + shift));
        }
        return out;
    }

    /** A rich join function numbers each user's pairs in keyed state: user u emits 1..(u's pairs) in any order. */
    @ParameterizedTest(name = "{0}, parallelism {1}")
    @MethodSource("modesAndParallelisms")
    void aRichJoinFunctionOpensAndKeepsKeyedStatePerUser(RuntimeExecutionMode mode, int parallelism)
            throws Exception {
        List<Click> clicks = clicks(31, 3_000, 40);
        List<Purchase> purchases = purchases(32, 3_000, 40);
        StreamExecutionEnvironment env = environment(mode, parallelism);

        List<Tuple2<Integer, Integer>> out = collectAll(clickStream(env, clicks)
                .intervalJoin(purchaseStream(env, purchases))
                .between(Duration.ofMillis(-25), Duration.ofMillis(25))
                .process(new NumberedPairs()));

        Map<Integer, Integer> pairsPerUser = new HashMap<>();
        for (Click c : clicks) {
            for (Purchase p : purchases) {
                if (c.user() == p.user() && Math.abs(p.ts() - c.ts()) <= 25) {
                    pairsPerUser.merge(c.user(), 1, Integer::sum);
                }
            }
        }
        List<Tuple2<Integer, Integer>> expected = new ArrayList<>();
        pairsPerUser.forEach((user, n) -> {
            for (int i = 1; i <= n; i++) {
                expected.add(Tuple2.of(user, i));
            }
        });
        assertThat(expected).hasSizeGreaterThan(1_000);
        assertThat(multiset(out)).isEqualTo(multiset(expected));
    }

    @ParameterizedTest(name = "{0}, parallelism {1}")
    @MethodSource("modesAndParallelisms")
    void aRecordWithoutTimestampFailsTheJobNamingTheJoin(RuntimeExecutionMode mode, int parallelism) {
        StreamExecutionEnvironment env = environment(mode, parallelism);
        env.fromSequence(1, 100).keyBy(x -> x % 5)
                .intervalJoin(env.fromSequence(1, 100).keyBy(x -> x % 5))
                .between(Duration.ZERO, Duration.ofMillis(1))
                .process(new Concatenate()).name("untimed join")
                .sinkTo(CollectingSink.named("never"));

        assertThatThrownBy(() -> env.execute("untimed"))
                .isInstanceOf(JobExecutionException.class)
                .hasMessageContaining("'untimed join'")
                .hasMessageContaining("input has no event timestamp");
    }

    // ------------------------------------------------------------------------------------------ functions

    /** The pair's ids and the timestamps the function is told. */
    static final class Pair extends ProcessJoinFunction<Click, Purchase, String> {
        @Override
        public void processElement(Click click, Purchase purchase, Context ctx, Collector<String> out) {
            out.collect("c" + click.id() + "/p" + purchase.id() + " " + ctx.getLeftTimestamp() + "/"
                    + ctx.getRightTimestamp());
        }
    }

    /** Counts the pairs of the current user in keyed state, emitting the running count. */
    static final class NumberedPairs extends ProcessJoinFunction<Click, Purchase, Tuple2<Integer, Integer>> {
        private transient ValueState<Integer> pairs;

        @Override
        public void open(OpenContext openContext) {
            pairs = getRuntimeContext().getState(new ValueStateDescriptor<>("pairs", Integer.class, 0));
        }

        @Override
        public void processElement(Click click, Purchase purchase, Context ctx,
                                   Collector<Tuple2<Integer, Integer>> out) throws Exception {
            int n = pairs.value() + 1;
            pairs.update(n);
            out.collect(Tuple2.of(click.user(), n));
        }
    }

    static final class Concatenate extends ProcessJoinFunction<Long, Long, String> {
        @Override
        public void processElement(Long left, Long right, Context ctx, Collector<String> out) {
            out.collect(left + "," + right);
        }
    }

    /** Appends the timestamp the record carries downstream. */
    static final class Stamp extends ProcessFunction<String, String> {
        @Override
        public void processElement(String value, Context ctx, Collector<String> out) {
            out.collect(value + "@" + ctx.timestamp());
        }
    }

    /** A watermark right behind the highest timestamp seen, after every record: late records are likely. */
    static final class EveryRecordWatermarks<T> implements WatermarkGenerator<T> {
        private long max = Long.MIN_VALUE + 1;

        @Override
        public void onEvent(T event, long eventTimestamp, WatermarkOutput output) {
            max = Math.max(max, eventTimestamp);
            output.emitWatermark(new Watermark(max - 1));
        }

        @Override
        public void onPeriodicEmit(WatermarkOutput output) {
        }
    }
}
