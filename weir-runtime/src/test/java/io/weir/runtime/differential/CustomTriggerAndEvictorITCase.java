package io.weir.runtime.differential;

import io.weir.api.datastream.DataStream;
import io.weir.api.datastream.WindowedStream;
import io.weir.api.functions.ReduceFunction;
import io.weir.api.state.ReducingStateDescriptor;
import io.weir.api.state.ValueState;
import io.weir.api.state.ValueStateDescriptor;
import io.weir.api.windowing.assigners.EventTimeSessionWindows;
import io.weir.api.windowing.assigners.GlobalWindows;
import io.weir.api.windowing.assigners.TumblingEventTimeWindows;
import io.weir.api.windowing.evictors.Evictor;
import io.weir.api.windowing.evictors.TimestampedValue;
import io.weir.api.windowing.triggers.CountTrigger;
import io.weir.api.windowing.triggers.Trigger;
import io.weir.api.windowing.triggers.TriggerResult;
import io.weir.api.windowing.windows.GlobalWindow;
import io.weir.api.windowing.windows.TimeWindow;
import io.weir.runtime.differential.SessionAndSlidingTriggersITCase.Fired;
import io.weir.runtime.differential.SessionAndSlidingTriggersITCase.KeyWindow;
import io.weir.runtime.differential.SessionAndSlidingTriggersITCase.SumWindow;
import io.weir.runtime.differential.TimedInput.Event;
import io.weir.runtime.differential.WindowsDifferentialITCase.PartialAggregate;
import io.weir.runtime.differential.WindowsDifferentialITCase.ToResult;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import static io.weir.runtime.differential.DifferentialHarness.runInBothModes;
import static io.weir.runtime.differential.SessionAndSlidingTriggersITCase.GAP;
import static io.weir.runtime.differential.SessionAndSlidingTriggersITCase.events;
import static io.weir.runtime.differential.SessionAndSlidingTriggersITCase.input;
import static io.weir.runtime.differential.SessionAndSlidingTriggersITCase.sessions;
import static io.weir.runtime.differential.SessionAndSlidingTriggersITCase.timeWindows;

/**
 * Jobs with a user's own {@link Trigger} (per-window partitioned state, timers registered and deleted through the
 * trigger context, state merged across session windows) and own {@link Evictor} (before and after the window
 * function), in both modes on seeded out-of-order input, against oracles. Jobs whose outputs depend on the order
 * of a key's records read a parallelism-1 source.
 */
@Timeout(120)
class CustomTriggerAndEvictorITCase {
    private static final long SIZE = 100;

    @ParameterizedTest(name = "parallelism {0}")
    @ValueSource(ints = {1, 2, 4})
    void aCountOrEndTriggerAndAnEvictorOfTheWindowsStartGiveTheSameFiringsInBothModes(int parallelism) {
        TimedInput input = input(13_100 + parallelism, 10);
        ModeOutputs<Fired> outputs = runInBothModes("count-or-end trigger, window-start evictor over " + input,
                parallelism, env -> input.sequentialSource(env).keyBy(Event::key)
                        .window(TumblingEventTimeWindows.of(Duration.ofMillis(SIZE)))
                        .allowedLateness(Duration.ofMillis(50))
                        .trigger(new CountOrEndTrigger(4))
                        .evictor(new EvictWindowStart(10))
                        .process(new SumWindow<>()));
        // Per window in input order: each group of 4, and the rest at the end; then the first 10 ms are evicted.
        java.util.function.Function<List<Event>, List<Fired>> oracle = ordered -> {
            List<Fired> expected = new ArrayList<>();
            timeWindows(ordered, SIZE, SIZE, 0).forEach((w, es) -> {
                for (int from = 0; from < es.size(); from += 4) {
                    List<Event> kept = es.subList(from, Math.min(from + 4, es.size())).stream()
                            .filter(e -> e.timestamp() >= w.start() + 10).toList();
                    if (!kept.isEmpty()) {
                        expected.add(Fired.of(w, kept));
                    }
                }
            });
            return expected;
        };
        // Each key's order decides: arrival in STREAMING, timestamps in BATCH.
        outputs.assertEachEqual(oracle.apply(events(input)), oracle.apply(TimedInput.inTimestampOrder(events(input))));
    }

    /**
     * Fires and purges a window once it holds {@code count} records (counted in partitioned state), and fires
     * what is left at the window's end on an event-time timer of its own: registered by the first record after
     * each purge, deleted when the window purges early. With allowed lateness the operator's cleanup timer comes
     * later; that one fires nothing.
     */
    static final class CountOrEndTrigger extends Trigger<Object, TimeWindow> {
        private final int count;
        private final ValueStateDescriptor<Integer> countDescriptor =
                new ValueStateDescriptor<>("count", Integer.class, 0);

        CountOrEndTrigger(int count) {
            this.count = count;
        }

        @Override
        public TriggerResult onElement(Object element, long timestamp, TimeWindow window, TriggerContext ctx)
                throws Exception {
            ValueState<Integer> counted = ctx.getPartitionedState(countDescriptor);
            int n = counted.value() + 1;
            if (n == 1) {
                ctx.registerEventTimeTimer(window.maxTimestamp());
            }
            if (n == count) {
                counted.clear();
                ctx.deleteEventTimeTimer(window.maxTimestamp());
                return TriggerResult.FIRE_AND_PURGE;
            }
            counted.update(n);
            return TriggerResult.CONTINUE;
        }

        @Override
        public TriggerResult onEventTime(long time, TimeWindow window, TriggerContext ctx) {
            if (time != window.maxTimestamp()) {
                return TriggerResult.CONTINUE;
            }
            ctx.getPartitionedState(countDescriptor).clear();
            return TriggerResult.FIRE_AND_PURGE;
        }

        @Override
        public TriggerResult onProcessingTime(long time, TimeWindow window, TriggerContext ctx) {
            return TriggerResult.CONTINUE;
        }

        @Override
        public void clear(TimeWindow window, TriggerContext ctx) {
            ctx.getPartitionedState(countDescriptor).clear();
            ctx.deleteEventTimeTimer(window.maxTimestamp());
        }
    }

    /** Before the function, evicts the records in the first {@code millis} of their time window. */
    static final class EvictWindowStart implements Evictor<Object, TimeWindow> {
        private final long millis;

        EvictWindowStart(long millis) {
            this.millis = millis;
        }

        @Override
        public void evictBefore(Iterable<TimestampedValue<Object>> elements, int size, TimeWindow window,
                                EvictorContext ctx) {
            for (Iterator<TimestampedValue<Object>> it = elements.iterator(); it.hasNext(); ) {
                if (it.next().getTimestamp() < window.getStart() + millis) {
                    it.remove();
                }
            }
        }

        @Override
        public void evictAfter(Iterable<TimestampedValue<Object>> elements, int size, TimeWindow window,
                               EvictorContext ctx) {
        }
    }

    @ParameterizedTest(name = "parallelism {0}")
    @ValueSource(ints = {1, 2, 4})
    void aCountOrTimeoutTriggerFiresTheRestOnceOnItsPendingProcessingTimeTimerAtTheEnd(int parallelism) {
        TimedInput input = input(13_400 + parallelism, 20);
        ModeOutputs<Fired> outputs = runInBothModes("global windows, count-or-timeout trigger over " + input,
                parallelism, env -> input.sequentialSource(env).keyBy(Event::key).window(GlobalWindows.create())
                        .trigger(new CountOrTimeoutTrigger(5, Duration.ofHours(1))).process(new SumWindow<>()));
        // The timeout never passes while the job runs: it fires when the input (BATCH: the key) ends.
        java.util.function.Function<List<Event>, List<Fired>> oracle = ordered -> {
            List<Fired> expected = new ArrayList<>();
            Map<Integer, List<Event>> pending = new TreeMap<>();
            for (Event e : ordered) {
                List<Event> group = pending.computeIfAbsent(e.key(), k -> new ArrayList<>());
                group.add(e);
                if (group.size() == 5) {
                    expected.add(Fired.of(new KeyWindow(e.key(), Long.MIN_VALUE, Long.MAX_VALUE), group));
                    pending.remove(e.key());
                }
            }
            pending.forEach((key, rest) -> expected.add(Fired.of(new KeyWindow(key, Long.MIN_VALUE, Long.MAX_VALUE),
                    rest)));
            return expected;
        };
        // Each key's order decides: arrival in STREAMING, timestamps in BATCH.
        outputs.assertEachEqual(oracle.apply(events(input)), oracle.apply(TimedInput.inTimestampOrder(events(input))));
    }

    /**
     * Fires and purges a global window every {@code count} records; a processing-time timer {@code timeout}
     * after the first record of a group fires the group so far, without purging. The timer's time is kept in
     * partitioned state, so that an early firing deletes it: a timer left behind would fire the rest twice.
     */
    static final class CountOrTimeoutTrigger extends Trigger<Object, GlobalWindow> {
        private final int count;
        private final long timeout;
        private final ValueStateDescriptor<Integer> countDescriptor =
                new ValueStateDescriptor<>("count", Integer.class, 0);
        private final ValueStateDescriptor<Long> timerDescriptor = new ValueStateDescriptor<>("timer", Long.class);

        CountOrTimeoutTrigger(int count, Duration timeout) {
            this.count = count;
            this.timeout = timeout.toMillis();
        }

        @Override
        public TriggerResult onElement(Object element, long timestamp, GlobalWindow window, TriggerContext ctx)
                throws Exception {
            ValueState<Integer> counted = ctx.getPartitionedState(countDescriptor);
            ValueState<Long> timer = ctx.getPartitionedState(timerDescriptor);
            if (timer.value() == null) {
                timer.update(ctx.getCurrentProcessingTime() + timeout);
                ctx.registerProcessingTimeTimer(timer.value());
            }
            int n = counted.value() + 1;
            if (n < count) {
                counted.update(n);
                return TriggerResult.CONTINUE;
            }
            ctx.deleteProcessingTimeTimer(timer.value());
            timer.clear();
            counted.clear();
            return TriggerResult.FIRE_AND_PURGE;
        }

        @Override
        public TriggerResult onProcessingTime(long time, GlobalWindow window, TriggerContext ctx) {
            return TriggerResult.FIRE;
        }

        @Override
        public TriggerResult onEventTime(long time, GlobalWindow window, TriggerContext ctx) {
            return TriggerResult.CONTINUE;
        }

        @Override
        public void clear(GlobalWindow window, TriggerContext ctx) throws Exception {
            ValueState<Long> timer = ctx.getPartitionedState(timerDescriptor);
            if (timer.value() != null) {
                ctx.deleteProcessingTimeTimer(timer.value());
            }
            timer.clear();
            ctx.getPartitionedState(countDescriptor).clear();
        }
    }

    // ------------------------------------------------------------------------------------------ sessions

    @ParameterizedTest(name = "parallelism {0}")
    @ValueSource(ints = {1, 2, 4})
    void aCustomMergingTriggerCountsEachSessionsRecordsAcrossMerges(int parallelism) {
        TimedInput input = input(13_200 + parallelism, 5);
        ModeOutputs<Fired> outputs = runInBothModes("sessions with at least 12 records over " + input, parallelism,
                env -> input.source(env).keyBy(Event::key)
                        .window(EventTimeSessionWindows.withGap(Duration.ofMillis(GAP)))
                        .trigger(new AtLeastTrigger(12))
                        .process(new SumWindow<>()));
        List<Fired> expected = new ArrayList<>();
        sessions(events(input), GAP).forEach((w, es) -> {
            if (es.size() >= 12) {
                expected.add(Fired.of(w, es));
            }
        });
        outputs.assertBothEqual(expected);
    }

    /**
     * Fires a session at its end if it holds at least {@code min} records: the count is reducing state, merged
     * when sessions merge, and the merged session registers the timer at its own end.
     */
    static final class AtLeastTrigger extends Trigger<Object, TimeWindow> {
        private final long min;
        private final ReducingStateDescriptor<Long> countDescriptor =
                new ReducingStateDescriptor<>("count", (ReduceFunction<Long>) Long::sum, Long.class);

        AtLeastTrigger(long min) {
            this.min = min;
        }

        @Override
        public TriggerResult onElement(Object element, long timestamp, TimeWindow window, TriggerContext ctx)
                throws Exception {
            ctx.getPartitionedState(countDescriptor).add(1L);
            ctx.registerEventTimeTimer(window.maxTimestamp());
            return TriggerResult.CONTINUE;
        }

        @Override
        public TriggerResult onEventTime(long time, TimeWindow window, TriggerContext ctx) throws Exception {
            Long count = ctx.getPartitionedState(countDescriptor).get();
            return time == window.maxTimestamp() && count != null && count >= min
                    ? TriggerResult.FIRE : TriggerResult.CONTINUE;
        }

        @Override
        public TriggerResult onProcessingTime(long time, TimeWindow window, TriggerContext ctx) {
            return TriggerResult.CONTINUE;
        }

        @Override
        public boolean canMerge() {
            return true;
        }

        @Override
        public void onMerge(TimeWindow window, OnMergeContext ctx) {
            ctx.mergePartitionedState(countDescriptor);
            ctx.registerEventTimeTimer(window.maxTimestamp());
        }

        @Override
        public void clear(TimeWindow window, TriggerContext ctx) {
            ctx.getPartitionedState(countDescriptor).clear();
            ctx.deleteEventTimeTimer(window.maxTimestamp());
        }
    }

    // ------------------------------------------------------------------------------------------ global windows

    @ParameterizedTest(name = "{0}, parallelism {1}")
    @CsvSource({"process, 1", "process, 4", "aggregate, 2", "aggregate, 4"})
    void anEvictorKeepingTheNewestRecordsAfterEachFiringMakesGlobalWindowsSlide(String function, int parallelism) {
        TimedInput input = input(13_300 + parallelism, 20);
        ModeOutputs<Fired> outputs = runInBothModes("global windows, count trigger, evicting after firing, "
                + function + ", over " + input, parallelism, env -> {
                    WindowedStream<Event, Integer, GlobalWindow> windowed = input.sequentialSource(env)
                            .keyBy(Event::key).window(GlobalWindows.create())
                            .trigger(CountTrigger.of(3)).evictor(new KeepNewestAfterFiring(4));
                    return function.equals("process") ? windowed.process(new SumWindow<>())
                            : asFired(windowed.aggregate(new PartialAggregate()).process(new ToResult()));
                });
        // Per key in input order: every third record fires everything kept, after which the newest 4 stay.
        java.util.function.Function<List<Event>, List<Fired>> oracle = ordered -> {
            List<Fired> expected = new ArrayList<>();
            Map<Integer, List<Event>> kept = new TreeMap<>();
            Map<Integer, Integer> sinceFiring = new TreeMap<>();
            for (Event e : ordered) {
                List<Event> contents = kept.computeIfAbsent(e.key(), k -> new ArrayList<>());
                contents.add(e);
                if (sinceFiring.merge(e.key(), 1, Integer::sum) == 3) {
                    sinceFiring.put(e.key(), 0);
                    expected.add(Fired.of(new KeyWindow(e.key(), Long.MIN_VALUE, Long.MAX_VALUE), contents));
                    kept.put(e.key(), new ArrayList<>(contents.subList(Math.max(0, contents.size() - 4),
                            contents.size())));
                }
            }
            return expected;
        };
        // Each key's order decides: arrival in STREAMING, timestamps in BATCH.
        outputs.assertEachEqual(oracle.apply(events(input)), oracle.apply(TimedInput.inTimestampOrder(events(input))));
    }

    private static DataStream<Fired> asFired(DataStream<WindowsDifferentialITCase.Result> results) {
        return results.map(r -> new Fired(r.key(), Long.MIN_VALUE, r.windowMaxTimestamp(), r.sum(), r.count()));
    }

    /** After the function, evicts all but the newest {@code keep} records: the window carries them over. */
    static final class KeepNewestAfterFiring implements Evictor<Object, GlobalWindow> {
        private final int keep;

        KeepNewestAfterFiring(int keep) {
            this.keep = keep;
        }

        @Override
        public void evictBefore(Iterable<TimestampedValue<Object>> elements, int size, GlobalWindow window,
                                EvictorContext ctx) {
        }

        @Override
        public void evictAfter(Iterable<TimestampedValue<Object>> elements, int size, GlobalWindow window,
                               EvictorContext ctx) {
            Iterator<TimestampedValue<Object>> it = elements.iterator();
            for (int toEvict = size - keep; toEvict > 0 && it.hasNext(); toEvict--) {
                it.next();
                it.remove();
            }
        }
    }
}
