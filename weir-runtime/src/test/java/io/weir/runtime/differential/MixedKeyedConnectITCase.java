package io.weir.runtime.differential;

import io.weir.api.common.RuntimeExecutionMode;
import io.weir.api.datastream.DataStream;
import io.weir.api.environment.StreamExecutionEnvironment;
import io.weir.api.eventtime.WatermarkStrategy;
import io.weir.api.functions.CoProcessFunction;
import io.weir.api.functions.Collector;
import io.weir.runtime.differential.TimestampOrderITCase.Event;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.stream.Stream;

import static io.weir.runtime.differential.DifferentialHarness.run;
import static io.weir.runtime.differential.DifferentialHarness.runInBothModes;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * A two-input operator with one keyed input and one that is not ({@code keyed.connect(plain)} and
 * {@code plain.connect(keyed)}): in BATCH it reads the plain input first, then the keyed one grouped by key and in
 * timestamp order within a key, as any keyed input; STREAMING interleaves both as they come. Both modes see the
 * same records.
 */
@Timeout(180)
class MixedKeyedConnectITCase {

    enum Style { KEYED_FIRST, KEYED_SECOND }

    /** Seeded events over {@code keys} keys, times out of order with ties; payload = arrival index. */
    private static List<Event> events(long seed, int count, int keys) {
        Random random = new Random(seed);
        List<Event> events = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            events.add(new Event("key" + random.nextInt(keys), random.nextInt(count / 4), Integer.toString(i)));
        }
        return events;
    }

    private static List<String> words(long seed, int count) {
        Random random = new Random(seed);
        List<String> words = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            words.add("w" + random.nextInt(1000));
        }
        return words;
    }

    /** The connected job; each record the operator sees becomes "subtask|K|key|time|index" or "subtask|P|word". */
    private static DataStream<String> job(StreamExecutionEnvironment env, Style style, List<Event> events,
                                          List<String> words) {
        DataStream<Event> keyedSource = env.fromCollection(events).assignTimestampsAndWatermarks(
                WatermarkStrategy.<Event>forBoundedOutOfOrderness(Duration.ofSeconds(10))
                        .withTimestampAssigner((e, ts) -> e.time())).setParallelism(1);
        DataStream<String> plain = env.fromCollection(words).rebalance();
        return switch (style) {
            case KEYED_FIRST -> keyedSource.keyBy(Event::key).connect(plain).process(new SeenKeyedFirst());
            case KEYED_SECOND -> plain.connect(keyedSource.keyBy(Event::key)).process(new SeenKeyedSecond());
        };
    }

    static Stream<Arguments> cases() {
        List<Arguments> args = new ArrayList<>();
        for (Style style : Style.values()) {
            for (int parallelism : new int[]{1, 2, 4}) {
                args.add(Arguments.of(style, parallelism, Settings.defaults()));
            }
            args.add(Arguments.of(style, 2, Settings.tinyMemory()));
        }
        return args.stream();
    }

    /**
     * Per BATCH subtask: every plain record before the first keyed one; the keyed records in one run per key,
     * each run in timestamp order with ties in arrival order. STREAMING: the same records, interleaved.
     */
    @ParameterizedTest(name = "{0}, parallelism {1}, {2}")
    @MethodSource("cases")
    void batchHandsTheKeyedInputOverAfterThePlainOneGroupedByKeyInTimestampOrder(Style style, int parallelism,
                                                                                 Settings settings) {
        List<Event> events = events(700 + parallelism, 4_000, 60);
        List<String> words = words(800 + parallelism, 1_500);
        List<String> batch = run(RuntimeExecutionMode.BATCH, parallelism, settings.forBatch(), style + " in BATCH",
                env -> job(env, style, events, words));
        for (int subtask = 0; subtask < parallelism; subtask++) {
            String prefix = subtask + "|";
            List<String> mine = batch.stream().filter(s -> s.startsWith(prefix)).toList();
            List<String[]> keyed = new ArrayList<>();
            boolean keyedStarted = false;
            for (String line : mine) {
                String[] f = line.split("\\|");
                if (f[1].equals("K")) {
                    keyedStarted = true;
                    keyed.add(f);
                } else {
                    assertThat(keyedStarted).as("subtask %d: plain record %s after a keyed one", subtask, line)
                            .isFalse();
                }
            }
            Set<String> finishedKeys = new HashSet<>();
            for (int i = 0; i < keyed.size(); i++) {
                String[] current = keyed.get(i);
                if (i > 0 && keyed.get(i - 1)[2].equals(current[2])) {
                    String[] previous = keyed.get(i - 1);
                    long previousTime = Long.parseLong(previous[3]);
                    long time = Long.parseLong(current[3]);
                    assertThat(time).as("subtask %d, key %s: time after %d", subtask, current[2], previousTime)
                            .isGreaterThanOrEqualTo(previousTime);
                    if (time == previousTime) {
                        assertThat(Integer.parseInt(current[4])).as("tie in arrival order")
                                .isGreaterThan(Integer.parseInt(previous[4]));
                    }
                } else {
                    assertThat(finishedKeys.add(current[2])).as("subtask %d: key %s comes back", subtask, current[2])
                            .isTrue();
                }
            }
        }
        List<String> streaming = run(RuntimeExecutionMode.STREAMING, parallelism, settings.forStreaming(),
                style + " in STREAMING", env -> job(env, style, events, words));
        assertThat(withoutPlainSubtasks(streaming)).containsExactlyInAnyOrderElementsOf(withoutPlainSubtasks(batch));
        assertThat(batch).hasSize(events.size() + words.size());
    }

    /** Keyed records go to the same subtask in both modes; plain ones are rebalanced, so their subtask is dropped. */
    private static List<String> withoutPlainSubtasks(List<String> lines) {
        return lines.stream().map(s -> s.contains("|P|") ? s.substring(s.indexOf('|') + 1) : s).toList();
    }

    /** Differential: seeded inputs, the same records (keyed ones with key, time and payload) in both modes. */
    @ParameterizedTest(name = "{0}, parallelism {1}, {2}")
    @MethodSource("cases")
    void bothModesSeeTheSameRecords(Style style, int parallelism, Settings settings) {
        List<Event> events = events(900 + parallelism, 3_000, 500);
        List<String> words = words(1000 + parallelism, 800);
        List<String> expected = new ArrayList<>();
        events.forEach(e -> expected.add("K|" + e.key() + "|" + e.time() + "|" + e.fold()));
        words.forEach(w -> expected.add("P|" + w));
        runInBothModes(style + " of " + events.size() + " events (seed " + (900 + parallelism) + ") and "
                        + words.size() + " words", parallelism, settings,
                env -> job(env, style, events, words).map(s -> s.substring(s.indexOf('|') + 1)))
                .assertBothEqual(expected);
    }

    // ----------------------------------------------------------------------------------------------- functions

    private static String keyed(CoProcessFunction<?, ?, ?> f, Event e, Long timestamp) {
        return f.getRuntimeContext().getIndexOfThisSubtask() + "|K|" + e.key() + "|" + timestamp + "|" + e.fold();
    }

    private static String plain(CoProcessFunction<?, ?, ?> f, String word) {
        return f.getRuntimeContext().getIndexOfThisSubtask() + "|P|" + word;
    }

    static final class SeenKeyedFirst extends CoProcessFunction<Event, String, String> {
        @Override
        public void processElement1(Event value, Context ctx, Collector<String> out) {
            out.collect(keyed(this, value, ctx.timestamp()));
        }

        @Override
        public void processElement2(String value, Context ctx, Collector<String> out) {
            out.collect(plain(this, value));
        }
    }

    static final class SeenKeyedSecond extends CoProcessFunction<String, Event, String> {
        @Override
        public void processElement1(String value, Context ctx, Collector<String> out) {
            out.collect(plain(this, value));
        }

        @Override
        public void processElement2(Event value, Context ctx, Collector<String> out) {
            out.collect(keyed(this, value, ctx.timestamp()));
        }
    }
}
