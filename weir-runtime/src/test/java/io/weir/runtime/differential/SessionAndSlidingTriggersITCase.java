package io.weir.runtime.differential;

import io.weir.api.datastream.DataStream;
import io.weir.api.datastream.WindowedStream;
import io.weir.api.functions.Collector;
import io.weir.api.functions.windowing.ProcessWindowFunction;
import io.weir.api.windowing.assigners.EventTimeSessionWindows;
import io.weir.api.windowing.assigners.SlidingEventTimeWindows;
import io.weir.api.windowing.evictors.Evictor;
import io.weir.api.windowing.evictors.TimestampedValue;
import io.weir.api.windowing.triggers.ContinuousEventTimeTrigger;
import io.weir.api.windowing.triggers.CountTrigger;
import io.weir.api.windowing.triggers.PurgingTrigger;
import io.weir.api.windowing.windows.TimeWindow;
import io.weir.api.windowing.windows.Window;
import io.weir.runtime.differential.TimedInput.Event;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.Serializable;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static io.weir.runtime.differential.DifferentialHarness.runInBothModes;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Sliding event-time windows and event-time sessions with other triggers and with an evictor, in both modes on
 * seeded out-of-order input ({@link TimedInput}), against oracles computed from the events. Jobs whose triggers
 * count records read a parallelism-1 source, so each key's records arrive in input order in both modes. The
 * static oracle helpers here ({@link #events}, {@link #timeWindows}, {@link #sessions}) serve the other window
 * suites of this package too.
 */
@Timeout(120)
class SessionAndSlidingTriggersITCase {
    static final long SIZE = 100;
    static final long SLIDE = 25;
    static final long GAP = 40;

    /** A key's window by its bounds; a global window has {@code start == Long.MIN_VALUE}. */
    record KeyWindow(int key, long start, long maxTimestamp) implements Serializable {
    }

    /** What a window emitted at one firing. */
    record Fired(int key, long start, long maxTimestamp, long sum, long count) implements Serializable {
        static Fired of(KeyWindow w, List<Event> events) {
            return new Fired(w.key(), w.start(), w.maxTimestamp(), events.stream().mapToLong(Event::value).sum(),
                    events.size());
        }

        KeyWindow window() {
            return new KeyWindow(key, start, maxTimestamp);
        }
    }

    static TimedInput input(long seed, int keys) {
        return new TimedInput(seed, 3_000, keys, 3, 30);
    }

    static List<Event> events(TimedInput input) {
        List<Event> events = new ArrayList<>();
        for (long i = 0; i < input.records(); i++) {
            events.add(input.event(i));
        }
        return events;
    }

    /** Windows of {@code size} starting every {@code slide} after {@code offset}; each window's events in order. */
    static Map<KeyWindow, List<Event>> timeWindows(List<Event> events, long size, long slide, long offset) {
        Map<KeyWindow, List<Event>> windows = new LinkedHashMap<>();
        for (Event e : events) {
            long lastStart = e.timestamp() - Math.floorMod(e.timestamp() - offset, slide);
            for (long start = lastStart; start > e.timestamp() - size; start -= slide) {
                windows.computeIfAbsent(new KeyWindow(e.key(), start, start + size - 1), w -> new ArrayList<>()).add(e);
            }
        }
        return windows;
    }

    /** Each key's sessions: intervals {@code [t, t + gap)} joined while they overlap or touch; events in order. */
    static Map<KeyWindow, List<Event>> sessions(List<Event> events, long gap) {
        Map<Integer, List<Event>> byKey = new LinkedHashMap<>();
        events.forEach(e -> byKey.computeIfAbsent(e.key(), k -> new ArrayList<>()).add(e));
        Map<KeyWindow, List<Event>> sessions = new LinkedHashMap<>();
        byKey.forEach((key, keyEvents) -> {
            List<Event> sorted = new ArrayList<>(keyEvents);
            sorted.sort((a, b) -> Long.compare(a.timestamp(), b.timestamp()));
            List<Event> session = new ArrayList<>();
            long start = 0;
            long end = 0;
            for (Event e : sorted) {
                if (!session.isEmpty() && e.timestamp() > end) {
                    sessions.put(new KeyWindow(key, start, end - 1), inInputOrder(session, keyEvents));
                    session.clear();
                }
                if (session.isEmpty()) {
                    start = e.timestamp();
                    end = e.timestamp() + gap;
                }
                end = Math.max(end, e.timestamp() + gap);
                session.add(e);
            }
            sessions.put(new KeyWindow(key, start, end - 1), inInputOrder(session, keyEvents));
        });
        return sessions;
    }

    private static List<Event> inInputOrder(List<Event> some, List<Event> all) {
        Set<Event> members = Collections.newSetFromMap(new IdentityHashMap<>());
        members.addAll(some);
        return all.stream().filter(members::contains).toList();
    }

    static List<Fired> fired(Map<KeyWindow, List<Event>> windows) {
        List<Fired> fired = new ArrayList<>();
        windows.forEach((w, es) -> fired.add(Fired.of(w, es)));
        return fired;
    }

    private static WindowedStream<Event, Integer, TimeWindow> sliding(DataStream<Event> events) {
        return events.keyBy(Event::key)
                .window(SlidingEventTimeWindows.of(Duration.ofMillis(SIZE), Duration.ofMillis(SLIDE)));
    }

    private static WindowedStream<Event, Integer, TimeWindow> sessions(DataStream<Event> events) {
        return events.keyBy(Event::key).window(EventTimeSessionWindows.withGap(Duration.ofMillis(GAP)));
    }

    // ------------------------------------------------------------------------------------------ sliding windows

    @ParameterizedTest(name = "parallelism {0}")
    @ValueSource(ints = {1, 2, 4})
    void slidingWindowsWithAPurgingCountTriggerEmitEachFullGroupOfAWindowsRecords(int parallelism) {
        TimedInput input = input(10_100 + parallelism, 20);
        ModeOutputs<Fired> outputs = runInBothModes("sliding, purging count trigger over " + input, parallelism,
                env -> sliding(input.sequentialSource(env)).trigger(PurgingTrigger.of(CountTrigger.of(3)))
                        .process(new SumWindow<>()));
        java.util.function.Function<List<Event>, List<Fired>> oracle = events -> {
            List<Fired> expected = new ArrayList<>();
            timeWindows(events, SIZE, SLIDE, 0).forEach((w, es) -> {
                for (int n = 3; n <= es.size(); n += 3) {
                    expected.add(Fired.of(w, es.subList(n - 3, n)));
                }
            });
            return expected;
        };
        // The groups follow each key's order: arrival in STREAMING, timestamps in BATCH.
        outputs.assertEachEqual(oracle.apply(events(input)), oracle.apply(TimedInput.inTimestampOrder(events(input))));
    }

    @ParameterizedTest(name = "parallelism {0}")
    @ValueSource(ints = {1, 2, 4})
    void slidingWindowsWithAContinuousEventTimeTriggerEndWithTheWholeWindow(int parallelism) {
        TimedInput input = input(10_200 + parallelism, 20);
        ModeOutputs<Fired> outputs = runInBothModes("sliding, continuous trigger over " + input, parallelism,
                env -> sliding(input.source(env)).trigger(ContinuousEventTimeTrigger.of(Duration.ofMillis(20)))
                        .process(new SumWindow<>()));
        assertEachWindowEndsWithAllOfItsRecords(outputs, timeWindows(events(input), SIZE, SLIDE, 0));
    }

    // ------------------------------------------------------------------------------------------ sessions

    @ParameterizedTest(name = "purging {0}, parallelism {1}")
    @CsvSource({"false, 1", "false, 2", "false, 4", "true, 1", "true, 2", "true, 4"})
    void sessionsWithACountTriggerFireWhenTheCountOfTheirMergedWindowsReachesIt(boolean purging, int parallelism) {
        // Few keys: sessions are long, and many records bridge two of them.
        TimedInput input = input(10_300 + parallelism + (purging ? 10 : 0), 4);
        ModeOutputs<Fired> outputs = runInBothModes((purging ? "purging " : "") + "count trigger on sessions over "
                + input, parallelism, env -> sessions(input.sequentialSource(env))
                .trigger(purging ? PurgingTrigger.of(CountTrigger.of(4)) : CountTrigger.of(4))
                .process(new SumWindow<>()));
        // The count follows each key's order: arrival in STREAMING, timestamps in BATCH.
        outputs.assertEachEqual(countTriggeredSessions(events(input), 4, purging),
                countTriggeredSessions(TimedInput.inTimestampOrder(events(input)), 4, purging));
    }

    /**
     * Replays the sessions of each key in arrival order: a record's window {@code [t, t + GAP)} absorbs every
     * session it overlaps or touches, whose records and trigger counts add up; the record counts one more, and
     * at {@code count} the session fires with its contents and its count starts again (as do its contents if
     * purging). A count trigger never fires on time, so what is left when a session ends is not emitted.
     */
    private static List<Fired> countTriggeredSessions(List<Event> events, int count, boolean purging) {
        record Open(long start, long end, List<Event> contents, int counted) {
        }
        Map<Integer, List<Open>> open = new LinkedHashMap<>();
        List<Fired> fired = new ArrayList<>();
        for (Event e : events) {
            List<Open> keySessions = open.computeIfAbsent(e.key(), k -> new ArrayList<>());
            long start = e.timestamp();
            long end = e.timestamp() + GAP;
            List<Event> contents = new ArrayList<>();
            int counted = 0;
            for (Iterator<Open> it = keySessions.iterator(); it.hasNext(); ) {
                Open s = it.next();
                if (s.start() <= end && s.end() >= start) {
                    start = Math.min(start, s.start());
                    end = Math.max(end, s.end());
                    contents.addAll(s.contents());
                    counted += s.counted();
                    it.remove();
                }
            }
            contents.add(e);
            counted++;
            if (counted >= count) {
                fired.add(Fired.of(new KeyWindow(e.key(), start, end - 1), contents));
                counted = 0;
                if (purging) {
                    contents = new ArrayList<>();
                }
            }
            keySessions.add(new Open(start, end, contents, counted));
        }
        return fired;
    }

    @ParameterizedTest(name = "parallelism {0}")
    @ValueSource(ints = {1, 2, 4})
    void sessionsWithAContinuousEventTimeTriggerEndWithTheWholeSession(int parallelism) {
        TimedInput input = input(10_400 + parallelism, 5);
        ModeOutputs<Fired> outputs = runInBothModes("sessions, continuous trigger over " + input, parallelism,
                env -> sessions(input.source(env)).trigger(ContinuousEventTimeTrigger.of(Duration.ofMillis(20)))
                        .process(new SumWindow<>()));
        assertEachWindowEndsWithAllOfItsRecords(outputs, sessions(events(input), GAP));
    }

    /**
     * BATCH fires each window once, with all of its records. STREAMING fires windows along the way, each firing
     * of a window seeing at least what the previous one saw, and ends each with all of its records; its earlier
     * firings may be of sessions that later merged, which must lie within a final session and hold fewer records.
     */
    private static void assertEachWindowEndsWithAllOfItsRecords(ModeOutputs<Fired> outputs,
                                                                Map<KeyWindow, List<Event>> windows) {
        List<Fired> expected = fired(windows);
        assertThat(outputs.batch()).as(outputs.context() + ": BATCH").containsExactlyInAnyOrderElementsOf(expected);

        Map<KeyWindow, Fired> last = new LinkedHashMap<>();
        for (Fired f : outputs.streaming()) {
            Fired previous = last.put(f.window(), f);
            assertThat(previous == null || previous.count() <= f.count())
                    .as(outputs.context() + ": a later firing saw fewer records: " + previous + " then " + f).isTrue();
        }
        for (Fired f : expected) {
            assertThat(last.remove(f.window())).as(outputs.context() + ": STREAMING's last firing").isEqualTo(f);
        }
        for (Fired early : last.values()) {
            boolean within = expected.stream().anyMatch(f -> f.key() == early.key() && f.start() <= early.start()
                    && early.maxTimestamp() <= f.maxTimestamp() && early.count() < f.count());
            assertThat(within).as(outputs.context() + ": " + early + " is no early firing of a final window").isTrue();
        }
        assertThat(outputs.streaming()).as("STREAMING fired windows before their end").hasSizeGreaterThan(
                expected.size());
    }

    @ParameterizedTest(name = "parallelism {0}")
    @ValueSource(ints = {1, 2, 4})
    void sessionsWithACustomEvictorLeaveTheSameRecordsInBothModes(int parallelism) {
        TimedInput input = input(10_500 + parallelism, 10);
        ModeOutputs<Fired> outputs = runInBothModes("sessions, evicting small values, over " + input, parallelism,
                env -> sessions(input.source(env)).evictor(new EvictSmallValues<>(300)).process(new SumWindow<>()));
        // Eviction changes no session's bounds; a session with nothing left does not fire.
        List<Fired> expected = new ArrayList<>();
        sessions(events(input), GAP).forEach((w, es) -> {
            List<Event> kept = es.stream().filter(e -> e.value() >= 300).toList();
            if (!kept.isEmpty()) {
                expected.add(Fired.of(w, kept));
            }
        });
        outputs.assertBothEqual(expected);
    }

    // ------------------------------------------------------------------------------------------ functions

    /** Each firing as (key, window, sum, count); a global window's start is {@code Long.MIN_VALUE}. */
    static final class SumWindow<W extends Window> extends ProcessWindowFunction<Event, Fired, Integer, W> {
        @Override
        public void process(Integer key, Context context, Iterable<Event> elements, Collector<Fired> out) {
            long sum = 0;
            long count = 0;
            for (Event e : elements) {
                if (e.key() != key) {
                    throw new IllegalStateException("Event " + e + " in a window of key " + key);
                }
                sum += e.value();
                count++;
            }
            W w = context.window();
            long start = w instanceof TimeWindow tw ? tw.getStart() : Long.MIN_VALUE;
            out.collect(new Fired(key, start, w.maxTimestamp(), sum, count));
        }
    }

    /** Before the function, evicts the records whose value is below {@code bound}. */
    static final class EvictSmallValues<W extends Window> implements Evictor<Event, W> {
        private final int bound;

        EvictSmallValues(int bound) {
            this.bound = bound;
        }

        @Override
        public void evictBefore(Iterable<TimestampedValue<Event>> elements, int size, W window, EvictorContext ctx) {
            for (Iterator<TimestampedValue<Event>> it = elements.iterator(); it.hasNext(); ) {
                if (it.next().getValue().value() < bound) {
                    it.remove();
                }
            }
        }

        @Override
        public void evictAfter(Iterable<TimestampedValue<Event>> elements, int size, W window, EvictorContext ctx) {
        }
    }
}
