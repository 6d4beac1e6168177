package io.weir.runtime.operators.window;

import io.weir.api.dag.Operation;
import io.weir.api.datastream.DataStream;
import io.weir.api.functions.Collector;
import io.weir.api.functions.windowing.ProcessWindowFunction;
import io.weir.api.tuple.Tuple2;
import io.weir.api.windowing.assigners.EventTimeSessionWindows;
import io.weir.api.windowing.assigners.SlidingEventTimeWindows;
import io.weir.api.windowing.assigners.SlidingProcessingTimeWindows;
import io.weir.api.windowing.assigners.TumblingEventTimeWindows;
import io.weir.api.windowing.assigners.TumblingProcessingTimeWindows;
import io.weir.api.windowing.evictors.CountEvictor;
import io.weir.api.windowing.triggers.ContinuousEventTimeTrigger;
import io.weir.api.windowing.triggers.CountTrigger;
import io.weir.api.windowing.windows.TimeWindow;
import io.weir.runtime.operators.PartialOrRecordKey;
import io.weir.runtime.serialization.KeyedValue;
import io.weir.runtime.testing.OperatorHarness;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;

import static io.weir.runtime.operators.window.Windows.keyed;
import static io.weir.runtime.operators.window.Windows.t;
import static io.weir.runtime.operators.window.WindowOperatorTest.rendered;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * BATCH's end-of-key window operator: for the windows it takes, it must emit exactly what the general window
 * operator emits in BATCH (same records, timestamps, side outputs and order), with no timers or keyed contents.
 */
class BatchWindowOperatorTest {
    private static final long FROZEN_TIME = 1_000_003L;

    @SuppressWarnings({"unchecked", "rawtypes"})
    private static OperatorHarness<Object> endOfKey(DataStream<?> windowed) throws Exception {
        return OperatorHarness.batch((BatchWindowOperator) new BatchWindowOperator<>(Windows.operation(windowed),
                false), FROZEN_TIME, Windows.KEY);
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private static OperatorHarness<Object> general(DataStream<?> windowed) throws Exception {
        return OperatorHarness.batch((WindowOperator) new WindowOperator<>(Windows.operation(windowed)), FROZEN_TIME,
                Windows.KEY);
    }

    static Stream<Arguments> windows() {
        return Stream.of(
                Arguments.of("tumbling sum", keyed().window(TumblingEventTimeWindows.of(Duration.ofMillis(10))).sum(1)),
                Arguments.of("tumbling with offset, aggregate", keyed()
                        .window(TumblingEventTimeWindows.of(Duration.ofMillis(10), Duration.ofMillis(3)))
                        .aggregate(new WindowOperatorTest.SumAggregate())),
                Arguments.of("sliding reduce", keyed()
                        .window(SlidingEventTimeWindows.of(Duration.ofMillis(20), Duration.ofMillis(5)))
                        .reduce((a, b) -> Tuple2.of(a.f0, a.f1 * 31 + b.f1))),
                Arguments.of("sliding reduce with a process window function", keyed()
                        .window(SlidingEventTimeWindows.of(Duration.ofMillis(10), Duration.ofMillis(5)))
                        .reduce((a, b) -> Tuple2.of(a.f0, a.f1 + b.f1), new WindowOperatorTest.Describe<>())),
                Arguments.of("tumbling, all records", keyed().window(TumblingEventTimeWindows.of(Duration.ofMillis(7)))
                        .process(new WindowOperatorTest.ListAll())),
                Arguments.of("window and global state", keyed()
                        .window(TumblingEventTimeWindows.of(Duration.ofMillis(10)))
                        .process(new WindowOperatorTest.FiringCounter())),
                Arguments.of("allowed lateness without a window function", keyed()
                        .window(TumblingEventTimeWindows.of(Duration.ofMillis(10))).allowedLateness(Duration.ofMillis(25))
                        .sum(1)),
                Arguments.of("tumbling processing time", keyed()
                        .window(TumblingProcessingTimeWindows.of(Duration.ofMillis(10))).process(new TimeReport())),
                Arguments.of("sliding processing time", keyed()
                        .window(SlidingProcessingTimeWindows.of(Duration.ofMillis(10), Duration.ofMillis(5))).sum(1)),
                Arguments.of("event time, time report", keyed()
                        .window(TumblingEventTimeWindows.of(Duration.ofMillis(10))).process(new TimeReport())));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("windows")
    void emitsExactlyWhatTheGeneralOperatorEmitsInBatch(String name, DataStream<?> windowed) throws Exception {
        assertThat(BatchWindowOperator.canRun(Windows.operation(windowed))).isTrue();
        for (long seed = 1; seed <= 20; seed++) {
            OperatorHarness<Object> fast = endOfKey(windowed);
            OperatorHarness<Object> reference = general(windowed);
            feedSortedByKey(seed, fast);
            feedSortedByKey(seed, reference);
            assertThat(rendered(fast)).as("seed %d", seed).isNotEmpty().isEqualTo(rendered(reference));
        }
    }

    /** Keys in order, each with records at random (out-of-order, some negative) timestamps, then the input ends. */
    private static void feedSortedByKey(long seed, OperatorHarness<Object> h) throws Exception {
        Random random = new Random(seed);
        int keys = 1 + random.nextInt(5);
        for (int k = 0; k < keys; k++) {
            String key = "k" + k;
            h.startKey(key);
            int records = random.nextInt(12);
            for (int i = 0; i < records; i++) {
                h.processElement(t(key, random.nextInt(100)), random.nextInt(80) - 20);
            }
            h.endOfKey();
        }
        h.endInput();
    }

    @Test
    void firesAKeysWindowsOnlyAtTheEndOfTheKeyInTheOrderOfTheirEnds() throws Exception {
        OperatorHarness<Object> h = endOfKey(keyed().window(TumblingEventTimeWindows.of(Duration.ofMillis(10))).sum(1));
        h.startKey("a");
        h.processElement(t("a", 1), 25);
        h.processElement(t("a", 2), 3);
        h.processElement(t("a", 4), 27);
        h.processElement(t("a", 8), 11);
        assertThat(h.emitted()).isEmpty();
        h.endOfKey();
        h.startKey("b");
        h.processElement(t("b", 16), 3);
        h.endOfKey();
        assertThat(rendered(h)).containsExactly("(a,2)@9", "(a,8)@19", "(a,5)@29", "(b,16)@9");
    }

    @Test
    void readsCombinedPartialsIntoTheWindowsTheirTimestampsNameAndAssignsRecordsThatPassed() throws Exception {
        Operation.Window sum = Windows.operation(keyed().window(TumblingEventTimeWindows.of(Duration.ofMillis(10)))
                .sum(1));
        @SuppressWarnings({"unchecked", "rawtypes"})
        OperatorHarness<Object> h = OperatorHarness.batch((BatchWindowOperator) new BatchWindowOperator<>(sum, true),
                0L, new PartialOrRecordKey<>(Windows.KEY));
        h.startKey("a");
        h.processElement(new KeyedValue("a", t("a", 9)), 19);
        h.processElement(new KeyedValue("a", t("a", 4)), 9);
        h.processElement(t("a", 2), 12);   // a record the combiner let pass
        h.processElement(new KeyedValue("a", t("a", 1)), 19);
        h.endOfKey();
        assertThat(rendered(h)).containsExactly("(a,4)@9", "(a,12)@19");
    }

    @Test
    void takesOnlyBuiltInTumblingAndSlidingWindowsWithTheirDefaultTriggerAndNoEvictor() {
        assertThat(BatchWindowOperator.canRun(Windows.operation(keyed()
                .window(EventTimeSessionWindows.withGap(Duration.ofMillis(10))).sum(1)))).as("sessions").isFalse();
        assertThat(BatchWindowOperator.canRun(Windows.operation(keyed().countWindow(3).sum(1)))).as("count").isFalse();
        assertThat(BatchWindowOperator.canRun(Windows.operation(keyed()
                .window(TumblingEventTimeWindows.of(Duration.ofMillis(10))).trigger(CountTrigger.of(2)).sum(1))))
                .as("count trigger").isFalse();
        assertThat(BatchWindowOperator.canRun(Windows.operation(keyed()
                .window(TumblingEventTimeWindows.of(Duration.ofMillis(10)))
                .trigger(ContinuousEventTimeTrigger.of(Duration.ofMillis(2))).sum(1)))).as("continuous").isFalse();
        assertThat(BatchWindowOperator.canRun(Windows.operation(keyed()
                .window(TumblingEventTimeWindows.of(Duration.ofMillis(10))).evictor(CountEvictor.of(2)).sum(1))))
                .as("evictor").isFalse();
        assertThat(BatchWindowOperator.canRun(Windows.operation(keyed()
                .window(new TumblingEventTimeWindows(Duration.ofMillis(10).toMillis(), 0) { }).sum(1))))
                .as("a subclass of a built-in assigner").isFalse();
        assertThat(BatchWindowOperator.canRun(Windows.operation(keyed()
                .window(TumblingEventTimeWindows.of(Duration.ofMillis(10))).allowedLateness(Duration.ofMillis(5))
                .process(new WindowOperatorTest.ListAll())))).as("lateness with a window function").isFalse();
    }

    /** What a window function sees of time when its window fires. */
    static final class TimeReport extends ProcessWindowFunction<Tuple2<String, Integer>, String, String, TimeWindow> {
        @Override
        public void process(String key, Context context, Iterable<Tuple2<String, Integer>> elements,
                            Collector<String> out) {
            List<Integer> values = new ArrayList<>();
            elements.forEach(e -> values.add(e.f1));
            out.collect(key + " " + context.window() + " " + values + " watermark " + context.currentWatermark()
                    + " processing time " + context.currentProcessingTime());
        }
    }
}
