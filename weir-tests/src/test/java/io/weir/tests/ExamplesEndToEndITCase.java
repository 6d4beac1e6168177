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
    private static final String WINDOW_WORD_COUNT = "examples/streaming/WindowWordCount.jar";
    private static final String SESSION_WINDOWING = "examples/streaming/SessionWindowing.jar";

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

    // ------------------------------------------------------------------------------------------ WindowWordCount

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"STREAMING", "BATCH"})
    void windowWordCountCountsEachWordPerSlidingWindowFromTheInputsEventTime(String mode) throws Exception {
        Random random = new Random(11);
        List<String> lines = new ArrayList<>();
        String[] words = {"alpha", "beta", "gamma", "delta", "epsilon", "zeta"};
        for (int i = 0; i < 3_000; i++) {
            long ts = 1_000_000L + i * 100L - random.nextInt(2_000);
            StringBuilder line = new StringBuilder().append(ts);
            for (int w = 0; w < 1 + random.nextInt(6); w++) {
                line.append(' ').append(words[random.nextInt(words.length)]);
            }
            lines.add(line.toString());
        }
        Path input = Files.write(tmp.resolve("timed.txt"), lines);
        Path output = tmp.resolve("counts");

        WeirProcess.Result result = weir("run", "-Dexecution.runtime-mode=" + mode, "-Dparallelism.default=2",
                WINDOW_WORD_COUNT, "--input", input.toString(), "--output", output.toString(),
                "--window", "20", "--slide", "5", "--out-of-orderness", "3");

        assertThat(result.exitCode()).as(result.toString()).isZero();
        Map<String, Long> expected = new HashMap<>();
        for (String line : lines) {
            String[] f = line.split(" ");
            long ts = Long.parseLong(f[0]);
            for (int w = 1; w < f.length; w++) {
                for (long start = ts - Math.floorMod(ts, 5_000); start > ts - 20_000; start -= 5_000) {
                    expected.merge(Instant.ofEpochMilli(start) + "," + Instant.ofEpochMilli(start + 20_000) + ","
                            + f[w], 1L, Long::sum);
                }
            }
        }
        List<String> expectedLines = new ArrayList<>();
        expected.forEach((k, c) -> expectedLines.add(k + "," + c));
        assertThat(outputLines(output)).containsExactlyInAnyOrderElementsOf(expectedLines);
    }

    @Test
    void windowWordCountRunsOnItsBuiltInTextWithGeneratedTimes() throws Exception {
        WeirProcess.Result result = weir("run", WINDOW_WORD_COUNT, "--window", "5");

        assertThat(result.exitCode()).as(result.toString()).isZero();
        assertThat(result.stdout()).contains("2026-01-01T00:00:00Z,2026-01-01T00:00:05Z,four,1");
    }

    @Test
    void windowWordCountRejectsASlideLargerThanTheWindowWithoutAStackTrace() throws Exception {
        WeirProcess.Result result = weir("run", WINDOW_WORD_COUNT, "--window", "5", "--slide", "10");

        assertThat(result.exitCode()).as(result.toString()).isNotZero();
        assertThat(result.stderr()).contains("slide").doesNotContain("\tat ");
    }

    // ------------------------------------------------------------------------------------------ SessionWindowing

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"STREAMING", "BATCH"})
    void sessionWindowingSplitsEachUsersClicksAtPausesLongerThanTheGap(String mode) throws Exception {
        Random random = new Random(5);
        List<long[]> clicks = new ArrayList<>();
        for (int u = 0; u < 12; u++) {
            long t = 1_000_000;
            for (int i = 0; i < 300; i++) {
                clicks.add(new long[]{u, t, random.nextInt(4)});
                t += random.nextInt(10) == 0 ? 60_000 + random.nextInt(300_000) : 1_000 + random.nextInt(50_000);
            }
        }
        clicks.sort((a, b) -> Long.compare(a[1] + a[0] * 7 % 3_000, b[1] + b[0] * 7 % 3_000));
        List<String> lines = new ArrayList<>();
        for (long[] c : clicks) {
            lines.add("u" + c[0] + "," + c[1] + ",/p" + c[2]);
        }
        Path input = Files.write(tmp.resolve("clicks.csv"), lines);
        Path output = tmp.resolve("sessions");

        WeirProcess.Result result = weir("run", "-Dexecution.runtime-mode=" + mode, "-Dparallelism.default=2",
                SESSION_WINDOWING, "--input", input.toString(), "--output", output.toString(), "--gap", "1");

        assertThat(result.exitCode()).as(result.toString()).isZero();
        List<String> expected = new ArrayList<>();
        for (int u = 0; u < 12; u++) {
            List<long[]> mine = new ArrayList<>();
            for (long[] c : clicks) {
                if (c[0] == u) {
                    mine.add(c);
                }
            }
            mine.sort((a, b) -> Long.compare(a[1], b[1]));
            int from = 0;
            for (int i = 1; i <= mine.size(); i++) {
                if (i == mine.size() || mine.get(i)[1] - mine.get(i - 1)[1] > 60_000) {
                    java.util.Set<Long> pages = new java.util.HashSet<>();
                    for (int j = from; j < i; j++) {
                        pages.add(mine.get(j)[2]);
                    }
                    expected.add("u" + u + "," + Instant.ofEpochMilli(mine.get(from)[1]) + ","
                            + Instant.ofEpochMilli(mine.get(i - 1)[1] + 60_000) + "," + (i - from) + "," + pages.size());
                    from = i;
                }
            }
        }
        assertThat(expected).as("the input has pauses").hasSizeGreaterThan(12 * 10);
        assertThat(outputLines(output)).containsExactlyInAnyOrderElementsOf(expected);
    }

    @Test
    void sessionWindowingRunsOnItsBuiltInClicksAndPrints() throws Exception {
        WeirProcess.Result result = weir("run", "-Dexecution.runtime-mode=STREAMING", SESSION_WINDOWING);

        assertThat(result.exitCode()).as(result.toString()).isZero();
        assertThat(result.stdout()).contains("user-00,2026-01-01T");
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
            for (Path part : files.filter(Files::isRegularFile)
                    .filter(p -> !p.getFileName().toString().startsWith(".")).sorted().toList()) {
                lines.addAll(Files.readAllLines(part));
            }
        }
        return lines;
    }
}
