package io.weir.api.windowing;

import io.weir.api.windowing.triggers.ContinuousEventTimeTrigger;
import io.weir.api.windowing.triggers.ContinuousProcessingTimeTrigger;
import io.weir.api.windowing.triggers.CountTrigger;
import io.weir.api.windowing.triggers.EventTimeTrigger;
import io.weir.api.windowing.triggers.NeverTrigger;
import io.weir.api.windowing.triggers.ProcessingTimeTrigger;
import io.weir.api.windowing.triggers.PurgingTrigger;
import io.weir.api.windowing.triggers.Trigger;
import io.weir.api.windowing.triggers.TriggerResult;
import io.weir.api.windowing.windows.GlobalWindow;
import io.weir.api.windowing.windows.TimeWindow;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;

import static io.weir.api.windowing.triggers.TriggerResult.CONTINUE;
import static io.weir.api.windowing.triggers.TriggerResult.FIRE;
import static io.weir.api.windowing.triggers.TriggerResult.FIRE_AND_PURGE;
import static io.weir.api.windowing.triggers.TriggerResult.PURGE;
import static org.assertj.core.api.Assertions.assertThat;

/** The built-in triggers against a fake context: what they return, which timers and state they keep. */
class TriggersTest {
    private static final TimeWindow W = new TimeWindow(0, 100);
    private final FakeTriggerContext<TimeWindow> ctx = new FakeTriggerContext<TimeWindow>().at(W);

    @Test
    void triggerResultsSayWhetherToFireAndWhetherToPurge() {
        assertThat(List.of(CONTINUE.isFire(), FIRE.isFire(), FIRE_AND_PURGE.isFire(), PURGE.isFire()))
                .containsExactly(false, true, true, false);
        assertThat(List.of(CONTINUE.isPurge(), FIRE.isPurge(), FIRE_AND_PURGE.isPurge(), PURGE.isPurge()))
                .containsExactly(false, false, true, true);
    }

    @Test
    void eventTimeTriggerWaitsForTheWindowsEndAndFiresAtOnceForAWindowAlreadyPast() throws Exception {
        Trigger<Object, TimeWindow> trigger = EventTimeTrigger.create();
        assertThat(trigger.onElement("r", 5, W, ctx)).isEqualTo(CONTINUE);
        assertThat(ctx.eventTimers(W)).containsExactly(99L);
        assertThat(trigger.onEventTime(98, W, ctx)).isEqualTo(CONTINUE);
        assertThat(trigger.onEventTime(99, W, ctx)).isEqualTo(FIRE);
        assertThat(trigger.onProcessingTime(99, W, ctx)).isEqualTo(CONTINUE);
        ctx.watermark = 99;
        assertThat(trigger.onElement("late", 5, W, ctx)).isEqualTo(FIRE);
        trigger.clear(W, ctx);
        assertThat(ctx.eventTimers(W)).isEmpty();
    }

    @Test
    void eventTimeTriggerRegistersTheMergedWindowsEndUnlessItPassed() throws Exception {
        Trigger<Object, TimeWindow> trigger = EventTimeTrigger.create();
        assertThat(trigger.canMerge()).isTrue();
        ctx.watermark = 50;
        trigger.onMerge(W, ctx);
        assertThat(ctx.eventTimers(W)).containsExactly(99L);
        TimeWindow past = new TimeWindow(0, 40);
        trigger.onMerge(past, ctx.at(past));
        assertThat(ctx.eventTimers(past)).isEmpty();
    }

    @Test
    void processingTimeTriggerFiresWhenTheClockReachesTheWindowsEnd() throws Exception {
        Trigger<Object, TimeWindow> trigger = ProcessingTimeTrigger.create();
        assertThat(trigger.onElement("r", Long.MIN_VALUE, W, ctx)).isEqualTo(CONTINUE);
        assertThat(ctx.processingTimers(W)).containsExactly(99L);
        assertThat(trigger.onEventTime(99, W, ctx)).isEqualTo(CONTINUE);
        assertThat(trigger.onProcessingTime(99, W, ctx)).isEqualTo(FIRE);
        trigger.clear(W, ctx);
        assertThat(ctx.processingTimers(W)).isEmpty();
        ctx.processingTime = 10;
        trigger.onMerge(W, ctx);
        assertThat(ctx.processingTimers(W)).containsExactly(99L);
    }

    @Test
    void countTriggerFiresEveryNRecordsAndStartsCountingAgain() throws Exception {
        CountTrigger<TimeWindow> trigger = CountTrigger.of(3);
        List<TriggerResult> results = new java.util.ArrayList<>();
        for (int i = 0; i < 7; i++) {
            results.add(trigger.onElement("r", 0, W, ctx));
        }
        assertThat(results).containsExactly(CONTINUE, CONTINUE, FIRE, CONTINUE, CONTINUE, FIRE, CONTINUE);
        assertThat(ctx.state(W)).containsEntry("count", 1L);
        assertThat(trigger.onEventTime(99, W, ctx)).isEqualTo(CONTINUE);
        trigger.clear(W, ctx);
        assertThat(ctx.state(W)).isEmpty();
    }

    @Test
    void countTriggerAddsUpTheCountsOfMergedWindows() throws Exception {
        CountTrigger<TimeWindow> trigger = CountTrigger.of(4);
        TimeWindow a = new TimeWindow(0, 10);
        TimeWindow b = new TimeWindow(20, 30);
        TimeWindow merged = new TimeWindow(0, 30);
        trigger.onElement("r", 0, a, ctx.at(a));
        trigger.onElement("r", 0, b, ctx.at(b));
        trigger.onElement("r", 0, b, ctx.at(b));
        ctx.mergedWindows = List.of(a, b);
        trigger.onMerge(merged, ctx.at(merged));
        assertThat(ctx.state(merged)).containsEntry("count", 3L);
        assertThat(trigger.onElement("r", 0, merged, ctx)).isEqualTo(FIRE);
    }

    @Test
    void purgingTriggerPurgesWheneverTheWrappedTriggerFires() throws Exception {
        PurgingTrigger<Object, TimeWindow> trigger = PurgingTrigger.of(CountTrigger.of(2));
        assertThat(trigger.onElement("r", 0, W, ctx)).isEqualTo(CONTINUE);
        assertThat(trigger.onElement("r", 0, W, ctx)).isEqualTo(FIRE_AND_PURGE);
        PurgingTrigger<Object, TimeWindow> onTime = PurgingTrigger.of(EventTimeTrigger.create());
        assertThat(onTime.onElement("r", 0, W, ctx)).isEqualTo(CONTINUE);
        assertThat(onTime.onEventTime(99, W, ctx)).isEqualTo(FIRE_AND_PURGE);
        assertThat(onTime.canMerge()).isTrue();
        onTime.clear(W, ctx);
        assertThat(ctx.eventTimers(W)).isEmpty();
    }

    @Test
    void neverTriggerNeverFires() throws Exception {
        Trigger<Object, GlobalWindow> trigger = NeverTrigger.create();
        FakeTriggerContext<GlobalWindow> global = new FakeTriggerContext<GlobalWindow>().at(GlobalWindow.get());
        assertThat(List.of(trigger.onElement("r", 0, GlobalWindow.get(), global),
                trigger.onEventTime(Long.MAX_VALUE, GlobalWindow.get(), global),
                trigger.onProcessingTime(Long.MAX_VALUE, GlobalWindow.get(), global))).containsOnly(CONTINUE);
        assertThat(global.eventTimers).isEmpty();
    }

    @Test
    void continuousEventTimeTriggerFiresAtEachIntervalAfterTheRecordsAndOnceForIntervalsPassedTogether()
            throws Exception {
        ContinuousEventTimeTrigger<TimeWindow> trigger = ContinuousEventTimeTrigger.of(Duration.ofMillis(10));
        assertThat(trigger.onElement("r", 13, W, ctx)).isEqualTo(CONTINUE);
        assertThat(ctx.eventTimers(W)).containsExactly(20L, 99L);
        assertThat(trigger.onElement("r", 17, W, ctx)).isEqualTo(CONTINUE);
        assertThat(ctx.eventTimers(W)).containsExactly(20L, 99L);

        ctx.watermark = 20;
        assertThat(trigger.onEventTime(20, W, ctx)).isEqualTo(FIRE);
        assertThat(ctx.eventTimers(W)).containsExactly(20L, 30L, 99L);
        ctx.watermark = 57;                  // 30, 40 and 50 passed together: one firing, then 60
        assertThat(trigger.onEventTime(30, W, ctx)).isEqualTo(FIRE);
        assertThat(ctx.state(W)).containsEntry("fire-time", 60L);
        assertThat(trigger.onEventTime(40, W, ctx)).as("a stale timer").isEqualTo(CONTINUE);

        ctx.watermark = Long.MAX_VALUE;      // 60 and the window's end together: only the end fires
        assertThat(trigger.onEventTime(60, W, ctx)).isEqualTo(CONTINUE);
        assertThat(trigger.onEventTime(99, W, ctx)).isEqualTo(FIRE);
        trigger.clear(W, ctx);
        assertThat(ctx.eventTimers(W)).containsExactly(20L, 30L, 60L);
        assertThat(ctx.state(W)).isEmpty();
    }

    @Test
    void continuousEventTimeTriggerKeepsTheEarliestPendingFiringOfMergedWindows() throws Exception {
        ContinuousEventTimeTrigger<TimeWindow> trigger = ContinuousEventTimeTrigger.of(Duration.ofMillis(10));
        TimeWindow a = new TimeWindow(0, 30);
        TimeWindow b = new TimeWindow(25, 60);
        TimeWindow merged = new TimeWindow(0, 60);
        trigger.onElement("r", 3, a, ctx.at(a));
        trigger.onElement("r", 41, b, ctx.at(b));
        ctx.mergedWindows = List.of(a, b);
        trigger.onMerge(merged, ctx.at(merged));
        assertThat(ctx.state(merged)).containsEntry("fire-time", 10L);
        assertThat(ctx.eventTimers(merged)).containsExactly(10L, 59L);
    }

    @Test
    void continuousEventTimeTriggerOnAGlobalWindowFiresOnceMoreAtTheEndOfTime() throws Exception {
        ContinuousEventTimeTrigger<GlobalWindow> trigger = ContinuousEventTimeTrigger.of(Duration.ofMillis(10));
        FakeTriggerContext<GlobalWindow> global = new FakeTriggerContext<GlobalWindow>().at(GlobalWindow.get());
        trigger.onElement("r", 5, GlobalWindow.get(), global);
        assertThat(global.eventTimers(GlobalWindow.get())).containsExactly(10L, Long.MAX_VALUE);
        global.watermark = Long.MAX_VALUE;
        assertThat(trigger.onEventTime(10, GlobalWindow.get(), global)).isEqualTo(CONTINUE);
        assertThat(trigger.onEventTime(Long.MAX_VALUE, GlobalWindow.get(), global)).isEqualTo(FIRE);
    }

    @Test
    void continuousProcessingTimeTriggerFiresOnTheClockAndLeavesTheLastFiringToTheWindowsEnd() throws Exception {
        ContinuousProcessingTimeTrigger<TimeWindow> trigger =
                ContinuousProcessingTimeTrigger.of(Duration.ofMillis(30));
        ctx.processingTime = 5;
        assertThat(trigger.onElement("r", 0, W, ctx)).isEqualTo(CONTINUE);
        assertThat(ctx.processingTimers(W)).containsExactly(30L, 99L);
        ctx.processingTime = 70;             // 30 and 60 passed together
        assertThat(trigger.onProcessingTime(30, W, ctx)).isEqualTo(FIRE);
        assertThat(ctx.state(W)).containsEntry("fire-time", 90L);
        ctx.processingTime = 99;             // 90 and the end together: the end fires
        assertThat(trigger.onProcessingTime(90, W, ctx)).isEqualTo(CONTINUE);
        assertThat(trigger.onProcessingTime(99, W, ctx)).isEqualTo(FIRE);
    }

    @Test
    void continuousProcessingTimeTriggerAheadOfTheClockFiresOnlyWhereNoEndFollows() throws Exception {
        ContinuousProcessingTimeTrigger<TimeWindow> trigger =
                ContinuousProcessingTimeTrigger.of(Duration.ofMillis(30));
        ctx.processingTime = 5;
        trigger.onElement("r", 0, W, ctx);
        assertThat(trigger.onProcessingTime(30, W, ctx)).as("input ended: the end fires next").isEqualTo(CONTINUE);
        assertThat(ctx.state(W)).isEmpty();

        ContinuousProcessingTimeTrigger<GlobalWindow> onGlobal =
                ContinuousProcessingTimeTrigger.of(Duration.ofMillis(30));
        FakeTriggerContext<GlobalWindow> global = new FakeTriggerContext<GlobalWindow>().at(GlobalWindow.get());
        global.processingTime = 5;
        onGlobal.onElement("r", 0, GlobalWindow.get(), global);
        assertThat(global.processingTimers(GlobalWindow.get())).containsExactly(30L);
        assertThat(onGlobal.onProcessingTime(30, GlobalWindow.get(), global)).isEqualTo(FIRE);
        assertThat(global.processingTimers(GlobalWindow.get())).as("nothing more after the end").containsExactly(30L);
    }
}
