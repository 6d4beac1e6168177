package io.weir.examples.sensors;

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
import java.util.Map;
import java.util.TreeSet;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class SilentSensorsTest {

    /** Independent of the job: per sensor, each gap longer than the timeout, and the silence after the last reading. */
    static List<Alarm> expectedAlarms(List<String> lines, long timeout) {
        Map<String, TreeSet<Long>> times = new HashMap<>();
        for (String line : lines) {
            Reading r = Reading.parse(line);
            times.computeIfAbsent(r.sensor(), s -> new TreeSet<>()).add(r.timestamp());
        }
        List<Alarm> alarms = new ArrayList<>();
        times.forEach((sensor, ts) -> {
            Long previous = null;
            for (long t : ts) {
                if (previous != null && t - previous > timeout) {
                    alarms.add(new Alarm(sensor, previous, previous + timeout));
                }
                previous = t;
            }
            alarms.add(new Alarm(sensor, ts.last(), ts.last() + timeout));
        });
        return alarms;
    }

    static List<Alarm> run(RuntimeExecutionMode mode, int parallelism, List<String> lines, long timeout)
            throws Exception {
        Configuration conf = new Configuration();
        conf.set(ExecutionOptions.RUNTIME_MODE, mode);
        StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment(conf);
        env.setParallelism(parallelism);
        WatermarkStrategy<String> strategy = WatermarkStrategy
                .<String>forBoundedOutOfOrderness(Duration.ofMillis(SensorData.MAX_OUT_OF_ORDER_MILLIS))
                .withTimestampAssigner((line, ts) -> Reading.parse(line).timestamp());
        List<Alarm> out = new ArrayList<>();
        try (CloseableIterator<Alarm> it = SilentSensors.alarms(
                env.fromSource(new CollectionSource<>(lines), strategy, "readings"), timeout).executeAndCollect()) {
            it.forEachRemaining(out::add);
        }
        return out;
    }

    @ParameterizedTest(name = "{0} parallelism {1}")
    @CsvSource({"STREAMING, 1", "STREAMING, 2", "STREAMING, 4", "BATCH, 1", "BATCH, 2", "BATCH, 4"})
    void raisesExactlyTheAlarmsOfAnIndependentGapSearchInEveryMode(RuntimeExecutionMode mode, int parallelism)
            throws Exception {
        List<String> lines = SensorData.lines();
        List<Alarm> expected = expectedAlarms(lines, 60_000);
        assertThat(expected).as("the built-in data has real outages, not only the final silences")
                .hasSizeGreaterThan(8 + 10);

        assertThat(run(mode, parallelism, lines, 60_000)).containsExactlyInAnyOrderElementsOf(expected);
    }

    @Test
    void aGapOfExactlyTheTimeoutIsNotSilence() throws Exception {
        List<String> lines = List.of("a,0,1", "a,60000,1", "a,120001,1");
        assertThat(run(RuntimeExecutionMode.STREAMING, 1, lines, 60_000)).containsExactly(
                new Alarm("a", 60_000, 120_000), new Alarm("a", 120_001, 180_001));
        assertThat(run(RuntimeExecutionMode.BATCH, 1, lines, 60_000)).containsExactly(
                new Alarm("a", 60_000, 120_000), new Alarm("a", 120_001, 180_001));
    }

    @Test
    void aMalformedLineFailsTheJobQuotingTheLine() {
        assertThatThrownBy(() -> run(RuntimeExecutionMode.BATCH, 1, List.of("a,0,1", "a;12;3"), 60_000))
                .hasMessageContaining("Malformed sensor reading 'a;12;3'");
    }

    @Test
    void badOptionsAreRejectedWithUsage() {
        assertThatThrownBy(() -> SilentSensors.main(new String[]{"--timeout", "-5"}))
                .hasMessageContaining("--timeout needs a positive whole number of seconds, got '-5'")
                .hasMessageContaining("Usage: SilentSensors");
        assertThatThrownBy(() -> SilentSensors.main(new String[]{"--bogus"}))
                .hasMessageContaining("Unknown argument '--bogus'");
    }
}
