package io.weir.tests;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeSet;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The event-time examples as a user runs them: {@code bin/weir run examples/streaming/X.jar} in each runtime mode,
 * with their output compared with an expected output computed here, independently of the job.
 */
class ExamplesEndToEndITCase {
    private static final String SILENT_SENSORS = "examples/streaming/SilentSensors.jar";

    @TempDir
    Path tmp;

    private Path workDir;

    @BeforeEach
    void createWorkDir() throws IOException {
        workDir = Files.createDirectory(tmp.resolve("cwd"));
    }

    private WeirProcess.Result weir(String... args) throws IOException, InterruptedException {
        return WeirProcess.run(workDir, Map.of(), args);
    }

    // ------------------------------------------------------------------------------------------ SilentSensors

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"STREAMING", "BATCH", "AUTOMATIC"})
    void silentSensorsRaisesOneAlarmPerGapLongerThanTheTimeoutAndOneAtTheEnd(String mode) throws Exception {
        Path input = writeReadings(tmp.resolve("readings.csv"), new Random(7), 5, 4_000);
        Path output = tmp.resolve("alarms");

        WeirProcess.Result result = weir("run", "-Dexecution.runtime-mode=" + mode, "-Dparallelism.default=2",
                SILENT_SENSORS, "--input", input.toString(), "--output", output.toString(), "--timeout", "30",
                "--out-of-orderness", "5");

        assertThat(result.exitCode()).as(result.toString()).isZero();
        assertThat(outputLines(output)).containsExactlyInAnyOrderElementsOf(expectedAlarms(input, 30_000));
    }

    @Test
    void silentSensorsRunsOnItsBuiltInReadingsAndPrints() throws Exception {
        WeirProcess.Result result = weir("run", "-Dexecution.runtime-mode=BATCH", SILENT_SENSORS);

        assertThat(result.exitCode()).as(result.toString()).isZero();
        assertThat(result.stdout()).contains("sensor-00,2026-01-01T");
    }

    @Test
    void silentSensorsReportsAMalformedLineWithoutAStackTrace() throws Exception {
        Path input = tmp.resolve("bad.csv");
        Files.writeString(input, "a,1000,1.0\nb;2000;2.0\n");

        WeirProcess.Result result = weir("run", SILENT_SENSORS, "--input", input.toString(),
                "--output", tmp.resolve("out").toString());

        assertThat(result.exitCode()).as(result.toString()).isEqualTo(1);
        assertThat(result.stderr()).contains("Malformed sensor reading 'b;2000;2.0'").doesNotContain("\tat ");
    }

    /**
     * {@code sensors} sensors reporting about every 5 s with up to 2 s of jitter, each now and then silent for up
     * to a minute; lines in arrival order, at most 4 s out of order.
     */
    private static Path writeReadings(Path file, Random random, int sensors, int perSensor) throws IOException {
        List<long[]> readings = new ArrayList<>();
        for (int s = 0; s < sensors; s++) {
            long nominal = 1_000_000;
            for (int i = 0; i < perSensor; i++) {
                readings.add(new long[]{s, nominal, nominal + random.nextInt(4_001) - 2_000});
                nominal += 5_000 + (random.nextInt(50) == 0 ? random.nextInt(60_000) : 0);
            }
        }
        readings.sort((a, b) -> Long.compare(a[1], b[1]));
        List<String> lines = new ArrayList<>();
        for (long[] r : readings) {
            lines.add("s" + r[0] + "," + r[2] + "," + (r[0] * 1.5));
        }
        return Files.write(file, lines);
    }

    private static List<String> expectedAlarms(Path input, long timeout) throws IOException {
        Map<String, TreeSet<Long>> times = new HashMap<>();
        for (String line : Files.readAllLines(input)) {
            String[] f = line.split(",");
            times.computeIfAbsent(f[0], s -> new TreeSet<>()).add(Long.parseLong(f[1]));
        }
        List<String> alarms = new ArrayList<>();
        times.forEach((sensor, ts) -> {
            long previous = Long.MIN_VALUE;
            for (long t : ts) {
                if (previous != Long.MIN_VALUE && t - previous > timeout) {
                    alarms.add(sensor + "," + Instant.ofEpochMilli(previous) + "," + Instant.ofEpochMilli(previous + timeout));
                }
                previous = t;
            }
            alarms.add(sensor + "," + Instant.ofEpochMilli(previous) + "," + Instant.ofEpochMilli(previous + timeout));
        });
        assertThat(alarms).as("the input has gaps").hasSizeGreaterThan(times.size() * 5);
        return alarms;
    }

    private static List<String> outputLines(Path output) throws IOException {
        List<String> lines = new ArrayList<>();
        try (Stream<Path> files = Files.walk(output)) {
            for (Path part : files.filter(Files::isRegularFile).sorted().toList()) {
                lines.addAll(Files.readAllLines(part));
            }
        }
        return lines;
    }
}
