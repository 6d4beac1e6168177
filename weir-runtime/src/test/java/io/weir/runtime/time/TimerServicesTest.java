package io.weir.runtime.time;

import io.weir.runtime.graph.ProcessingClock;
import io.weir.runtime.state.HeapKeyedStateBackend;
import io.weir.runtime.state.KeyedStateBackend;
import io.weir.runtime.state.SingleKeyStateBackend;
import io.weir.runtime.testing.ManualProcessingTimeService;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class TimerServicesTest {

    /** Records every firing as "domain:key@time/namespace", with the key the backend had current. */
    static final class Recorder implements Triggerable<String, String> {
        final List<String> fired = new ArrayList<>();
        final KeyedStateBackend state;
        InternalTimerService<String> service;
        /** Optional reaction to a firing, e.g. registering another timer. */
        java.util.function.Consumer<InternalTimer<String, String>> onFire = t -> { };

        Recorder(KeyedStateBackend state) {
            this.state = state;
        }

        @Override
        public void onEventTime(InternalTimer<String, String> timer) {
            assertThat(state.getCurrentKey()).isEqualTo(timer.key());
            fired.add("event:" + timer.key() + "@" + timer.timestamp() + "/" + timer.namespace()
                    + " wm=" + wm(service.currentWatermark()));
            onFire.accept(timer);
        }

        @Override
        public void onProcessingTime(InternalTimer<String, String> timer) {
            assertThat(state.getCurrentKey()).isEqualTo(timer.key());
            fired.add("proc:" + timer.key() + "@" + timer.timestamp() + "/" + timer.namespace());
            onFire.accept(timer);
        }

        private static String wm(long w) {
            return w == Long.MAX_VALUE ? "MAX" : w == Long.MIN_VALUE ? "MIN" : Long.toString(w);
        }
    }

    @Nested
    class Streaming {
        final HeapKeyedStateBackend state = new HeapKeyedStateBackend(128, 0, 127, "test");
        final ManualProcessingTimeService clock = new ManualProcessingTimeService(1_000);
        final Recorder recorder = new Recorder(state);
        final HeapTimerService<String, String> timers = new HeapTimerService<>(state, clock, recorder);

        {
            recorder.service = timers;
        }

        private void at(String key, Runnable r) {
            state.setCurrentKey(key);
            r.run();
        }

        @Test
        void eventTimeTimersFireInTimeOrderWhenTheWatermarkPassesThem() throws Exception {
            at("a", () -> timers.registerEventTimeTimer("w", 30));
            at("b", () -> timers.registerEventTimeTimer("w", 10));
            at("c", () -> timers.registerEventTimeTimer("w", 20));
            timers.advanceWatermark(9);
            assertThat(recorder.fired).isEmpty();
            timers.advanceWatermark(20);
            assertThat(recorder.fired).containsExactly("event:b@10/w wm=20", "event:c@20/w wm=20");
            timers.advanceWatermark(Long.MAX_VALUE);
            assertThat(recorder.fired).last().isEqualTo("event:a@30/w wm=MAX");
        }

        @Test
        void timersDueAtTheSameTimeFireInRegistrationOrder() throws Exception {
            for (String key : List.of("d", "a", "c", "b", "e")) {
                at(key, () -> timers.registerEventTimeTimer("w", 5));
            }
            timers.advanceWatermark(5);
            assertThat(recorder.fired).containsExactly("event:d@5/w wm=5", "event:a@5/w wm=5", "event:c@5/w wm=5",
                    "event:b@5/w wm=5", "event:e@5/w wm=5");
        }

        @Test
        void aTimerRegisteredTwiceFiresOnceAndKeyAndNamespaceMakeTimersDistinct() throws Exception {
            at("a", () -> {
                timers.registerEventTimeTimer("w", 5);
                timers.registerEventTimeTimer("w", 5);
                timers.registerEventTimeTimer("v", 5);
            });
            at("b", () -> timers.registerEventTimeTimer("w", 5));
            assertThat(timers.numberOfTimers()).isEqualTo(3);
            timers.advanceWatermark(5);
            assertThat(recorder.fired).hasSize(3).containsExactlyInAnyOrder(
                    "event:a@5/w wm=5", "event:a@5/v wm=5", "event:b@5/w wm=5");
        }

        @Test
        void deletedTimersDoNotFireAndReRegisteringAfterDeletionFiresOnce() throws Exception {
            at("a", () -> {
                timers.registerEventTimeTimer("w", 5);
                timers.registerEventTimeTimer("w", 6);
                timers.deleteEventTimeTimer("w", 5);
                timers.deleteEventTimeTimer("w", 99);
                timers.deleteEventTimeTimer("w", 6);
                timers.registerEventTimeTimer("w", 6);
            });
            at("b", () -> timers.deleteEventTimeTimer("w", 6));
            timers.advanceWatermark(100);
            assertThat(recorder.fired).containsExactly("event:a@6/w wm=100");
        }

        @Test
        void manyDeletionsDoNotLeaveTheQueueGrowing() throws Exception {
            for (int i = 0; i < 10_000; i++) {
                int t = i;
                at("k" + (i % 7), () -> {
                    timers.registerEventTimeTimer("w", t);
                    timers.deleteEventTimeTimer("w", t);
                });
            }
            assertThat(timers.numberOfTimers()).isZero();
            timers.advanceWatermark(Long.MAX_VALUE);
            assertThat(recorder.fired).isEmpty();
        }

        @Test
        void aTimerForAPassedTimeFiresAtTheNextWatermark() throws Exception {
            timers.advanceWatermark(50);
            at("a", () -> timers.registerEventTimeTimer("w", 10));
            assertThat(recorder.fired).isEmpty();
            timers.advanceWatermark(51);
            assertThat(recorder.fired).containsExactly("event:a@10/w wm=51");
        }

        @Test
        void processingTimeTimersFireWhenTheClockReachesThemInOrderWithTheirKey() throws Exception {
            at("a", () -> timers.registerProcessingTimeTimer("w", 1_300));
            at("b", () -> timers.registerProcessingTimeTimer("w", 1_100));
            at("c", () -> timers.registerProcessingTimeTimer("w", 1_200));
            assertThat(clock.numberOfScheduled()).as("one wake-up at a time").isEqualTo(1);
            clock.advanceTo(1_099);
            assertThat(recorder.fired).isEmpty();
            clock.advanceTo(1_250);
            assertThat(recorder.fired).containsExactly("proc:b@1100/w", "proc:c@1200/w");
            clock.advanceTo(2_000);
            assertThat(recorder.fired).containsExactly("proc:b@1100/w", "proc:c@1200/w", "proc:a@1300/w");
            assertThat(clock.numberOfScheduled()).isZero();
        }

        @Test
        void aDeletedProcessingTimeTimerDoesNotFire() throws Exception {
            at("a", () -> {
                timers.registerProcessingTimeTimer("w", 1_100);
                timers.registerProcessingTimeTimer("w", 1_200);
                timers.deleteProcessingTimeTimer("w", 1_100);
            });
            clock.advanceTo(1_150);
            assertThat(recorder.fired).isEmpty();
            clock.advanceTo(1_200);
            assertThat(recorder.fired).containsExactly("proc:a@1200/w");
        }

        @Test
        void atEndOfInputPendingProcessingTimeTimersFireButSelfRenewingOnesStop() throws Exception {
            recorder.onFire = t -> {
                if (t.namespace().equals("periodic")) {
                    timers.registerProcessingTimeTimer("periodic", t.timestamp() + 100);
                }
            };
            at("a", () -> timers.registerProcessingTimeTimer("periodic", 1_500));
            at("b", () -> timers.registerProcessingTimeTimer("once", 1_800));
            at("b", () -> timers.registerEventTimeTimer("e", 7));
            timers.advanceWatermark(Long.MAX_VALUE);
            timers.endOfInput();
            // 1500 renews at 1600, 1700, 1800 (not later than the last pending timer, 1800), then stops.
            // At 1800 the timer registered first fires first.
            assertThat(recorder.fired).containsExactly("event:b@7/e wm=MAX", "proc:a@1500/periodic",
                    "proc:a@1600/periodic", "proc:a@1700/periodic", "proc:b@1800/once", "proc:a@1800/periodic");
            assertThat(timers.numberOfTimers()).isZero();
            assertThat(clock.numberOfScheduled()).isZero();
        }

        @Test
        void aSelfRenewingEventTimeTimerFollowsTheWatermarkThenStopsOnceEventTimeEnds() throws Exception {
            recorder.onFire = t -> timers.registerEventTimeTimer("w", t.timestamp() + 10);
            at("a", () -> timers.registerEventTimeTimer("w", 0));
            timers.advanceWatermark(25);
            assertThat(recorder.fired).containsExactly("event:a@0/w wm=25", "event:a@10/w wm=25",
                    "event:a@20/w wm=25");
            recorder.fired.clear();
            timers.advanceWatermark(Long.MAX_VALUE);
            timers.endOfInput();
            // The timer pending when event time ended (30) fires; what it registers then is ignored.
            assertThat(recorder.fired).containsExactly("event:a@30/w wm=MAX");
            assertThat(timers.numberOfTimers()).isZero();
        }

        @Test
        void eventTimeTimersRegisteredByProcessingTimeTimersAtTheEndOfInputAreIgnored() throws Exception {
            recorder.onFire = t -> timers.registerEventTimeTimer("from-proc", 5);
            at("a", () -> timers.registerProcessingTimeTimer("p", 1_500));
            timers.advanceWatermark(Long.MAX_VALUE);
            timers.endOfInput();
            assertThat(recorder.fired).containsExactly("proc:a@1500/p");
            assertThat(timers.numberOfTimers()).isZero();
        }

        @Test
        void registeringWithoutACurrentKeyIsAClearError() {
            assertThatThrownBy(() -> timers.registerEventTimeTimer("w", 1))
                    .isInstanceOf(IllegalStateException.class)
                    .hasMessageContaining("key is current");
        }
    }

    @Nested
    class Batch {
        final SingleKeyStateBackend state = new SingleKeyStateBackend();
        final Recorder recorder = new Recorder(state);
        final SortedInputTimerService<String, String> timers = new SortedInputTimerService<>(state,
                new FrozenProcessingTimeService(ProcessingClock.frozenAt(1_000)), recorder);

        {
            recorder.service = timers;
        }

        @Test
        void whileAKeyIsProcessedTheWatermarkIsMinAndNothingFires() throws Exception {
            state.setCurrentKey("a");
            timers.registerEventTimeTimer("w", Long.MIN_VALUE + 1);
            timers.registerProcessingTimeTimer("w", 0);
            assertThat(timers.currentWatermark()).isEqualTo(Long.MIN_VALUE);
            assertThat(timers.currentProcessingTime()).isEqualTo(1_000);
            assertThat(recorder.fired).isEmpty();
        }

        @Test
        void atTheEndOfAKeyEventTimeTimersFireInOrderThenProcessingTimeTimers() throws Exception {
            state.setCurrentKey("a");
            timers.registerProcessingTimeTimer("w", 5_000);
            timers.registerEventTimeTimer("w", 30);
            timers.registerEventTimeTimer("w", 10);
            timers.registerEventTimeTimer("w", 10);
            timers.registerProcessingTimeTimer("w", 2_000);
            timers.registerEventTimeTimer("w", 20);
            timers.deleteEventTimeTimer("w", 20);
            timers.endOfKey();
            assertThat(recorder.fired).containsExactly("event:a@10/w wm=MAX", "event:a@30/w wm=MAX",
                    "proc:a@2000/w", "proc:a@5000/w");
            assertThat(timers.currentWatermark()).as("back to MIN for the next key").isEqualTo(Long.MIN_VALUE);

            state.setCurrentKey("b");
            timers.registerEventTimeTimer("w", 1);
            timers.endOfKey();
            assertThat(recorder.fired).last().isEqualTo("event:b@1/w wm=MAX");
        }

        @Test
        void eventTimeTimersRegisteredWhileTheKeysTimersFireAreIgnoredSoSelfRenewingTimersStop() throws Exception {
            recorder.onFire = t -> timers.registerEventTimeTimer("renewed", t.timestamp() + 10);
            state.setCurrentKey("a");
            timers.registerEventTimeTimer("w", 10);
            timers.registerEventTimeTimer("w", 15);
            timers.registerProcessingTimeTimer("p", 2_000);
            timers.endOfKey();
            assertThat(recorder.fired).containsExactly("event:a@10/w wm=MAX", "event:a@15/w wm=MAX",
                    "proc:a@2000/p");

            recorder.fired.clear();
            state.setCurrentKey("b");
            timers.registerEventTimeTimer("w", 10);
            timers.endOfKey();
            assertThat(recorder.fired).as("the next key registers and fires as usual")
                    .containsExactly("event:b@10/w wm=MAX");
        }

        @Test
        void deletingATimerWhileTheKeysTimersFireStillWorks() throws Exception {
            recorder.onFire = t -> timers.deleteEventTimeTimer("w", 20);
            state.setCurrentKey("a");
            timers.registerEventTimeTimer("w", 10);
            timers.registerEventTimeTimer("w", 20);
            timers.endOfKey();
            assertThat(recorder.fired).containsExactly("event:a@10/w wm=MAX");
        }
    }
}
