package io.weir.api.windowing;

import io.weir.api.windowing.assigners.DynamicEventTimeSessionWindows;
import io.weir.api.windowing.assigners.EventTimeSessionWindows;
import io.weir.api.windowing.assigners.GlobalWindows;
import io.weir.api.windowing.assigners.MergingWindowAssigner;
import io.weir.api.windowing.assigners.ProcessingTimeSessionWindows;
import io.weir.api.windowing.assigners.SlidingEventTimeWindows;
import io.weir.api.windowing.assigners.SlidingProcessingTimeWindows;
import io.weir.api.windowing.assigners.TumblingEventTimeWindows;
import io.weir.api.windowing.assigners.TumblingProcessingTimeWindows;
import io.weir.api.windowing.assigners.WindowAssigner;
import io.weir.api.windowing.triggers.EventTimeTrigger;
import io.weir.api.windowing.triggers.NeverTrigger;
import io.weir.api.windowing.triggers.ProcessingTimeTrigger;
import io.weir.api.windowing.windows.GlobalWindow;
import io.weir.api.windowing.windows.TimeWindow;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Which windows each assigner puts a record into: at window boundaries, for negative timestamps, with offsets. */
class WindowAssignersTest {
    private static final WindowAssigner.WindowAssignerContext NO_CLOCK = new WindowAssigner.WindowAssignerContext() {
        @Override
        public long getCurrentProcessingTime() {
            throw new AssertionError("an event-time assigner asked for processing time");
        }
    };

    private static WindowAssigner.WindowAssignerContext clockAt(long time) {
        return new WindowAssigner.WindowAssignerContext() {
            @Override
            public long getCurrentProcessingTime() {
                return time;
            }
        };
    }

    private static Duration ms(long millis) {
        return Duration.ofMillis(millis);
    }

    private static TimeWindow w(long start, long end) {
        return new TimeWindow(start, end);
    }

    private static <W extends io.weir.api.windowing.windows.Window> Collection<W> assign(
            WindowAssigner<Object, W> assigner, long timestamp) {
        return assigner.assignWindows("record", timestamp, NO_CLOCK);
    }

    @Test
    void tumblingWindowsStartAtMultiplesOfTheSizeAndEndExclusively() {
        TumblingEventTimeWindows tumbling = TumblingEventTimeWindows.of(ms(10));
        assertThat(assign(tumbling, 0)).containsExactly(w(0, 10));
        assertThat(assign(tumbling, 9)).containsExactly(w(0, 10));
        assertThat(assign(tumbling, 10)).containsExactly(w(10, 20));
        assertThat(assign(tumbling, -1)).containsExactly(w(-10, 0));
        assertThat(assign(tumbling, -10)).containsExactly(w(-10, 0));
        assertThat(assign(tumbling, -11)).containsExactly(w(-20, -10));
        assertThat(w(10, 20).maxTimestamp()).isEqualTo(19);
    }

    @Test
    void offsetsShiftTheWindowStartsEitherWay() {
        TumblingEventTimeWindows later = TumblingEventTimeWindows.of(ms(10), ms(3));
        assertThat(assign(later, 2)).containsExactly(w(-7, 3));
        assertThat(assign(later, 3)).containsExactly(w(3, 13));
        assertThat(assign(later, -8)).containsExactly(w(-17, -7));
        TumblingEventTimeWindows earlier = TumblingEventTimeWindows.of(ms(10), ms(-3));
        assertThat(assign(earlier, 6)).containsExactly(w(-3, 7));
        assertThat(assign(earlier, 7)).containsExactly(w(7, 17));
        // An hour shifted by a quarter, as for a time zone 15 minutes off.
        TumblingEventTimeWindows hours = TumblingEventTimeWindows.of(Duration.ofHours(1), Duration.ofMinutes(15));
        long tenPast = Duration.ofHours(5).plusMinutes(10).toMillis();
        assertThat(assign(hours, tenPast)).containsExactly(w(Duration.ofHours(4).plusMinutes(15).toMillis(),
                Duration.ofHours(5).plusMinutes(15).toMillis()));
    }

    @Test
    void slidingWindowsGiveEveryWindowThatContainsTheTimestampNewestFirst() {
        SlidingEventTimeWindows sliding = SlidingEventTimeWindows.of(ms(10), ms(5));
        assertThat(assign(sliding, 0)).containsExactly(w(0, 10), w(-5, 5));
        assertThat(assign(sliding, 4)).containsExactly(w(0, 10), w(-5, 5));
        assertThat(assign(sliding, 5)).containsExactly(w(5, 15), w(0, 10));
        assertThat(assign(sliding, -6)).containsExactly(w(-10, 0), w(-15, -5));
        assertThat(assign(SlidingEventTimeWindows.of(ms(10), ms(3)), 7)).containsExactly(w(6, 16), w(3, 13), w(0, 10));
        assertThat(assign(SlidingEventTimeWindows.of(ms(10), ms(10)), 7)).containsExactly(w(0, 10));
        assertThat(assign(SlidingEventTimeWindows.of(ms(10), ms(5), ms(2)), 3)).containsExactly(w(2, 12), w(-3, 7));
    }

    @Test
    void sessionWindowsStartAtTheRecordAndLastTheGap() {
        assertThat(assign(EventTimeSessionWindows.withGap(ms(30)), -5)).containsExactly(w(-5, 25));
        DynamicEventTimeSessionWindows<String> dynamic =
                DynamicEventTimeSessionWindows.withDynamicGap(s -> s.length() * 10L);
        assertThat(dynamic.assignWindows("abc", 100, NO_CLOCK)).containsExactly(w(100, 130));
        assertThatThrownBy(() -> dynamic.assignWindows("", 100, NO_CLOCK))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("returned 0 ms for record ").hasMessageContaining("at least 1 ms");
    }

    @Test
    void sessionWindowsThatOverlapOrTouchMergeAndOthersDoNot() {
        List<String> merges = new ArrayList<>();
        MergingWindowAssigner.MergeCallback<TimeWindow> record = (merged, result) ->
                merges.add(merged.stream().sorted((a, b) -> Long.compare(a.getStart(), b.getStart())).toList()
                        + " -> " + result);
        EventTimeSessionWindows.withGap(ms(10)).mergeWindows(
                List.of(w(30, 40), w(0, 10), w(10, 20), w(41, 51), w(45, 47), w(60, 70)), record);
        assertThat(merges).containsExactly(
                "[" + w(0, 10) + ", " + w(10, 20) + "] -> " + w(0, 20),
                "[" + w(41, 51) + ", " + w(45, 47) + "] -> " + w(41, 51));
    }

    @Test
    void eventTimeAssignersNeedRecordTimestamps() {
        assertThatThrownBy(() -> assign(TumblingEventTimeWindows.of(ms(10)), Long.MIN_VALUE))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("TumblingEventTimeWindows(10) got a record without an event timestamp (record)")
                .hasMessageContaining("WatermarkStrategy");
        assertThatThrownBy(() -> assign(EventTimeSessionWindows.withGap(ms(10)), Long.MIN_VALUE))
                .hasMessageContaining("without an event timestamp");
    }

    @Test
    void processingTimeAssignersUseTheClockAndIgnoreRecordTimestamps() {
        assertThat(TumblingProcessingTimeWindows.of(ms(10)).assignWindows("r", 999, clockAt(23)))
                .containsExactly(w(20, 30));
        assertThat(TumblingProcessingTimeWindows.of(ms(10), ms(5)).assignWindows("r", Long.MIN_VALUE, clockAt(23)))
                .containsExactly(w(15, 25));
        assertThat(SlidingProcessingTimeWindows.of(ms(10), ms(5)).assignWindows("r", 0, clockAt(23)))
                .containsExactly(w(20, 30), w(15, 25));
        assertThat(ProcessingTimeSessionWindows.withGap(ms(7)).assignWindows("r", 0, clockAt(23)))
                .containsExactly(w(23, 30));
    }

    @Test
    void eachAssignerSaysWhichTimeItUsesAndHasTheMatchingDefaultTrigger() {
        for (WindowAssigner<?, ?> a : List.of(TumblingEventTimeWindows.of(ms(1)), SlidingEventTimeWindows.of(ms(2),
                ms(1)), EventTimeSessionWindows.withGap(ms(1)), DynamicEventTimeSessionWindows.withDynamicGap(x -> 1))) {
            assertThat(a.isEventTime()).as(a.toString()).isTrue();
            assertThat(a.getDefaultTrigger()).as(a.toString()).hasSameClassAs(EventTimeTrigger.create());
        }
        for (WindowAssigner<?, ?> a : List.of(TumblingProcessingTimeWindows.of(ms(1)),
                SlidingProcessingTimeWindows.of(ms(2), ms(1)), ProcessingTimeSessionWindows.withGap(ms(1)))) {
            assertThat(a.isEventTime()).as(a.toString()).isFalse();
            assertThat(a.getDefaultTrigger()).as(a.toString()).hasSameClassAs(ProcessingTimeTrigger.create());
        }
        assertThat(GlobalWindows.create().isEventTime()).isFalse();
        assertThat(GlobalWindows.create().getDefaultTrigger()).hasSameClassAs(NeverTrigger.create());
        assertThat(GlobalWindows.create().assignWindows("r", 5, NO_CLOCK)).containsExactly(GlobalWindow.get());
    }

    @Test
    void timeWindowsIntersectWhenTheyOverlapOrTouchAndCoverBoth() {
        assertThat(w(0, 10).intersects(w(10, 20))).isTrue();
        assertThat(w(0, 10).intersects(w(5, 7))).isTrue();
        assertThat(w(0, 10).intersects(w(11, 20))).isFalse();
        assertThat(w(0, 10).cover(w(15, 20))).isEqualTo(w(0, 20));
        assertThat(w(0, 10)).isEqualTo(w(0, 10)).hasSameHashCodeAs(w(0, 10)).isNotEqualTo(w(0, 11));
        assertThatThrownBy(() -> w(5, 5)).hasMessageContaining("must end after it starts");
    }

    @Test
    void theGlobalWindowStaysOneInstanceThroughSerializationAndNeverEnds() throws Exception {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
            out.writeObject(GlobalWindow.get());
        }
        try (ObjectInputStream in = new ObjectInputStream(new ByteArrayInputStream(bytes.toByteArray()))) {
            assertThat(in.readObject()).isSameAs(GlobalWindow.get());
        }
        assertThat(GlobalWindow.get().maxTimestamp()).isEqualTo(Long.MAX_VALUE);
    }
}
