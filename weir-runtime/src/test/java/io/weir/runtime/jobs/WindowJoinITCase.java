package io.weir.runtime.jobs;

import io.weir.api.common.RuntimeExecutionMode;
import io.weir.api.datastream.DataStream;
import io.weir.api.environment.StreamExecutionEnvironment;
import io.weir.api.functions.CoGroupFunction;
import io.weir.api.functions.Collector;
import io.weir.api.functions.FlatJoinFunction;
import io.weir.api.functions.JoinFunction;
import io.weir.api.functions.OpenContext;
import io.weir.api.functions.ProcessFunction;
import io.weir.api.functions.RichJoinFunction;
import io.weir.api.windowing.assigners.EventTimeSessionWindows;
import io.weir.api.windowing.assigners.GlobalWindows;
import io.weir.api.windowing.assigners.SlidingEventTimeWindows;
import io.weir.api.windowing.assigners.TumblingEventTimeWindows;
import io.weir.api.windowing.assigners.WindowAssigner;
import io.weir.api.windowing.evictors.TimeEvictor;
import io.weir.api.windowing.triggers.CountTrigger;
import io.weir.api.windowing.triggers.PurgingTrigger;
import io.weir.api.windowing.windows.GlobalWindow;
import io.weir.api.windowing.windows.TimeWindow;
import io.weir.runtime.jobs.JoinInputs.Click;
import io.weir.runtime.jobs.JoinInputs.Purchase;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

import static io.weir.runtime.jobs.JoinInputs.asPurchases;
import static io.weir.runtime.jobs.JoinInputs.burstyClicks;
import static io.weir.runtime.jobs.JoinInputs.environment;
import static io.weir.runtime.jobs.TestJobs.collectAll;
import static io.weir.runtime.jobs.TestJobs.multiset;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Window joins and coGroups as jobs, in both modes at parallelism 1, 2 and 4, with tumbling, sliding and session
 * windows, against windows computed here from the input: which records share a window of a user, and the
 * window's last millisecond as the output's timestamp. The inputs come in bursts whose disorder their watermarks
 * allow for, so in STREAMING no record is late and no session grows after it fired: both modes must give exactly
 * the computed result.
 */
class WindowJoinITCase {
    private static final long OUT_OF_ORDERNESS = 100;
    private static final int USERS = 20;

    /** The window kinds under test, with the windows this test computes for them independently. */
    enum Windowing {
        TUMBLING(TumblingEventTimeWindows.of(Duration.ofMillis(50))) {
            @Override
            List<long[]> windowsOf(long ts) {
                long start = ts - Math.floorMod(ts, 50L);
                return List.of(new long[]{start, start + 50});
            }
        },
        SLIDING(SlidingEventTimeWindows.of(Duration.ofMillis(60), Duration.ofMillis(20))) {
            @Override
            List<long[]> windowsOf(long ts) {
                List<long[]> windows = new ArrayList<>();
                for (long start = ts - Math.floorMod(ts, 20L); start > ts - 60; start -= 20) {
                    windows.add(new long[]{start, start + 60});
                }
                return windows;
            }
        },
        /** Sessions are computed per user from all of its timestamps, see {@link #groups}. */
        SESSION(EventTimeSessionWindows.withGap(Duration.ofMillis(SESSION_GAP))) {
            @Override
            List<long[]> windowsOf(long ts) {
                throw new UnsupportedOperationException("sessions depend on a user's other records");
            }
        };

        final WindowAssigner<Object, TimeWindow> assigner;

        Windowing(WindowAssigner<Object, TimeWindow> assigner) {
            this.assigner = assigner;
        }

        abstract List<long[]> windowsOf(long ts);
    }

    private static final long SESSION_GAP = 25;

    /** One user's window and the records of each input in it. */
    record Window(int user, long start, long end) {
    }

    record Group(List<Click> clicks, List<Purchase> purchases) {
    }

    /** Every user's windows holding at least one record, in start order per user. */
    static Map<Window, Group> groups(Windowing windowing, List<Click> clicks, List<Purchase> purchases) {
        Map<Window, Group> groups = new TreeMap<>(Comparator.comparingInt(Window::user)
                .thenComparingLong(Window::start).thenComparingLong(Window::end));
        if (windowing == Windowing.SESSION) {
            return sessions(groups, clicks, purchases);
        }
        for (Click c : clicks) {
            for (long[] w : windowing.windowsOf(c.ts())) {
                groups.computeIfAbsent(new Window(c.user(), w[0], w[1]), k -> newGroup()).clicks().add(c);
            }
        }
        for (Purchase p : purchases) {
            for (long[] w : windowing.windowsOf(p.ts())) {
                groups.computeIfAbsent(new Window(p.user(), w[0], w[1]), k -> newGroup()).purchases().add(p);
            }
        }
        return groups;
    }

    /** A user's records whose timestamps follow each other within the gap form one session [first, last + gap). */
    private static Map<Window, Group> sessions(Map<Window, Group> groups, List<Click> clicks,
                                               List<Purchase> purchases) {
        for (int user = 0; user < USERS; user++) {
            TreeMap<Long, Group> byTime = new TreeMap<>();
            for (Click c : clicks) {
                if (c.user() == user) {
                    byTime.computeIfAbsent(c.ts(), k -> newGroup()).clicks().add(c);
                }
            }
            for (Purchase p : purchases) {
                if (p.user() == user) {
                    byTime.computeIfAbsent(p.ts(), k -> newGroup()).purchases().add(p);
                }
            }
            Group session = null;
            long first = 0;
            long last = 0;
            for (Map.Entry<Long, Group> at : byTime.entrySet()) {
                if (session == null || at.getKey() > last + SESSION_GAP) {
                    if (session != null) {
                        groups.put(new Window(user, first, last + SESSION_GAP), session);
                    }
                    session = newGroup();
                    first = at.getKey();
                }
                last = at.getKey();
                session.clicks().addAll(at.getValue().clicks());
                session.purchases().addAll(at.getValue().purchases());
            }
            if (session != null) {
                groups.put(new Window(user, first, last + SESSION_GAP), session);
            }
        }
        return groups;
    }

    private static Group newGroup() {
        return new Group(new ArrayList<>(), new ArrayList<>());
    }

    static Stream<Arguments> modesParallelismsAndWindows() {
        List<Arguments> args = new ArrayList<>();
        for (RuntimeExecutionMode mode : List.of(RuntimeExecutionMode.STREAMING, RuntimeExecutionMode.BATCH)) {
            for (int p : new int[]{1, 2, 4}) {
                for (Windowing w : Windowing.values()) {
                    args.add(Arguments.of(mode, p, w));
                }
            }
        }
        return args.stream();
    }

    private static List<Click> clicks() {
        return burstyClicks(41, 3_000, USERS, 60);
    }

    private static List<Purchase> purchases() {
        return asPurchases(burstyClicks(42, 2_500, USERS, 50));
    }

    private static DataStream<Click> clickStream(StreamExecutionEnvironment env, List<Click> clicks) {
        return JoinInputs.clicks(env, clicks, OUT_OF_ORDERNESS);
    }

    private static DataStream<Purchase> purchaseStream(StreamExecutionEnvironment env, List<Purchase> purchases) {
        return JoinInputs.purchases(env, purchases, OUT_OF_ORDERNESS);
    }

    @ParameterizedTest(name = "{0}, parallelism {1}, {2}")
    @MethodSource("modesParallelismsAndWindows")
    void joinPairsEveryClickWithEveryPurchaseOfItsUserInEachWindowTheyShare(RuntimeExecutionMode mode,
                                                                           int parallelism, Windowing windowing)
            throws Exception {
        List<Click> clicks = clicks();
        List<Purchase> purchases = purchases();
        StreamExecutionEnvironment env = environment(mode, parallelism);

        List<String> out = collectAll(clickStream(env, clicks).join(purchaseStream(env, purchases))
                .where(Click::user).equalTo(Purchase::user)
                .window(windowing.assigner)
                .apply(new PairIds())
                .process(new Stamp()));

        List<String> expected = new ArrayList<>();
        groups(windowing, clicks, purchases).forEach((window, group) -> {
            for (Click c : group.clicks()) {
                for (Purchase p : group.purchases()) {
                    expected.add("c" + c.id() + "/p" + p.id() + "@" + (window.end() - 1));
                }
            }
        });
        assertThat(expected).hasSizeGreaterThan(1_000);
        assertThat(multiset(out)).isEqualTo(multiset(expected));
    }

    @ParameterizedTest(name = "{0}, parallelism {1}, {2}")
    @MethodSource("modesParallelismsAndWindows")
    void coGroupSeesBothInputsOfEveryWindowEvenWhenOneIsEmpty(RuntimeExecutionMode mode, int parallelism,
                                                              Windowing windowing) throws Exception {
        List<Click> clicks = clicks();
        List<Purchase> purchases = purchases();
        StreamExecutionEnvironment env = environment(mode, parallelism);

        List<String> out = collectAll(clickStream(env, clicks).coGroup(purchaseStream(env, purchases))
                .where(Click::user).equalTo(Purchase::user)
                .window(windowing.assigner)
                .apply(new DescribeWindow())
                .process(new Stamp()));

        List<String> expected = new ArrayList<>();
        int[] oneSided = new int[2];
        groups(windowing, clicks, purchases).forEach((window, group) -> {
            expected.add(describe(window.user(), group.clicks().stream().map(Click::id).toList(),
                    group.purchases().stream().map(Purchase::id).toList()) + "@" + (window.end() - 1));
            oneSided[0] += group.clicks().isEmpty() ? 1 : 0;
            oneSided[1] += group.purchases().isEmpty() ? 1 : 0;
        });
        assertThat(oneSided[0]).as("windows without clicks").isPositive();
        assertThat(oneSided[1]).as("windows without purchases").isPositive();
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

    /** A flat join emits what it likes per pair: here both orders of the pair, and nothing for odd click ids. */
    @ParameterizedTest(name = "{0}, parallelism {1}")
    @MethodSource("modesAndParallelisms")
    void flatJoinEmitsAnyNumberOfRecordsPerPair(RuntimeExecutionMode mode, int parallelism) throws Exception {
        List<Click> clicks = clicks();
        List<Purchase> purchases = purchases();
        StreamExecutionEnvironment env = environment(mode, parallelism);

        List<String> out = collectAll(clickStream(env, clicks).join(purchaseStream(env, purchases))
                .where(Click::user).equalTo(Purchase::user)
                .window(Windowing.SLIDING.assigner)
                .apply(new BothWaysForEvenClicks()));

        List<String> expected = new ArrayList<>();
        groups(Windowing.SLIDING, clicks, purchases).forEach((window, group) -> {
            for (Click c : group.clicks()) {
                for (Purchase p : group.purchases()) {
                    if (c.id() % 2 == 0) {
                        expected.add("c" + c.id() + "/p" + p.id());
                        expected.add("p" + p.id() + "/c" + c.id());
                    }
                }
            }
        });
        assertThat(multiset(out)).isEqualTo(multiset(expected));
    }

    /** A rich join function is opened before its first pair, with its runtime context. */
    @ParameterizedTest(name = "{0}, parallelism {1}")
    @MethodSource("modesAndParallelisms")
    void aRichJoinFunctionIsOpenedWithItsRuntimeContext(RuntimeExecutionMode mode, int parallelism)
            throws Exception {
        List<Click> clicks = clicks();
        List<Purchase> purchases = purchases();
        StreamExecutionEnvironment env = environment(mode, parallelism);

        List<String> out = collectAll(clickStream(env, clicks).join(purchaseStream(env, purchases))
                .where(Click::user).equalTo(Purchase::user)
                .window(Windowing.TUMBLING.assigner)
                .apply(new SubtaskPrefixed()));

        List<String> expectedPairs = new ArrayList<>();
        groups(Windowing.TUMBLING, clicks, purchases).forEach((window, group) -> {
            for (Click c : group.clicks()) {
                for (Purchase p : group.purchases()) {
                    expectedPairs.add("c" + c.id() + "/p" + p.id());
                }
            }
        });
        assertThat(out).allSatisfy(s -> assertThat(s).matches("subtask [0-9]+ of " + parallelism + ": .*"));
        assertThat(multiset(out.stream().map(s -> s.substring(s.indexOf(": ") + 2)).toList()))
                .isEqualTo(multiset(expectedPairs));
    }

    /** A trigger replaces the assigner's: with one that fires and purges per record, each record is alone. */
    @ParameterizedTest(name = "{0}, parallelism {1}")
    @MethodSource("modesAndParallelisms")
    void aTriggerFiresTheCoGroupsWindowsItsWay(RuntimeExecutionMode mode, int parallelism) throws Exception {
        List<Click> clicks = clicks().subList(0, 300);
        List<Purchase> purchases = purchases().subList(0, 200);
        StreamExecutionEnvironment env = environment(mode, parallelism);

        List<String> out = collectAll(clickStream(env, clicks).coGroup(purchaseStream(env, purchases))
                .where(Click::user).equalTo(Purchase::user)
                .window(GlobalWindows.create())
                .trigger(PurgingTrigger.of(CountTrigger.<GlobalWindow>of(1)))
                .apply(new DescribeWindow()));

        List<String> expected = new ArrayList<>();
        clicks.forEach(c -> expected.add(describe(c.user(), List.of(c.id()), List.of())));
        purchases.forEach(p -> expected.add(describe(p.user(), List.of(), List.of(p.id()))));
        assertThat(multiset(out)).isEqualTo(multiset(expected));
    }

    /** An evictor thins a window's records of both inputs before the join sees them. */
    @ParameterizedTest(name = "{0}, parallelism {1}")
    @MethodSource("modesAndParallelisms")
    void anEvictorRemovesRecordsOfBothInputsBeforeTheJoin(RuntimeExecutionMode mode, int parallelism)
            throws Exception {
        List<Click> clicks = clicks();
        List<Purchase> purchases = purchases();
        StreamExecutionEnvironment env = environment(mode, parallelism);

        List<String> out = collectAll(clickStream(env, clicks).join(purchaseStream(env, purchases))
                .where(Click::user).equalTo(Purchase::user)
                .window(Windowing.SESSION.assigner)
                .evictor(TimeEvictor.of(Duration.ofMillis(30)))
                .apply(new PairIds()));

        List<String> expected = new ArrayList<>();
        int[] evicted = new int[1];
        groups(Windowing.SESSION, clicks, purchases).forEach((window, group) -> {
            long newest = Math.max(group.clicks().stream().mapToLong(Click::ts).max().orElse(Long.MIN_VALUE),
                    group.purchases().stream().mapToLong(Purchase::ts).max().orElse(Long.MIN_VALUE));
            for (Click c : group.clicks()) {
                for (Purchase p : group.purchases()) {
                    if (c.ts() > newest - 30 && p.ts() > newest - 30) {
                        expected.add("c" + c.id() + "/p" + p.id());
                    } else {
                        evicted[0]++;
                    }
                }
            }
        });
        assertThat(evicted[0]).as("pairs the evictor breaks up").isPositive();
        assertThat(multiset(out)).isEqualTo(multiset(expected));
    }

    private static String describe(int user, List<Integer> clickIds, List<Integer> purchaseIds) {
        return "u" + user + " c" + clickIds.stream().sorted().toList() + " p" + purchaseIds.stream().sorted().toList();
    }

    // ------------------------------------------------------------------------------------------ functions

    static final class PairIds implements JoinFunction<Click, Purchase, String> {
        @Override
        public String join(Click click, Purchase purchase) {
            return "c" + click.id() + "/p" + purchase.id();
        }
    }

    static final class BothWaysForEvenClicks implements FlatJoinFunction<Click, Purchase, String> {
        @Override
        public void join(Click click, Purchase purchase, Collector<String> out) {
            if (click.id() % 2 == 0) {
                out.collect("c" + click.id() + "/p" + purchase.id());
                out.collect("p" + purchase.id() + "/c" + click.id());
            }
        }
    }

    static final class SubtaskPrefixed extends RichJoinFunction<Click, Purchase, String> {
        private transient String prefix;

        @Override
        public void open(OpenContext openContext) {
            prefix = "subtask " + getRuntimeContext().getIndexOfThisSubtask() + " of "
                    + getRuntimeContext().getNumberOfParallelSubtasks() + ": ";
        }

        @Override
        public String join(Click click, Purchase purchase) {
            return prefix + "c" + click.id() + "/p" + purchase.id();
        }
    }

    /** The user and both inputs' ids, each sorted: a window's contents regardless of arrival order. */
    static final class DescribeWindow implements CoGroupFunction<Click, Purchase, String> {
        @Override
        public void coGroup(Iterable<Click> clicks, Iterable<Purchase> purchases, Collector<String> out) {
            List<Integer> clickIds = new ArrayList<>();
            List<Integer> purchaseIds = new ArrayList<>();
            int user = -1;
            for (Click c : clicks) {
                clickIds.add(c.id());
                user = c.user();
            }
            for (Purchase p : purchases) {
                purchaseIds.add(p.id());
                user = p.user();
            }
            out.collect(describe(user, clickIds, purchaseIds));
        }
    }

    /** Appends the timestamp the record carries. */
    static final class Stamp extends ProcessFunction<String, String> {
        @Override
        public void processElement(String value, Context ctx, Collector<String> out) {
            out.collect(value + "@" + ctx.timestamp());
        }
    }
}
