package io.weir.examples.windowwordcount;

import io.weir.api.common.CloseableIterator;
import io.weir.api.common.RuntimeExecutionMode;
import io.weir.api.config.Configuration;
import io.weir.api.config.ExecutionOptions;
import io.weir.api.connector.source.lib.CollectionSource;
import io.weir.api.environment.StreamExecutionEnvironment;
import io.weir.api.eventtime.WatermarkStrategy;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class WindowWordCountTest {

    /** Independent of the job: every word of every line, counted in each window its line's time falls into. */
    static List<WindowCount> expected(List<String> lines, long size, long slide) {
        Map<List<Object>, Long> counts = new HashMap<>();
        for (String line : lines) {
            int space = line.indexOf(' ');
            long ts = Long.parseLong(line.substring(0, space));
            for (String word : line.substring(space + 1).toLowerCase(Locale.ROOT).split("[^\\p{L}\\p{Nd}]+")) {
                if (word.isEmpty()) {
                    continue;
                }
                for (long start = ts - Math.floorMod(ts, slide); start > ts - size; start -= slide) {
                    counts.merge(List.of(start, word), 1L, Long::sum);
                }
            }
        }
        List<WindowCount> out = new ArrayList<>();
        counts.forEach((k, c) -> out.add(new WindowCount((Long) k.get(0), (Long) k.get(0) + size, (String) k.get(1), c)));
        return out;
    }

    static List<WindowCount> run(RuntimeExecutionMode mode, int parallelism, List<String> lines, Duration size,
                                 Duration slide) throws Exception {
        Configuration conf = new Configuration();
        conf.set(ExecutionOptions.RUNTIME_MODE, mode);
        StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment(conf);
        env.setParallelism(parallelism);
        WatermarkStrategy<String> strategy = WatermarkStrategy.<String>forBoundedOutOfOrderness(Duration.ofSeconds(5))
                .withTimestampAssigner((line, ts) -> TimedText.timestampOf(line));
        List<WindowCount> out = new ArrayList<>();
        try (CloseableIterator<WindowCount> it = WindowWordCount.counts(
                env.fromSource(new CollectionSource<>(lines), strategy, "lines"), size, slide).executeAndCollect()) {
            it.forEachRemaining(out::add);
        }
        return out;
    }

    @ParameterizedTest(name = "{0} parallelism {1}")
    @CsvSource({"STREAMING, 1", "STREAMING, 2", "STREAMING, 4", "BATCH, 1", "BATCH, 2", "BATCH, 4"})
    void tumblingCountsEqualAnIndependentCountInEveryMode(RuntimeExecutionMode mode, int parallelism)
            throws Exception {
        List<String> lines = TimedText.lines();
        assertThat(run(mode, parallelism, lines, Duration.ofSeconds(10), null))
                .containsExactlyInAnyOrderElementsOf(expected(lines, 10_000, 10_000));
    }

    @ParameterizedTest(name = "{0} parallelism {1}")
    @CsvSource({"STREAMING, 2", "BATCH, 2"})
    void slidingCountsEqualAnIndependentCountInEveryMode(RuntimeExecutionMode mode, int parallelism)
            throws Exception {
        List<String> lines = TimedText.lines();
        assertThat(run(mode, parallelism, lines, Duration.ofSeconds(20), Duration.ofSeconds(5)))
                .containsExactlyInAnyOrderElementsOf(expected(lines, 20_000, 5_000));
    }

    @Test
    void aLineWithoutItsTimeFailsTheJobQuotingIt() {
        assertThatThrownBy(() -> run(RuntimeExecutionMode.BATCH, 1, List.of("1000 a b", "no time here"),
                Duration.ofSeconds(10), null))
                .hasMessageContaining("Line 'no time here' does not start with its event time");
    }

    @Test
    void aSlideLargerThanTheWindowIsRejectedBeforeAnythingRuns() {
        assertThatThrownBy(() -> WindowWordCount.main(new String[]{"--window", "5", "--slide", "10"}))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("slide");
        assertThatThrownBy(() -> WindowWordCount.main(new String[]{"--window", "ten"}))
                .hasMessageContaining("--window needs a whole number of seconds, got 'ten'");
    }
}
