package io.weir.runtime.operators.window;

import io.weir.api.common.OutputTag;
import io.weir.api.functions.AggregateFunction;
import io.weir.api.functions.Collector;
import io.weir.api.functions.windowing.ProcessWindowFunction;
import io.weir.api.state.ValueState;
import io.weir.api.state.ValueStateDescriptor;
import io.weir.api.tuple.Tuple2;
import io.weir.api.windowing.assigners.EventTimeSessionWindows;
import io.weir.api.windowing.assigners.SlidingEventTimeWindows;
import io.weir.api.windowing.assigners.TumblingEventTimeWindows;
import io.weir.api.windowing.assigners.TumblingProcessingTimeWindows;
import io.weir.api.windowing.assigners.ProcessingTimeSessionWindows;
import io.weir.api.windowing.evictors.CountEvictor;
import io.weir.api.windowing.evictors.Evictor;
import io.weir.api.windowing.evictors.TimeEvictor;
import io.weir.api.windowing.evictors.TimestampedValue;
import io.weir.api.windowing.triggers.ContinuousEventTimeTrigger;
import io.weir.api.windowing.triggers.ContinuousProcessingTimeTrigger;
import io.weir.api.windowing.triggers.CountTrigger;
import io.weir.api.windowing.triggers.PurgingTrigger;
import io.weir.api.windowing.windows.TimeWindow;
import io.weir.api.datastream.DataStream;
import io.weir.runtime.testing.OperatorHarness;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;

import static io.weir.runtime.operators.window.Windows.keyed;
import static io.weir.runtime.operators.window.Windows.t;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The window operator on its own, in both modes' harnesses: what fires when, with which contents and timestamp,
 * what happens to late records, how session windows merge their contents, trigger state and timers, and how
 * triggers, evictors and each kind of window function behave. Expected outputs are written out by hand.
 */
class WindowOperatorTest {
    private static final OutputTag<Tuple2<String, Integer>> LATE = new OutputTag<>("late") {};

    /** What the harness saw, as text: {@code (a,5)@9} for a record, {@code late:(a,1)@3} for a side output, {@code wm 9}. */
    static List<String> rendered(OperatorHarness<?> h) {
        List<String> out = new ArrayList<>();
        for (OperatorHarness.Emitted e : h.emitted()) {
            if (e.isWatermark()) {
                out.add("wm " + (e.timestamp() == Long.MAX_VALUE ? "MAX" : e.timestamp()));
            } else {
                out.add((e.sideOutput() == null ? "" : e.sideOutput().getId() + ":") + e.value() + "@" + e.timestamp());
            }
        }
        return out;
    }

    private static DataStream<Tuple2<String, Integer>> tumblingSum(long size) {
        return keyed().window(TumblingEventTimeWindows.of(Duration.ofMillis(size))).sum(1);
    }

    @Nested
    class EventTimeWindowsInStreaming {
        @Test
        void theWatermarkFiresWindowsInTimeOrderWithTheirMaxTimestampAndOutOfOrderRecordsCount() throws Exception {
            OperatorHarness<Tuple2<String, Integer>> h = Windows.streaming(tumblingSum(10));
            h.processElement(t("a", 1), 3);
            h.processElement(t("a", 2), 12);
            h.processElement(t("b", 10), 5);
            h.processElement(t("a", 4), 7);
            h.processWatermark(9);
            h.processElement(t("a", 8), 11);
            h.processWatermark(25);
            h.processWatermark(Long.MAX_VALUE);

            assertThat(rendered(h)).containsExactly("(a,5)@9", "(b,10)@9", "wm 9", "(a,10)@19", "wm 25", "wm MAX");
        }

        @Test
        void aWindowFiresOnlyWhenTheWatermarkReachesItsLastMillisecond() throws Exception {
            OperatorHarness<Tuple2<String, Integer>> h = Windows.streaming(tumblingSum(10));
            h.processElement(t("a", 1), 9);
            h.processWatermark(8);
            assertThat(h.records()).isEmpty();
            h.processWatermark(9);
            assertThat(rendered(h)).containsExactly("wm 8", "(a,1)@9", "wm 9");
        }

        @Test
        void negativeTimestampsAndOffsetsPlaceRecordsInTheRightWindows() throws Exception {
            DataStream<Tuple2<String, Integer>> offset = keyed()
                    .window(TumblingEventTimeWindows.of(Duration.ofMillis(10), Duration.ofMillis(3))).sum(1);
            OperatorHarness<Tuple2<String, Integer>> h = Windows.streaming(offset);
            h.processElement(t("a", 1), -8);  // [-17, -7)
            h.processElement(t("a", 2), -7);  // [-7, 3)
            h.processElement(t("a", 4), 2);   // [-7, 3)
            h.processElement(t("a", 8), 3);   // [3, 13)
            h.endInput();

            assertThat(h.records()).containsExactly(t("a", 1), t("a", 6), t("a", 8));
            assertThat(rendered(h)).startsWith("(a,1)@-8", "(a,6)@2", "(a,8)@12");
        }

        @Test
        void slidingWindowsGetEveryRecordInEachWindowThatContainsIt() throws Exception {
            DataStream<Tuple2<String, Integer>> sliding = keyed()
                    .window(SlidingEventTimeWindows.of(Duration.ofMillis(10), Duration.ofMillis(5))).sum(1);
            OperatorHarness<Tuple2<String, Integer>> h = Windows.streaming(sliding);
            h.processElement(t("a", 1), 2);   // [-5,5) [0,10)
            h.processElement(t("a", 2), 7);   // [0,10) [5,15)
            h.processElement(t("a", 4), 12);  // [5,15) [10,20)
            h.endInput();

            assertThat(rendered(h)).containsExactly("(a,1)@4", "(a,3)@9", "(a,6)@14", "(a,4)@19", "wm MAX");
        }

        @Test
        void lateRecordsAreDroppedAndCounted() throws Exception {
            OperatorHarness<Tuple2<String, Integer>> h = Windows.streaming(tumblingSum(10));
            h.processElement(t("a", 1), 3);
            h.processWatermark(9);
            h.processElement(t("a", 100), 5);
            h.processElement(t("a", 100), 9);
            h.processElement(t("a", 2), 10);
            h.endInput();

            assertThat(h.records()).containsExactly(t("a", 1), t("a", 2));
            assertThat(h.accumulatorValue("operator under test.numLateRecordsDropped")).isEqualTo(2L);
        }

        @Test
        void lateRecordsGoToTheSideOutputWithTheirTimestamp() throws Exception {
            OperatorHarness<Tuple2<String, Integer>> h = Windows.streaming(keyed()
                    .window(TumblingEventTimeWindows.of(Duration.ofMillis(10))).sideOutputLateData(LATE).sum(1));
            h.processElement(t("a", 1), 3);
            h.processWatermark(12);
            h.processElement(t("a", 7), 5);
            h.processElement(t("b", 9), 15);
            h.endInput();

            assertThat(rendered(h)).containsExactly("(a,1)@9", "wm 12", "late:(a,7)@5", "(b,9)@19", "wm MAX");
            assertThat(h.accumulatorValue("operator under test.numLateRecordsDropped")).isNull();
        }

        @Test
        void withinTheAllowedLatenessALateRecordFiresItsWindowAgainAndAfterItTheWindowIsGone() throws Exception {
            OperatorHarness<Tuple2<String, Integer>> h = Windows.streaming(keyed()
                    .window(TumblingEventTimeWindows.of(Duration.ofMillis(10)))
                    .allowedLateness(Duration.ofMillis(5)).sideOutputLateData(LATE).sum(1));
            h.processElement(t("a", 1), 3);
            h.processWatermark(9);
            h.processElement(t("a", 2), 4);    // late but allowed: fires again with everything so far
            h.processWatermark(13);
            h.processElement(t("a", 4), 8);    // cleanup at 9 + 5 = 14 is still ahead
            h.processWatermark(14);            // cleanup: the window's contents are gone
            h.processElement(t("a", 8), 1);    // too late now
            h.endInput();

            assertThat(rendered(h)).containsExactly("(a,1)@9", "wm 9", "(a,3)@9", "wm 13", "(a,7)@9", "wm 14",
                    "late:(a,8)@1", "wm MAX");
        }

        @Test
        void aRecordLateForSomeOfItsSlidingWindowsGoesIntoTheOthersAndIsNotReportedLate() throws Exception {
            OperatorHarness<Tuple2<String, Integer>> h = Windows.streaming(keyed()
                    .window(SlidingEventTimeWindows.of(Duration.ofMillis(10), Duration.ofMillis(5)))
                    .sideOutputLateData(LATE).sum(1));
            h.processElement(t("a", 1), 6);     // [0,10) [5,15)
            h.processWatermark(9);              // [0,10) fires
            h.processElement(t("a", 2), 7);     // [0,10) is late, [5,15) is not
            h.endInput();

            assertThat(rendered(h)).containsExactly("(a,1)@9", "wm 9", "(a,3)@14", "wm MAX");
        }
    }

    @Nested
    class Sessions {
        private DataStream<Tuple2<String, Integer>> sessions(long gap) {
            return keyed().window(EventTimeSessionWindows.withGap(Duration.ofMillis(gap))).sum(1);
        }

        @Test
        void recordsCloserThanTheGapFormOneSessionAndTheMergedWindowsTimersAreGone() throws Exception {
            OperatorHarness<Tuple2<String, Integer>> h = Windows.streaming(sessions(10));
            h.processElement(t("a", 1), 0);     // [0,10)
            h.processElement(t("a", 2), 5);     // [5,15) -> [0,15)
            h.processElement(t("b", 16), 3);    // [3,13), another key
            h.processWatermark(12);             // [0,10)'s end passed, but it is no window any more
            h.processElement(t("a", 4), 30);    // [30,40)
            h.processElement(t("a", 8), 22);    // [22,32) -> [22,40)
            h.processWatermark(20);
            h.processWatermark(Long.MAX_VALUE);

            assertThat(rendered(h)).containsExactly("(b,16)@12", "wm 12", "(a,3)@14", "wm 20", "(a,12)@39", "wm MAX");
        }

        @Test
        void aRecordBetweenTwoSessionsJoinsThemIntoOne() throws Exception {
            OperatorHarness<Tuple2<String, Integer>> h = Windows.streaming(sessions(10));
            h.processElement(t("a", 1), 0);     // [0,10)
            h.processElement(t("a", 2), 20);    // [20,30)
            h.processElement(t("a", 4), 10);    // [10,20) touches both -> [0,30)
            h.endInput();

            assertThat(rendered(h)).containsExactly("(a,7)@29", "wm MAX");
        }

        @Test
        void theTriggerStateOfMergedWindowsIsMerged() throws Exception {
            OperatorHarness<Tuple2<String, Integer>> h = Windows.streaming(keyed()
                    .window(EventTimeSessionWindows.withGap(Duration.ofMillis(10)))
                    .trigger(CountTrigger.of(3)).sum(1));
            h.processElement(t("a", 1), 0);
            h.processElement(t("a", 2), 20);
            assertThat(h.records()).isEmpty();
            h.processElement(t("a", 4), 10);    // merged counts 1 + 1, plus this record: 3
            assertThat(rendered(h)).containsExactly("(a,7)@29");
        }

        @Test
        void aLateRecordWhoseSessionWouldMergeWithALiveOneJoinsItAndOtherwiseIsLate() throws Exception {
            OperatorHarness<Tuple2<String, Integer>> h = Windows.streaming(keyed()
                    .window(EventTimeSessionWindows.withGap(Duration.ofMillis(10))).sideOutputLateData(LATE).sum(1));
            h.processElement(t("a", 1), 20);    // [20,30)
            h.processWatermark(15);
            h.processElement(t("a", 2), 12);    // [12,22) is not late (ends after 15), merges: [12,30)
            h.processElement(t("a", 4), 1);     // [1,11) ends at 10 <= 15 and touches no live session: late
            h.endInput();

            assertThat(rendered(h)).containsExactly("wm 15", "late:(a,4)@1", "(a,3)@29", "wm MAX");
        }

        @Test
        void dynamicGapsComeFromEachRecord() throws Exception {
            OperatorHarness<Tuple2<String, Integer>> h = Windows.streaming(keyed()
                    .window(EventTimeSessionWindows.<Tuple2<String, Integer>>withDynamicGap(r -> r.f1 * 10L)).sum(1));
            h.processElement(t("a", 1), 0);     // [0,10)
            h.processElement(t("a", 3), 15);    // [15,45)
            h.processElement(t("a", 1), 9);     // [9,19) bridges: [0,45)
            h.processElement(t("a", 2), 60);    // [60,80)
            h.endInput();

            assertThat(rendered(h)).containsExactly("(a,5)@44", "(a,2)@79", "wm MAX");
        }

        @Test
        void perWindowStateIsRejectedForMergingWindows() throws Exception {
            OperatorHarness<String> h = Windows.streaming(keyed()
                    .window(EventTimeSessionWindows.withGap(Duration.ofMillis(10))).process(new FiringCounter()));
            h.processElement(t("a", 1), 0);
            assertThatThrownBy(h::endInput).isInstanceOf(UnsupportedOperationException.class)
                    .hasMessageContaining("Per-window state is not available with merging (session) windows");
        }
    }

    @Nested
    class Batch {
        @Test
        void eachKeysWindowsFireAtTheEndOfTheKeyInTimeOrderWithTheSameResultsAsStreaming() throws Exception {
            OperatorHarness<Tuple2<String, Integer>> h = Windows.batch(tumblingSum(10), 0);
            h.startKey("a");
            h.processElement(t("a", 2), 12);
            h.processElement(t("a", 1), 3);
            h.processElement(t("a", 4), 7);
            h.processElement(t("a", 8), 11);
            assertThat(h.records()).isEmpty();
            h.endOfKey();
            h.startKey("b");
            h.processElement(t("b", 10), 5);
            h.endOfKey();
            h.endInput();

            assertThat(rendered(h)).containsExactly("(a,5)@9", "(a,10)@19", "(b,10)@9", "wm MAX");
        }

        @Test
        void nothingIsLateAndAllowedLatenessChangesNothing() throws Exception {
            OperatorHarness<Tuple2<String, Integer>> h = Windows.batch(keyed()
                    .window(TumblingEventTimeWindows.of(Duration.ofMillis(10)))
                    .allowedLateness(Duration.ofMillis(5)).sideOutputLateData(LATE).sum(1), 0);
            h.startKey("a");
            h.processElement(t("a", 1), 300);
            h.processElement(t("a", 2), 1);
            h.endOfKey();
            h.endInput();

            assertThat(rendered(h)).containsExactly("(a,2)@9", "(a,1)@309", "wm MAX");
        }

        @Test
        void sessionsMergeTheSameWay() throws Exception {
            OperatorHarness<Tuple2<String, Integer>> h = Windows.batch(keyed()
                    .window(EventTimeSessionWindows.withGap(Duration.ofMillis(10))).sum(1), 0);
            h.startKey("a");
            for (int[] r : new int[][] {{1, 0}, {2, 5}, {4, 30}, {8, 22}}) {
                h.processElement(t("a", r[0]), r[1]);
            }
            h.endOfKey();
            h.startKey("b");
            h.processElement(t("b", 16), 3);
            h.endOfKey();

            assertThat(h.records()).containsExactly(t("a", 3), t("a", 12), t("b", 16));
        }

        @Test
        void processingTimeIsFrozenSoEachKeysRecordsShareOneProcessingTimeWindowFiredAtTheKeysEnd() throws Exception {
            OperatorHarness<Tuple2<String, Integer>> h = Windows.batch(keyed()
                    .window(TumblingProcessingTimeWindows.of(Duration.ofMillis(10))).sum(1), 1_234);
            h.startKey("a");
            h.processElement(t("a", 1), 0);
            h.processElement(t("a", 2), 0);
            assertThat(h.records()).isEmpty();
            h.endOfKey();
            h.startKey("b");
            h.processElement(t("b", 5), 0);
            h.endOfKey();

            assertThat(rendered(h)).containsExactly("(a,3)@1239", "(b,5)@1239");
        }

        @Test
        void continuousProcessingTimeTriggersFireEachWindowOnceWithAllOfItsRecords() throws Exception {
            OperatorHarness<Tuple2<String, Integer>> h = Windows.batch(keyed()
                    .window(TumblingProcessingTimeWindows.of(Duration.ofMillis(100)))
                    .trigger(ContinuousProcessingTimeTrigger.of(Duration.ofMillis(10))).sum(1), 1_005);
            h.startKey("a");
            h.processElement(t("a", 1), 0);
            h.processElement(t("a", 2), 0);
            h.endOfKey();
            h.startKey("b");
            h.processElement(t("b", 4), 0);
            h.endOfKey();
            h.endInput();

            assertThat(rendered(h)).containsExactly("(a,3)@1099", "(b,4)@1099", "wm MAX");
        }

        @Test
        void continuousEventTimeTriggersFireEachWindowOnceWithAllOfItsRecords() throws Exception {
            OperatorHarness<Tuple2<String, Integer>> h = Windows.batch(keyed()
                    .window(TumblingEventTimeWindows.of(Duration.ofMillis(100)))
                    .trigger(ContinuousEventTimeTrigger.of(Duration.ofMillis(10))).sum(1), 0);
            h.startKey("a");
            h.processElement(t("a", 1), 5);
            h.processElement(t("a", 2), 15);
            h.processElement(t("a", 4), 55);
            h.endOfKey();

            assertThat(rendered(h)).containsExactly("(a,7)@99");
        }
    }

    @Nested
    class Triggers {
        @Test
        void continuousEventTimeTriggerFiresEachIntervalOnceEvenWhenTheWatermarkJumpsAndAtTheEnd() throws Exception {
            OperatorHarness<Tuple2<String, Integer>> h = Windows.streaming(keyed()
                    .window(TumblingEventTimeWindows.of(Duration.ofMillis(100)))
                    .trigger(ContinuousEventTimeTrigger.of(Duration.ofMillis(10))).sum(1));
            h.processElement(t("a", 1), 5);
            h.processWatermark(10);             // first period ends at 10
            h.processElement(t("a", 2), 15);
            h.processWatermark(45);             // 20, 30 and 40 passed: one firing
            h.processElement(t("a", 4), 46);
            h.processWatermark(49);             // nothing due: the next firing is at 50
            h.processWatermark(50);
            h.processElement(t("a", 8), 55);
            h.processWatermark(Long.MAX_VALUE); // 60 and the window's end: one firing
            assertThat(rendered(h)).containsExactly("(a,1)@99", "wm 10", "(a,3)@99", "wm 45", "wm 49", "(a,7)@99",
                    "wm 50", "(a,15)@99", "wm MAX");
        }

        @Test
        void continuousProcessingTimeTriggerFiresOnTheClockAndWhenTheWindowEnds() throws Exception {
            OperatorHarness<Tuple2<String, Integer>> h = Windows.streaming(keyed()
                    .window(TumblingProcessingTimeWindows.of(Duration.ofMillis(100)))
                    .trigger(ContinuousProcessingTimeTrigger.of(Duration.ofMillis(30))).sum(1));
            h.setProcessingTime(5);
            h.processElement(t("a", 1), 0);
            h.setProcessingTime(29);
            assertThat(h.records()).isEmpty();
            h.setProcessingTime(30);
            h.processElement(t("a", 2), 0);
            h.setProcessingTime(95);            // 60 and 90 passed in one step: one firing
            h.processElement(t("a", 4), 0);
            h.setProcessingTime(99);            // the window's end
            h.setProcessingTime(200);
            assertThat(rendered(h)).containsExactly("(a,1)@99", "(a,3)@99", "(a,7)@99");
        }

        @Test
        void aCustomTriggerMayDeleteAndRegisterTheCleanupTimeAndRegisterTheTimerThatIsFiring() throws Exception {
            OperatorHarness<Tuple2<String, Integer>> h = Windows.streaming(keyed()
                    .window(TumblingEventTimeWindows.of(Duration.ofMillis(10))).allowedLateness(Duration.ofMillis(5))
                    .trigger(new FireTwice()).sum(1));
            h.processElement(t("a", 1), 3);
            h.processElement(t("a", 2), 4);
            h.processWatermark(9);              // fires, registers its own (due) timer again, which fires at once
            h.processWatermark(10);
            h.processWatermark(14);             // the cleanup timer: fires once more, then the window is gone
            h.processElement(t("a", 4), 5);     // late
            h.endInput();
            assertThat(rendered(h)).containsExactly("(a,3)@9", "(a,3)@9", "wm 9", "wm 10", "(a,3)@9", "wm 14",
                    "wm MAX");
            assertThat(h.accumulatorValue("operator under test.numLateRecordsDropped")).isEqualTo(1L);
        }

        @Test
        void aPurgingCountTriggerEmitsEachGroupOfRecordsOnceAndKeepsTheRest() throws Exception {
            OperatorHarness<Tuple2<String, Integer>> h = Windows.streaming(keyed()
                    .window(TumblingEventTimeWindows.of(Duration.ofMillis(100)))
                    .trigger(PurgingTrigger.of(CountTrigger.of(2))).sum(1));
            for (int v : new int[] {1, 2, 4, 8, 16}) {
                h.processElement(t("a", v), 10);
            }
            h.endInput();
            // The count trigger never fires on time: the fifth record stays unemitted.
            assertThat(rendered(h)).containsExactly("(a,3)@99", "(a,12)@99", "wm MAX");
        }

        @Test
        void aCountTriggerWithoutPurgingFiresWithEverythingSoFar() throws Exception {
            OperatorHarness<Tuple2<String, Integer>> h = Windows.streaming(keyed()
                    .window(TumblingEventTimeWindows.of(Duration.ofMillis(100))).trigger(CountTrigger.of(2)).sum(1));
            for (int v : new int[] {1, 2, 4, 8, 16}) {
                h.processElement(t("a", v), 10);
            }
            h.processElement(t("b", 1), 10);
            h.processElement(t("a", 32), 10);
            assertThat(h.records()).containsExactly(t("a", 3), t("a", 15), t("a", 63));
        }

        @Test
        void processingTimeWindowsFireOnTheManualClock() throws Exception {
            OperatorHarness<Tuple2<String, Integer>> h = Windows.streaming(keyed()
                    .window(TumblingProcessingTimeWindows.of(Duration.ofMillis(10))).sum(1));
            h.setProcessingTime(3);
            h.processElement(t("a", 1), 0);
            h.processElement(t("b", 2), 0);
            h.setProcessingTime(8);
            h.processElement(t("a", 4), 0);
            h.setProcessingTime(10);
            h.processElement(t("a", 8), 0);
            h.setProcessingTime(25);
            assertThat(rendered(h)).containsExactly("(a,5)@9", "(b,2)@9", "(a,8)@19");
        }

        @Test
        void processingTimeSessionsCloseAfterAGapOfClockTime() throws Exception {
            OperatorHarness<Tuple2<String, Integer>> h = Windows.streaming(keyed()
                    .window(ProcessingTimeSessionWindows.withGap(Duration.ofMillis(10))).sum(1));
            h.setProcessingTime(0);
            h.processElement(t("a", 1), 0);
            h.setProcessingTime(8);
            h.processElement(t("a", 2), 0);     // [8,18): merged [0,18)
            h.setProcessingTime(16);
            assertThat(h.records()).isEmpty();
            h.setProcessingTime(17);            // the session's last millisecond
            assertThat(h.records()).containsExactly(t("a", 3));
            h.setProcessingTime(18);
            h.processElement(t("a", 4), 0);     // a new session [18,28)
            h.endInput();
            assertThat(rendered(h)).containsExactly("(a,3)@17", "wm MAX", "(a,4)@27");
        }
    }

    @Nested
    class CountWindowsAndEvictors {
        @Test
        void countWindowsFireEverySizeRecordsPerKeyAndDropAnIncompleteLastWindow() throws Exception {
            OperatorHarness<Tuple2<String, Integer>> h = Windows.streaming(keyed().countWindow(3).sum(1));
            for (int v = 1; v <= 7; v++) {
                h.processElement(t("a", v), 0);
                h.processElement(t("b", 10 * v), 0);
            }
            h.endInput();
            assertThat(h.records()).containsExactly(t("a", 6), t("b", 60), t("a", 15), t("b", 150));
            assertThat(rendered(h)).contains("(a,6)@" + Long.MAX_VALUE);
        }

        @Test
        void slidingCountWindowsFireEverySlideRecordsWithTheLastSizeRecords() throws Exception {
            OperatorHarness<Tuple2<String, Integer>> h = Windows.streaming(keyed().countWindow(3, 2).sum(1));
            for (int v = 1; v <= 7; v++) {
                h.processElement(t("a", v), 0);
            }
            assertThat(h.records()).containsExactly(t("a", 3), t("a", 9), t("a", 15));
        }

        @Test
        void countWindowsInBatchGiveTheSameResult() throws Exception {
            OperatorHarness<Tuple2<String, Integer>> h = Windows.batch(keyed().countWindow(3, 2).sum(1), 0);
            h.startKey("a");
            for (int v = 1; v <= 7; v++) {
                h.processElement(t("a", v), 0);
            }
            h.endOfKey();
            assertThat(h.records()).containsExactly(t("a", 3), t("a", 9), t("a", 15));
        }

        @Test
        void aTimeEvictorKeepsTheRecordsWithinItsSizeOfTheNewestBeforeTheFunctionRuns() throws Exception {
            OperatorHarness<String> h = Windows.streaming(keyed()
                    .window(TumblingEventTimeWindows.of(Duration.ofMillis(100)))
                    .evictor(TimeEvictor.of(Duration.ofMillis(20))).process(new ListAll()));
            h.processElement(t("a", 1), 10);
            h.processElement(t("a", 2), 60);
            h.processElement(t("a", 3), 40);    // 40 <= 60 - 20: evicted
            h.processElement(t("a", 4), 41);
            h.endInput();
            assertThat(h.records()).containsExactly("a [0,100): [2, 4]");
        }

        @Test
        void aCountEvictorAfterTheFunctionLeavesTheNewestRecordsForTheNextFiring() throws Exception {
            OperatorHarness<String> h = Windows.streaming(keyed()
                    .window(TumblingEventTimeWindows.of(Duration.ofMillis(100)))
                    .trigger(CountTrigger.of(3)).evictor(CountEvictor.of(1, true)).process(new ListAll()));
            for (int v = 1; v <= 7; v++) {
                h.processElement(t("a", v), 10);
            }
            assertThat(h.records()).containsExactly("a [0,100): [1, 2, 3]", "a [0,100): [3, 4, 5, 6]");
        }

        @Test
        void withAnEvictorReduceAndAggregateRunOverTheRecordsLeft() throws Exception {
            OperatorHarness<Tuple2<String, Integer>> reduced = Windows.streaming(keyed()
                    .window(TumblingEventTimeWindows.of(Duration.ofMillis(100)))
                    .evictor(CountEvictor.of(2)).reduce((x, y) -> t(x.f0, x.f1 + y.f1)));
            OperatorHarness<Long> aggregated = Windows.streaming(keyed()
                    .window(TumblingEventTimeWindows.of(Duration.ofMillis(100)))
                    .evictor(CountEvictor.of(2)).aggregate(new SumAggregate()));
            for (int v : new int[] {1, 2, 4, 8}) {
                reduced.processElement(t("a", v), 10);
                aggregated.processElement(t("a", v), 10);
            }
            reduced.endInput();
            aggregated.endInput();
            assertThat(reduced.records()).containsExactly(t("a", 12));
            assertThat(aggregated.records()).containsExactly(12L);
        }

        @Test
        void whenAnEvictorRemovesEveryRecordTheFunctionIsNotCalled() throws Exception {
            OperatorHarness<String> h = Windows.streaming(keyed()
                    .window(TumblingEventTimeWindows.of(Duration.ofMillis(100)))
                    .evictor(new EvictAll()).process(new ListAll()));
            h.processElement(t("a", 1), 10);
            h.endInput();
            assertThat(h.records()).isEmpty();
        }
    }

    @Nested
    class WindowFunctions {
        @Test
        void aggregateEmitsTheAccumulatorsResult() throws Exception {
            OperatorHarness<Long> h = Windows.streaming(keyed()
                    .window(TumblingEventTimeWindows.of(Duration.ofMillis(10))).aggregate(new SumAggregate()));
            h.processElement(t("a", 1), 1);
            h.processElement(t("a", 2), 2);
            h.processElement(t("a", 4), 12);
            h.endInput();
            assertThat(rendered(h)).containsExactly("3@9", "4@19", "wm MAX");
        }

        @Test
        void reduceAndAggregateHandTheirOneResultToTheProcessFunctionWithTheWindow() throws Exception {
            OperatorHarness<String> reduced = Windows.streaming(keyed()
                    .window(TumblingEventTimeWindows.of(Duration.ofMillis(10)))
                    .reduce((x, y) -> t(x.f0, x.f1 + y.f1), new Describe<>()));
            OperatorHarness<String> aggregated = Windows.streaming(keyed()
                    .window(TumblingEventTimeWindows.of(Duration.ofMillis(10)))
                    .aggregate(new SumAggregate(), new Describe<>()));
            for (OperatorHarness<String> h : List.of(reduced, aggregated)) {
                h.processElement(t("a", 1), 1);
                h.processElement(t("a", 2), 2);
                h.processElement(t("b", 4), 12);
                h.endInput();
            }
            assertThat(rendered(reduced)).containsExactly("a [0,10) [(a,3)]@9", "b [10,20) [(b,4)]@19", "wm MAX");
            assertThat(rendered(aggregated)).containsExactly("a [0,10) [3]@9", "b [10,20) [4]@19", "wm MAX");
        }

        @Test
        void applyGetsTheKeyTheWindowAndEveryRecord() throws Exception {
            OperatorHarness<String> h = Windows.streaming(keyed()
                    .window(TumblingEventTimeWindows.of(Duration.ofMillis(10)))
                    .apply((String key, TimeWindow w, Iterable<Tuple2<String, Integer>> records,
                            Collector<String> out) -> out.collect(key + " " + w.getStart() + " " + records)));
            h.processElement(t("a", 1), 1);
            h.processElement(t("a", 2), 2);
            h.endInput();
            assertThat(h.records()).containsExactly("a 0 [(a,1), (a,2)]");
        }

        @Test
        void processWindowFunctionsKeepPerWindowAndPerKeyStateEmitSideOutputsAndClearAtCleanup() throws Exception {
            FiringCounter counter = new FiringCounter();
            OperatorHarness<String> h = Windows.streaming(keyed()
                    .window(TumblingEventTimeWindows.of(Duration.ofMillis(10)))
                    .allowedLateness(Duration.ofMillis(10)).process(counter));
            h.processElement(t("a", 1), 1);
            h.processElement(t("a", 1), 11);
            h.processWatermark(9);              // [0,10) fires for the first time
            h.processElement(t("a", 1), 2);     // fires [0,10) again
            h.processWatermark(19);             // [0,10) is cleaned up, [10,20) fires
            h.processElement(t("a", 1), 3);     // too late: dropped
            h.endInput();

            assertThat(rendered(h)).containsExactly(
                    "a [0,10) firing 1 of this window, 1 of the key@9",
                    "fired:a@9",
                    "wm 9",
                    "a [0,10) firing 2 of this window, 2 of the key@9",
                    "fired:a@9",
                    "cleared:[0,10) after 2 firings@9",
                    "a [10,20) firing 1 of this window, 3 of the key@19",
                    "fired:a@19",
                    "wm 19",
                    "cleared:[10,20) after 1 firings@19",
                    "wm MAX");
        }

        @Test
        void processAllWindowFunctionsOfWindowAllSeeTheWindowAllRecordsAndTheirState() throws Exception {
            io.weir.api.datastream.DataStream<String> all = io.weir.api.environment.StreamExecutionEnvironment
                    .getExecutionEnvironment().fromElements(t("", 0))
                    .windowAll(TumblingEventTimeWindows.of(Duration.ofMillis(10)))
                    .process(new CountingAll());
            @SuppressWarnings({"unchecked", "rawtypes"})
            OperatorHarness<String> h = (OperatorHarness) OperatorHarness.streaming(
                    (WindowOperator) new WindowOperator<>(Windows.operation(all)), 0L,
                    (io.weir.api.functions.KeySelector<Object, Byte>) r -> (byte) 0);
            h.processElement(t("a", 1), 1);
            h.processElement(t("b", 2), 2);
            h.processElement(t("a", 4), 12);
            h.endInput();
            assertThat(rendered(h)).containsExactly("[0,10) (a,1) (b,2), window 1 of 1 in total@9",
                    "[10,20) (a,4), window 1 of 2 in total@19", "wm MAX");
        }

        @Test
        void aFailingWindowFunctionFailsTheOperator() throws Exception {
            OperatorHarness<String> h = Windows.streaming(keyed()
                    .window(TumblingEventTimeWindows.of(Duration.ofMillis(10)))
                    .apply((String key, TimeWindow w, Iterable<Tuple2<String, Integer>> records,
                            Collector<String> out) -> {
                        throw new IllegalStateException("window function failed for " + key);
                    }));
            h.processElement(t("a", 1), 1);
            assertThatThrownBy(() -> h.processWatermark(9)).hasMessageContaining("window function failed for a");
        }

        @Test
        void eventTimeWindowsRejectRecordsWithoutTimestamps() throws Exception {
            OperatorHarness<Tuple2<String, Integer>> h = Windows.streaming(tumblingSum(10));
            assertThatThrownBy(() -> h.processElement(t("a", 1), Long.MIN_VALUE))
                    .hasMessageContaining("without an event timestamp").hasMessageContaining("(a,1)");
        }
    }

    // --------------------------------------------------------------------------------------- functions

    static final class SumAggregate implements AggregateFunction<Tuple2<String, Integer>, long[], Long> {
        @Override
        public long[] createAccumulator() {
            return new long[1];
        }

        @Override
        public long[] add(Tuple2<String, Integer> value, long[] acc) {
            acc[0] += value.f1;
            return acc;
        }

        @Override
        public Long getResult(long[] acc) {
            return acc[0];
        }

        @Override
        public long[] merge(long[] a, long[] b) {
            a[0] += b[0];
            return a;
        }
    }

    /** "key [start,end) [elements]". */
    static final class Describe<T> extends ProcessWindowFunction<T, String, String, TimeWindow> {
        @Override
        public void process(String key, Context context, Iterable<T> elements, Collector<String> out) {
            List<T> all = new ArrayList<>();
            elements.forEach(all::add);
            out.collect(key + " [" + context.window().getStart() + "," + context.window().getEnd() + ") " + all);
        }
    }

    /** "key [start,end): [values]" for all records, as an evictor left them. */
    static final class ListAll extends ProcessWindowFunction<Tuple2<String, Integer>, String, String, TimeWindow> {
        @Override
        public void process(String key, Context context, Iterable<Tuple2<String, Integer>> elements,
                            Collector<String> out) {
            List<Integer> values = new ArrayList<>();
            elements.forEach(e -> values.add(e.f1));
            out.collect(key + " [" + context.window().getStart() + "," + context.window().getEnd() + "): " + values);
        }
    }

    /** Counts firings per window (window state) and per key (global state); reports in a side output. */
    static final class FiringCounter extends ProcessWindowFunction<Tuple2<String, Integer>, String, String, TimeWindow> {
        static final OutputTag<String> FIRED = new OutputTag<>("fired") {};
        static final OutputTag<String> CLEARED = new OutputTag<>("cleared") {};
        private final ValueStateDescriptor<Integer> perWindow = new ValueStateDescriptor<>("firings", Integer.class, 0);
        private final ValueStateDescriptor<Integer> perKey = new ValueStateDescriptor<>("firings", Integer.class, 0);

        @Override
        public void process(String key, Context context, Iterable<Tuple2<String, Integer>> elements,
                            Collector<String> out) throws Exception {
            ValueState<Integer> window = context.windowState().getState(perWindow);
            ValueState<Integer> all = context.globalState().getState(perKey);
            window.update(window.value() + 1);
            all.update(all.value() + 1);
            out.collect(key + " [" + context.window().getStart() + "," + context.window().getEnd() + ") firing "
                    + window.value() + " of this window, " + all.value() + " of the key");
            context.output(FIRED, key);
        }

        @Override
        public void clear(Context context) throws Exception {
            ValueState<Integer> window = context.windowState().getState(perWindow);
            context.output(CLEARED, "[" + context.window().getStart() + "," + context.window().getEnd() + ") after "
                    + window.value() + " firings");
            window.clear();
        }
    }

    /**
     * Registers, deletes and registers again the window's end for every record (with no allowed lateness, the
     * operator's cleanup timer would be that same timer); fires at every timer, and at the first one registers
     * that timer again, so that it fires twice.
     */
    static final class FireTwice extends io.weir.api.windowing.triggers.Trigger<Object, TimeWindow> {
        private final io.weir.api.state.ValueStateDescriptor<Boolean> refired =
                new io.weir.api.state.ValueStateDescriptor<>("refired", Boolean.class, false);

        @Override
        public io.weir.api.windowing.triggers.TriggerResult onElement(Object element, long timestamp, TimeWindow w,
                                                                     TriggerContext ctx) {
            ctx.registerEventTimeTimer(w.maxTimestamp());
            ctx.deleteEventTimeTimer(w.maxTimestamp());
            ctx.registerEventTimeTimer(w.maxTimestamp());
            return io.weir.api.windowing.triggers.TriggerResult.CONTINUE;
        }

        @Override
        public io.weir.api.windowing.triggers.TriggerResult onEventTime(long time, TimeWindow w, TriggerContext ctx)
                throws Exception {
            ValueState<Boolean> state = ctx.getPartitionedState(refired);
            if (!state.value()) {
                state.update(true);
                ctx.registerEventTimeTimer(time);
            }
            return io.weir.api.windowing.triggers.TriggerResult.FIRE;
        }

        @Override
        public io.weir.api.windowing.triggers.TriggerResult onProcessingTime(long time, TimeWindow w,
                                                                            TriggerContext ctx) {
            return io.weir.api.windowing.triggers.TriggerResult.CONTINUE;
        }

        @Override
        public void clear(TimeWindow w, TriggerContext ctx) {
            ctx.getPartitionedState(refired).clear();
            ctx.deleteEventTimeTimer(w.maxTimestamp());
        }
    }

    /** "[start,end) records, window firing n of m in total", counting with window and global state. */
    static final class CountingAll extends io.weir.api.functions.windowing.ProcessAllWindowFunction<
            Tuple2<String, Integer>, String, TimeWindow> {
        private final ValueStateDescriptor<Integer> count = new ValueStateDescriptor<>("count", Integer.class, 0);

        @Override
        public void process(Context context, Iterable<Tuple2<String, Integer>> elements, Collector<String> out)
                throws Exception {
            ValueState<Integer> window = context.windowState().getState(count);
            ValueState<Integer> total = context.globalState().getState(count);
            window.update(window.value() + 1);
            total.update(total.value() + 1);
            StringBuilder sb = new StringBuilder("[" + context.window().getStart() + "," + context.window().getEnd()
                    + ")");
            elements.forEach(e -> sb.append(' ').append(e));
            out.collect(sb + ", window " + window.value() + " of " + total.value() + " in total");
        }
    }

    /** Evicts everything before the function. */
    static final class EvictAll implements Evictor<Object, TimeWindow> {
        @Override
        public void evictBefore(Iterable<TimestampedValue<Object>> elements, int size, TimeWindow window,
                                EvictorContext ctx) {
            for (Iterator<TimestampedValue<Object>> it = elements.iterator(); it.hasNext(); ) {
                it.next();
                it.remove();
            }
        }

        @Override
        public void evictAfter(Iterable<TimestampedValue<Object>> elements, int size, TimeWindow window,
                               EvictorContext ctx) {
        }
    }
}
