package io.weir.examples.sessions;

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
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class SessionWindowingTest {

    /** Independent of the job: per user, clicks in time order, a new session after a pause longer than the gap. */
    static List<Session> expected(List<String> lines, long gap) {
        Map<String, List<Click>> byUser = new HashMap<>();
        for (String line : lines) {
            Click c = Click.parse(line);
            byUser.computeIfAbsent(c.user(), u -> new ArrayList<>()).add(c);
        }
        List<Session> sessions = new ArrayList<>();
        byUser.forEach((user, clicks) -> {
            clicks.sort((a, b) -> Long.compare(a.timestamp(), b.timestamp()));
            int from = 0;
            for (int i = 1; i <= clicks.size(); i++) {
                if (i == clicks.size() || clicks.get(i).timestamp() - clicks.get(i - 1).timestamp() > gap) {
                    Set<String> pages = new HashSet<>();
                    for (int j = from; j < i; j++) {
                        pages.add(clicks.get(j).page());
                    }
                    sessions.add(new Session(user, clicks.get(from).timestamp(), clicks.get(i - 1).timestamp() + gap,
                            i - from, pages.size()));
                    from = i;
                }
            }
        });
        return sessions;
    }

    static List<Session> run(RuntimeExecutionMode mode, int parallelism, List<String> lines, Duration gap)
            throws Exception {
        Configuration conf = new Configuration();
        conf.set(ExecutionOptions.RUNTIME_MODE, mode);
        StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment(conf);
        env.setParallelism(parallelism);
        WatermarkStrategy<String> strategy = WatermarkStrategy
                .<String>forBoundedOutOfOrderness(Duration.ofMillis(ClickData.MAX_OUT_OF_ORDER_MILLIS))
                .withTimestampAssigner((line, ts) -> Click.parse(line).timestamp());
        List<Session> out = new ArrayList<>();
        try (CloseableIterator<Session> it = SessionWindowing.sessions(
                env.fromSource(new CollectionSource<>(lines), strategy, "clicks"), gap).executeAndCollect()) {
            it.forEachRemaining(out::add);
        }
        return out;
    }

    @ParameterizedTest(name = "{0} parallelism {1}")
    @CsvSource({"STREAMING, 1", "STREAMING, 2", "STREAMING, 4", "BATCH, 1", "BATCH, 2", "BATCH, 4"})
    void sessionsEqualAnIndependentSplitOfEachUsersClicksInEveryMode(RuntimeExecutionMode mode, int parallelism)
            throws Exception {
        List<String> lines = ClickData.lines();
        List<Session> expected = expected(lines, 30 * 60_000);
        assertThat(expected).as("the built-in clicks make several sessions per user").hasSizeGreaterThan(80);
        assertThat(run(mode, parallelism, lines, Duration.ofMinutes(30))).containsExactlyInAnyOrderElementsOf(expected);
    }

    @Test
    void clicksExactlyOneGapApartAreOneSession() throws Exception {
        List<String> lines = List.of("u,0,/a", "u,60000,/b", "u,120001,/a");
        List<Session> expected = List.of(new Session("u", 0, 120_000, 2, 2), new Session("u", 120_001, 180_001, 1, 1));
        assertThat(run(RuntimeExecutionMode.STREAMING, 1, lines, Duration.ofMinutes(1)))
                .containsExactlyInAnyOrderElementsOf(expected);
        assertThat(run(RuntimeExecutionMode.BATCH, 1, lines, Duration.ofMinutes(1)))
                .containsExactlyInAnyOrderElementsOf(expected);
    }

    @Test
    void badOptionsAreRejectedWithUsage() {
        assertThatThrownBy(() -> SessionWindowing.main(new String[]{"--gap", "0"}))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("gap");
        assertThatThrownBy(() -> SessionWindowing.main(new String[]{"--nope", "1"}))
                .hasMessageContaining("Unknown argument '--nope'");
    }
}
