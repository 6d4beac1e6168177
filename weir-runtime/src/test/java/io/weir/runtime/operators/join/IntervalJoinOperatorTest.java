package io.weir.runtime.operators.join;

import io.weir.api.common.OutputTag;
import io.weir.api.functions.Collector;
import io.weir.api.functions.KeySelector;
import io.weir.api.functions.ProcessJoinFunction;
import io.weir.api.state.MapState;
import io.weir.api.state.MapStateDescriptor;
import io.weir.runtime.state.KeyedStateBackend;
import io.weir.runtime.testing.OperatorHarness;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.TreeSet;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The interval join operator in the STREAMING harness (watermarks move by hand) and the BATCH harness (per key). */
class IntervalJoinOperatorTest {
    private static final OutputTag<Ev> LATE_LEFT = new OutputTag<>("late left") {};
    private static final OutputTag<Ev> LATE_RIGHT = new OutputTag<>("late right") {};
    private static final OutputTag<String> PAIR_SIDE = new OutputTag<>("pairs on the side") {};
    private static final KeySelector<Ev, Integer> KEY = Ev::key;

    /** A record of either input: its key and a name that the test's function prints. */
    record Ev(int key, String name) {
    }

    /** Emits {@code "left+right"}; with {@code alsoSide}, also the pair's timestamps to {@link #PAIR_SIDE}. */
    static final class Pairs extends ProcessJoinFunction<Ev, Ev, String> {
        private final boolean alsoSide;

        Pairs(boolean alsoSide) {
            this.alsoSide = alsoSide;
        }

        @Override
        public void processElement(Ev left, Ev right, Context ctx, Collector<String> out) {
            out.collect(left.name() + "+" + right.name());
            if (alsoSide) {
                ctx.output(PAIR_SIDE,
                        ctx.getLeftTimestamp() + "/" + ctx.getRightTimestamp() + "->" + ctx.getTimestamp());
            }
        }
    }

    private static IntervalJoinOperator<Ev, Ev, String> operator(long lower, long upper) {
        return new IntervalJoinOperator<>(new Pairs(false), lower, upper, LATE_LEFT, LATE_RIGHT);
    }

    private static OperatorHarness<String> streaming(long lower, long upper) throws Exception {
        return OperatorHarness.streaming(operator(lower, upper), 0, KEY, KEY);
    }

    private static void left(OperatorHarness<?> h, int key, String name, long ts) throws Exception {
        h.processElement(0, new Ev(key, name), ts);
    }

    private static void right(OperatorHarness<?> h, int key, String name, long ts) throws Exception {
        h.processElement(1, new Ev(key, name), ts);
    }

    /** The timestamps one input's buffer holds for {@code key}. */
    @SuppressWarnings({"unchecked", "rawtypes"})
    private static TreeSet<Long> buffered(OperatorHarness<?> h, int key, MapStateDescriptor<Long, List<?>> buffer)
            throws Exception {
        KeyedStateBackend state = h.keyedStateBackend();
        state.setCurrentKey(key);
        TreeSet<Long> timestamps = new TreeSet<>();
        for (Object ts : ((MapState) state.getOrCreateState(buffer)).keys()) {
            timestamps.add((Long) ts);
        }
        return timestamps;
    }

    // ------------------------------------------------------------------------------------------ STREAMING

    @Test
    void joinsRightRecordsFromLowerToUpperBoundInclusiveWhicheverArrivesFirst() throws Exception {
        OperatorHarness<String> h = streaming(-2, 3);
        right(h, 1, "r7", 7);
        right(h, 1, "r8", 8);
        right(h, 1, "r10", 10);
        left(h, 1, "a", 10);
        right(h, 1, "r13", 13);
        right(h, 1, "r14", 14);

        assertThat(h.records()).containsExactlyInAnyOrder("a+r8", "a+r10", "a+r13");
    }

    @Test
    void aRightRecordJoinsEveryLeftRecordWhoseIntervalHoldsIt() throws Exception {
        OperatorHarness<String> h = streaming(-2, 3);
        for (long ts = 4; ts <= 15; ts++) {
            left(h, 1, "l" + ts, ts);
        }
        right(h, 1, "b", 10);

        // 10 lies in [a - 2, a + 3] for a in 7..12.
        assertThat(h.records()).containsExactlyInAnyOrder("l7+b", "l8+b", "l9+b", "l10+b", "l11+b", "l12+b");
    }

    @Test
    void negativeBoundsMatchOnlyRightRecordsBeforeTheLeftOne() throws Exception {
        OperatorHarness<String> h = streaming(-5, -2);
        left(h, 1, "a", 10);
        for (long ts = 3; ts <= 11; ts++) {
            right(h, 1, "r" + ts, ts);
        }

        assertThat(h.records()).containsExactlyInAnyOrder("a+r5", "a+r6", "a+r7", "a+r8");
    }

    @Test
    void recordsOfDifferentKeysNeverMeet() throws Exception {
        OperatorHarness<String> h = streaming(-10, 10);
        left(h, 1, "a", 10);
        right(h, 2, "b", 10);
        left(h, 2, "c", 11);

        assertThat(h.records()).containsExactly("c+b");
    }

    @Test
    void outputCarriesTheLaterTimestampAndTheFunctionSeesBoth() throws Exception {
        OperatorHarness<String> h = OperatorHarness.streaming(
                new IntervalJoinOperator<>(new Pairs(true), -5, 5, null, null), 0, KEY, KEY);
        left(h, 1, "a", 10);
        right(h, 1, "early", 7);
        right(h, 1, "late", 14);

        assertThat(h.emitted()).containsExactly(
                new OperatorHarness.Emitted("a+early", 10, null, false),
                new OperatorHarness.Emitted("10/7->10", 10, PAIR_SIDE, false),
                new OperatorHarness.Emitted("a+late", 14, null, false),
                new OperatorHarness.Emitted("10/14->14", 14, PAIR_SIDE, false));
    }

    @Test
    void recordsBehindTheWatermarkGoToTheLateOutputsWithoutJoining() throws Exception {
        OperatorHarness<String> h = streaming(-100, 100);
        left(h, 1, "a", 50);
        right(h, 1, "b", 50);
        h.processWatermark(20);
        left(h, 1, "lateLeft", 19);
        right(h, 1, "lateRight", 19);
        left(h, 1, "onTime", 20);

        assertThat(h.records()).containsExactlyInAnyOrder("a+b", "onTime+b");
        assertThat(h.sideOutput(LATE_LEFT)).containsExactly(new Ev(1, "lateLeft"));
        assertThat(h.sideOutput(LATE_RIGHT)).containsExactly(new Ev(1, "lateRight"));
    }

    @Test
    void lateRecordsAreDroppedWhenNoLateOutputIsSet() throws Exception {
        OperatorHarness<String> h = OperatorHarness.streaming(
                new IntervalJoinOperator<>(new Pairs(false), 0, 10, null, null), 0, KEY, KEY);
        right(h, 1, "b", 30);
        h.processWatermark(25);
        left(h, 1, "late", 24);

        assertThat(h.emitted()).containsExactly(new OperatorHarness.Emitted(null, 25, null, true));
        assertThat(buffered(h, 1, IntervalJoinOperator.LEFT_BUFFER)).isEmpty();
    }

    @Test
    void aLeftRecordIsKeptWhileARightRecordAtTheWatermarkCanStillMatchIt() throws Exception {
        OperatorHarness<String> h = streaming(0, 5);
        left(h, 1, "a", 10);
        h.processWatermark(15);
        assertThat(buffered(h, 1, IntervalJoinOperator.LEFT_BUFFER)).containsExactly(10L);

        right(h, 1, "b", 15);
        assertThat(h.records()).containsExactly("a+b");

        h.processWatermark(16);
        assertThat(buffered(h, 1, IntervalJoinOperator.LEFT_BUFFER)).isEmpty();
    }

    @Test
    void aRightRecordIsKeptWhileALeftRecordAtTheWatermarkCanStillMatchIt() throws Exception {
        OperatorHarness<String> h = streaming(-3, 2);
        right(h, 1, "b", 10);
        h.processWatermark(13);
        assertThat(buffered(h, 1, IntervalJoinOperator.RIGHT_BUFFER)).containsExactly(10L);

        left(h, 1, "a", 13);
        assertThat(h.records()).containsExactly("a+b");

        h.processWatermark(14);
        assertThat(buffered(h, 1, IntervalJoinOperator.RIGHT_BUFFER)).isEmpty();
    }

    @Test
    void aRecordWhosePartnersCouldOnlyBeLateIsNotBuffered() throws Exception {
        OperatorHarness<String> h = streaming(-5, -2);
        right(h, 1, "b", 96);
        h.processWatermark(100);
        left(h, 1, "a", 101);  // meets right records in [96, 99]: b, and later ones would be late
        left(h, 1, "c", 103);  // meets [98, 101]: 100 and 101 can still arrive

        assertThat(h.records()).containsExactly("a+b");
        assertThat(buffered(h, 1, IntervalJoinOperator.LEFT_BUFFER)).containsExactly(103L);
        right(h, 1, "d", 100);
        assertThat(h.records()).containsExactly("a+b", "c+d");
    }

    @Test
    void buffersShrinkTimestampByTimestampAsTheWatermarkAdvances() throws Exception {
        OperatorHarness<String> h = streaming(-2, 3);
        for (long ts = 10; ts <= 14; ts++) {
            left(h, 1, "l" + ts, ts);
            left(h, 1, "again" + ts, ts);
            right(h, 1, "r" + ts, ts);
        }
        h.processWatermark(14);  // frees left records up to 10 (10 + 3 + 1 = 14) and right up to 11 (11 + 2 + 1)

        assertThat(buffered(h, 1, IntervalJoinOperator.LEFT_BUFFER)).containsExactly(11L, 12L, 13L, 14L);
        assertThat(buffered(h, 1, IntervalJoinOperator.RIGHT_BUFFER)).containsExactly(12L, 13L, 14L);

        h.endInput();
        assertThat(buffered(h, 1, IntervalJoinOperator.LEFT_BUFFER)).isEmpty();
        assertThat(buffered(h, 1, IntervalJoinOperator.RIGHT_BUFFER)).isEmpty();
    }

    @Test
    void timestampsAtTheEndsOfTheLongRangeJoinAndAreFreed() throws Exception {
        OperatorHarness<String> h = streaming(-Long.MAX_VALUE, Long.MAX_VALUE);
        left(h, 1, "first", Long.MIN_VALUE + 1);
        right(h, 1, "last", Long.MAX_VALUE);
        left(h, 1, "zero", 0);
        right(h, 1, "minusOne", -1);
        // last - first = 2^64 - 2 exceeds any long bound; every other difference fits.
        assertThat(h.records()).containsExactlyInAnyOrder("zero+last", "first+minusOne", "zero+minusOne");

        // "first" can match right records up to MIN + 1 + MAX = 0; "zero"'s last match saturates at MAX.
        h.processWatermark(0);
        assertThat(buffered(h, 1, IntervalJoinOperator.LEFT_BUFFER)).containsExactly(Long.MIN_VALUE + 1, 0L);
        h.processWatermark(1);
        assertThat(buffered(h, 1, IntervalJoinOperator.LEFT_BUFFER)).containsExactly(0L);
        h.processWatermark(Long.MAX_VALUE - 1);
        assertThat(buffered(h, 1, IntervalJoinOperator.LEFT_BUFFER)).containsExactly(0L);
        h.endInput();
        assertThat(buffered(h, 1, IntervalJoinOperator.LEFT_BUFFER)).isEmpty();
        assertThat(buffered(h, 1, IntervalJoinOperator.RIGHT_BUFFER)).isEmpty();
    }

    @Test
    void aRecordWithoutTimestampFailsNamingTheOperatorAndTheInput() throws Exception {
        OperatorHarness<String> h = streaming(0, 1);

        assertThatThrownBy(() -> right(h, 1, "b", Long.MIN_VALUE)).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("Interval join 'operator under test'")
                .hasMessageContaining("right input has no event timestamp")
                .hasMessageContaining("WatermarkStrategy");
    }

    @Test
    void anInputThatIsNotKeyedIsRejectedWhenTheOperatorOpens() {
        assertThatThrownBy(() -> OperatorHarness.streaming(operator(0, 1), 0))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("needs both inputs keyed");
    }

    /**
     * Random arrivals of both inputs over a few keys, with the watermark advancing in between and records up to
     * 5 ms behind it. The oracle: a record is late iff its timestamp is below the watermark when it arrives, and
     * the output is the nested loop over all pairs of records that were not late.
     */
    @ParameterizedTest(name = "bounds [{0}, {1}], seed {2}")
    @CsvSource({"-2, 3, 1", "0, 0, 2", "-7, -3, 3", "4, 9, 4", "-20, 20, 5"})
    void randomArrivalsJoinLikeANestedLoopOverRecordsThatWereNotLate(long lower, long upper, long seed)
            throws Exception {
        OperatorHarness<String> h = streaming(lower, upper);
        Random random = new Random(seed);
        List<Timed> lefts = new ArrayList<>();
        List<Timed> rights = new ArrayList<>();
        List<Ev> lateLefts = new ArrayList<>();
        List<Ev> lateRights = new ArrayList<>();
        long watermark = Long.MIN_VALUE;
        long clock = 100;
        for (int i = 0; i < 3_000; i++) {
            if (random.nextInt(10) == 0) {
                long next = clock - random.nextInt(25);
                if (next > watermark) {
                    watermark = next;
                    h.processWatermark(watermark);
                }
                continue;
            }
            clock += random.nextInt(3);
            long ts = clock - random.nextInt(30);
            Ev ev = new Ev(random.nextInt(4), "e" + i);
            boolean late = ts < watermark;
            if (random.nextBoolean()) {
                left(h, ev.key(), ev.name(), ts);
                if (late) {
                    lateLefts.add(ev);
                } else {
                    lefts.add(new Timed(ev, ts));
                }
            } else {
                right(h, ev.key(), ev.name(), ts);
                if (late) {
                    lateRights.add(ev);
                } else {
                    rights.add(new Timed(ev, ts));
                }
            }
        }
        h.endInput();

        assertThat(sorted(h.records())).isEqualTo(nestedLoop(lefts, rights, lower, upper));
        assertThat(h.sideOutput(LATE_LEFT)).containsExactlyElementsOf(lateLefts);
        assertThat(h.sideOutput(LATE_RIGHT)).containsExactlyElementsOf(lateRights);
        assertThat(lateLefts).as("the input has late records").isNotEmpty();
        for (int key = 0; key < 4; key++) {
            assertThat(buffered(h, key, IntervalJoinOperator.LEFT_BUFFER)).isEmpty();
            assertThat(buffered(h, key, IntervalJoinOperator.RIGHT_BUFFER)).isEmpty();
        }
    }

    // ------------------------------------------------------------------------------------------ BATCH

    @Test
    void batchJoinsAKeysRecordsInAnyTimestampOrderAndFreesThemAtTheEndOfTheKey() throws Exception {
        OperatorHarness<String> h = OperatorHarness.batch(operator(-1, 1), 0, KEY, KEY);
        h.startKey(1);
        left(h, 1, "a", 100);
        right(h, 1, "r101", 101);
        right(h, 1, "r3", 3);
        left(h, 1, "c", 2);
        right(h, 1, "r99", 99);
        right(h, 1, "r102", 102);

        assertThat(h.records()).containsExactlyInAnyOrder("a+r101", "c+r3", "a+r99");
        assertThat(h.sideOutput(LATE_LEFT)).isEmpty();
        assertThat(buffered(h, 1, IntervalJoinOperator.RIGHT_BUFFER)).containsExactly(3L, 99L, 101L, 102L);

        h.endOfKey();
        assertThat(buffered(h, 1, IntervalJoinOperator.LEFT_BUFFER)).isEmpty();
        assertThat(buffered(h, 1, IntervalJoinOperator.RIGHT_BUFFER)).isEmpty();
    }

    /** Each key's records in random timestamp order, keys one after the other; nothing is late in BATCH. */
    @ParameterizedTest(name = "bounds [{0}, {1}], seed {2}")
    @CsvSource({"-2, 3, 11", "0, 0, 12", "-7, -3, 13", "-40, 40, 14"})
    void batchRandomKeysJoinLikeANestedLoop(long lower, long upper, long seed) throws Exception {
        OperatorHarness<String> h = OperatorHarness.batch(operator(lower, upper), 0, KEY, KEY);
        Random random = new Random(seed);
        List<Timed> lefts = new ArrayList<>();
        List<Timed> rights = new ArrayList<>();
        for (int key = 0; key < 20; key++) {
            h.startKey(key);
            for (int i = random.nextInt(60); i > 0; i--) {
                Timed t = new Timed(new Ev(key, "k" + key + "#" + i), random.nextInt(100));
                if (random.nextBoolean()) {
                    lefts.add(t);
                    left(h, key, t.ev().name(), t.ts());
                } else {
                    rights.add(t);
                    right(h, key, t.ev().name(), t.ts());
                }
            }
            h.endOfKey();
            assertThat(buffered(h, key, IntervalJoinOperator.LEFT_BUFFER)).isEmpty();
        }
        h.endInput();

        assertThat(sorted(h.records())).isEqualTo(nestedLoop(lefts, rights, lower, upper));
        assertThat(h.sideOutput(LATE_LEFT)).isEmpty();
        assertThat(h.sideOutput(LATE_RIGHT)).isEmpty();
    }

    // ------------------------------------------------------------------------------------------ oracle

    record Timed(Ev ev, long ts) {
    }

    /** Every pair of a left and a right record of one key with {@code left + lower <= right <= left + upper}. */
    private static List<String> nestedLoop(List<Timed> lefts, List<Timed> rights, long lower, long upper) {
        List<String> pairs = new ArrayList<>();
        for (Timed l : lefts) {
            for (Timed r : rights) {
                if (l.ev().key() == r.ev().key() && r.ts() >= l.ts() + lower && r.ts() <= l.ts() + upper) {
                    pairs.add(l.ev().name() + "+" + r.ev().name());
                }
            }
        }
        return sorted(pairs);
    }

    private static List<String> sorted(List<String> records) {
        List<String> copy = new ArrayList<>(records);
        Collections.sort(copy);
        return copy;
    }
}
