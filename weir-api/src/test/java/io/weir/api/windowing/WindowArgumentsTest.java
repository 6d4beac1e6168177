package io.weir.api.windowing;

import io.weir.api.common.OutputTag;
import io.weir.api.datastream.KeyedStream;
import io.weir.api.environment.StreamExecutionEnvironment;
import io.weir.api.windowing.assigners.DynamicProcessingTimeSessionWindows;
import io.weir.api.windowing.assigners.EventTimeSessionWindows;
import io.weir.api.windowing.assigners.GlobalWindows;
import io.weir.api.windowing.assigners.ProcessingTimeSessionWindows;
import io.weir.api.windowing.assigners.SlidingEventTimeWindows;
import io.weir.api.windowing.assigners.SlidingProcessingTimeWindows;
import io.weir.api.windowing.assigners.TumblingEventTimeWindows;
import io.weir.api.windowing.assigners.TumblingProcessingTimeWindows;
import io.weir.api.windowing.evictors.CountEvictor;
import io.weir.api.windowing.evictors.TimeEvictor;
import io.weir.api.windowing.triggers.ContinuousEventTimeTrigger;
import io.weir.api.windowing.triggers.ContinuousProcessingTimeTrigger;
import io.weir.api.windowing.triggers.CountTrigger;
import io.weir.api.windowing.triggers.PurgingTrigger;
import io.weir.api.windowing.triggers.Trigger;
import io.weir.api.windowing.triggers.TriggerResult;
import io.weir.api.windowing.windows.Window;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.Test;

import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Bad window arguments fail while the job is built, with an {@link IllegalArgumentException} that names the
 * method, the argument and its value.
 */
class WindowArgumentsTest {

    private static Duration ms(long millis) {
        return Duration.ofMillis(millis);
    }

    private static void rejected(ThrowingCallable call, String... messageParts) {
        var thrown = assertThatThrownBy(call).isInstanceOf(IllegalArgumentException.class);
        for (String part : messageParts) {
            thrown.hasMessageContaining(part);
        }
    }

    private static KeyedStream<Long, Long> keyed() {
        return StreamExecutionEnvironment.getExecutionEnvironment().fromSequence(1, 10).keyBy(x -> x % 2);
    }

    @Test
    void windowSizesMustBePositive() {
        rejected(() -> TumblingEventTimeWindows.of(ms(-5)), "TumblingEventTimeWindows.of", "size",
                "at least 1 ms", "PT-0.005S (-5 ms)");
        rejected(() -> TumblingProcessingTimeWindows.of(Duration.ZERO), "TumblingProcessingTimeWindows.of", "size",
                "PT0S (0 ms)");
        rejected(() -> TumblingEventTimeWindows.of(Duration.ofNanos(500)), "size", "at least 1 ms");
        rejected(() -> SlidingEventTimeWindows.of(ms(0), ms(1)), "SlidingEventTimeWindows.of", "size");
        rejected(() -> TumblingEventTimeWindows.of(null), "size must not be null");
        rejected(() -> TumblingEventTimeWindows.of(Duration.ofSeconds(Long.MAX_VALUE)), "size is too large");
    }

    @Test
    void slidesMustBePositiveAndNoLargerThanTheSize() {
        rejected(() -> SlidingEventTimeWindows.of(ms(10), ms(0)), "SlidingEventTimeWindows.of", "slide",
                "at least 1 ms");
        rejected(() -> SlidingProcessingTimeWindows.of(ms(10), ms(-1)), "SlidingProcessingTimeWindows.of", "slide");
        rejected(() -> SlidingEventTimeWindows.of(ms(10), ms(11)), "slide (11 ms) must not be larger than size (10 ms)");
        rejected(() -> SlidingProcessingTimeWindows.of(ms(10), ms(20)), "slide (20 ms)", "size (10 ms)");
    }

    @Test
    void offsetsMustBeSmallerInMagnitudeThanThePeriod() {
        rejected(() -> TumblingEventTimeWindows.of(ms(10), ms(10)), "TumblingEventTimeWindows.of",
                "offset must be smaller in magnitude than the size (10 ms), but was 10 ms");
        rejected(() -> TumblingProcessingTimeWindows.of(ms(10), ms(-12)), "but was -12 ms");
        rejected(() -> SlidingEventTimeWindows.of(ms(10), ms(5), ms(5)), "than the slide (5 ms), but was 5 ms");
        assertThat(TumblingEventTimeWindows.of(ms(10), ms(-9)).getOffset()).isEqualTo(-9);
    }

    @Test
    void sessionGapsMustBePositive() {
        rejected(() -> EventTimeSessionWindows.withGap(ms(0)), "EventTimeSessionWindows.withGap", "gap", "0 ms");
        rejected(() -> ProcessingTimeSessionWindows.withGap(ms(-3)), "ProcessingTimeSessionWindows.withGap", "-3 ms");
        rejected(() -> DynamicProcessingTimeSessionWindows.withDynamicGap(null), "gap extractor must not be null");
    }

    @Test
    void countWindowsNeedPositiveSizesAndSlidesNoLargerThanTheSize() {
        rejected(() -> keyed().countWindow(0), "countWindow: size must be positive, but was 0");
        rejected(() -> keyed().countWindow(-2, 1), "countWindow: size must be positive, but was -2");
        rejected(() -> keyed().countWindow(5, 0), "countWindow: slide must be positive, but was 0");
        rejected(() -> keyed().countWindow(5, 6), "countWindow: slide (6) must not be larger than size (5)");
        rejected(() -> StreamExecutionEnvironment.getExecutionEnvironment().fromSequence(1, 2).countWindowAll(0),
                "countWindowAll: size must be positive");
    }

    @Test
    void triggersAndEvictorsCheckTheirArguments() {
        rejected(() -> CountTrigger.of(0), "CountTrigger.of: maxCount must be positive, but was 0");
        rejected(() -> CountEvictor.of(-1), "CountEvictor.of: maxCount must be positive, but was -1");
        rejected(() -> TimeEvictor.of(ms(0)), "TimeEvictor.of: windowSize");
        rejected(() -> ContinuousEventTimeTrigger.of(ms(0)), "ContinuousEventTimeTrigger.of: interval");
        rejected(() -> ContinuousProcessingTimeTrigger.of(null), "ContinuousProcessingTimeTrigger.of: interval");
        rejected(() -> PurgingTrigger.of(null), "PurgingTrigger.of: the nested trigger must not be null");
    }

    @Test
    void allowedLatenessMustNotBeNegative() {
        rejected(() -> keyed().window(TumblingEventTimeWindows.of(ms(10))).allowedLateness(ms(-1)),
                "allowedLateness", "must not be negative", "-1 ms");
    }

    @Test
    void allowedLatenessIsRejectedWhereNothingCanBeLate() {
        rejected(() -> keyed().window(TumblingProcessingTimeWindows.of(ms(10))).allowedLateness(ms(5)),
                "allowedLateness(PT0.005S (5 ms)) has no meaning for TumblingProcessingTimeWindows(10)",
                "only event-time windows have late records");
        rejected(() -> keyed().window(GlobalWindows.create()).allowedLateness(ms(5)), "GlobalWindows()");
        rejected(() -> keyed().countWindow(3).allowedLateness(ms(5)), "has no meaning for GlobalWindows()");
        rejected(() -> StreamExecutionEnvironment.getExecutionEnvironment().fromSequence(1, 2)
                .windowAll(SlidingProcessingTimeWindows.of(ms(10), ms(5))).allowedLateness(ms(1)), "has no meaning");
        // Zero is the default, meaningful everywhere.
        keyed().window(TumblingProcessingTimeWindows.of(ms(10))).allowedLateness(Duration.ZERO);
    }

    @Test
    void sessionWindowsNeedATriggerThatCanMerge() {
        rejected(() -> keyed().window(EventTimeSessionWindows.withGap(ms(10))).trigger(new NoMerging<>()),
                "NoMerging", "cannot merge windows", "EventTimeSessionWindows(10)");
        keyed().window(TumblingEventTimeWindows.of(ms(10))).trigger(new NoMerging<>());
    }

    @Test
    void nullsAreRejected() {
        rejected(() -> keyed().window(null), "window assigner must not be null");
        rejected(() -> keyed().window(TumblingEventTimeWindows.of(ms(10))).trigger(null), "trigger must not be null");
        rejected(() -> keyed().window(TumblingEventTimeWindows.of(ms(10))).evictor(null), "evictor must not be null");
        rejected(() -> keyed().window(TumblingEventTimeWindows.of(ms(10))).sideOutputLateData(null),
                "output tag must not be null");
        rejected(() -> keyed().window(TumblingEventTimeWindows.of(ms(10))).reduce(null), "must not be null");
        rejected(() -> keyed().window(TumblingEventTimeWindows.of(ms(10))).process(null), "must not be null");
    }

    @Test
    void windowAllResultsCannotRunInParallel() {
        var result = StreamExecutionEnvironment.getExecutionEnvironment().fromSequence(1, 2)
                .windowAll(TumblingEventTimeWindows.of(ms(10))).reduce(Long::sum);
        result.setParallelism(1);
        rejected(() -> result.setParallelism(3), "is fixed at 1", "windowAll runs in one subtask",
                "cannot be set to 3");
        assertThat(result.getParallelism()).isEqualTo(1);
        // A late-data tag is fine on any window; it just stays empty where nothing is late.
        keyed().window(TumblingProcessingTimeWindows.of(ms(10))).sideOutputLateData(new OutputTag<>("late") {});
    }

    /** A trigger that does not support merging. */
    static final class NoMerging<W extends Window> extends Trigger<Object, W> {
        @Override
        public TriggerResult onElement(Object element, long timestamp, W window, TriggerContext ctx) {
            return TriggerResult.FIRE;
        }

        @Override
        public TriggerResult onProcessingTime(long time, W window, TriggerContext ctx) {
            return TriggerResult.CONTINUE;
        }

        @Override
        public TriggerResult onEventTime(long time, W window, TriggerContext ctx) {
            return TriggerResult.CONTINUE;
        }

        @Override
        public void clear(W window, TriggerContext ctx) {
        }

        @Override
        public String toString() {
            return "NoMerging";
        }
    }
}
