package io.weir.tests;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * A job jar of its own (weir-test-jobs' {@code UserCodeTour}, not on this module's class path) run through
 * {@code bin/weir run} in both modes: its lambdas and classes reach Weir through every API that takes user code,
 * and every copy Weir makes of them must be read through the job jar's class loader. Its output, one line per
 * result, is compared section by section with what {@link UserCodeTourExpectations} computes from the same
 * seeded input.
 */
class UserCodeEndToEndITCase {
    private static final Path JOB_JAR = Path.of(System.getProperty("weir.test-jobs.jar",
            "../weir-test-jobs/target/weir-test-jobs.jar")).toAbsolutePath().normalize();
    private static final int EVENTS = 3_000;

    @TempDir
    Path tmp;

    @Test
    void theJobsClassesAreNotOnTheTestsClassPath() {
        assertThat(JOB_JAR).exists();
        assertThatThrownBy(() -> Class.forName("io.weir.testjobs.UserCodeTour"))
                .isInstanceOf(ClassNotFoundException.class);
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"STREAMING", "BATCH"})
    void everyApiThatTakesUserCodeRunsTheJobJarsLambdasAndClasses(String mode) throws Exception {
        List<UserCodeTourExpectations.Event> events = randomEvents(new Random(20261204L + mode.hashCode()));
        Path input = writeEvents(events, tmp.resolve("events.csv"));
        Path output = tmp.resolve("out");
        Path workDir = Files.createDirectory(tmp.resolve("cwd"));

        WeirProcess.Result result = WeirProcess.run(workDir, Map.of(), "run", "-Dexecution.runtime-mode=" + mode,
                "-Dparallelism.default=2", JOB_JAR.toString(), "--input", input.toString(),
                "--output", output.toString());

        assertThat(result.exitCode()).as(result.toString()).isZero();
        UserCodeTourExpectations.Output actual = UserCodeTourExpectations.Output.parse(
                Files.readAllLines(output.resolve("part-0")));
        UserCodeTourExpectations expected = new UserCodeTourExpectations(events);
        assertThat(actual.sections()).as("the parts of the job that produced output")
                .containsExactlyInAnyOrderElementsOf(expected.sectionsWithOutput());
        expected.exactSections().forEach((section, lines) ->
                assertThat(actual.multiset(section)).as(section).isEqualTo(lines));
        expected.finalValuePerKeySections().forEach((section, lines) ->
                assertThat(actual.lastLinePerKey(section)).as(section + " (last update per key)").isEqualTo(lines));
        expected.totalsPerKeySections().forEach((section, totals) ->
                assertThat(actual.totalsPerKey(section)).as(section + " (totals over all windows)").isEqualTo(totals));
        assertThat(actual.columnTotals("ptsession")).as("ptsession (records and sum over all sessions)")
                .containsExactly((long) EVENTS, expected.valueSum());
    }

    /**
     * Ids 0.. in order, six keys, times {@code id * 10} plus a jitter below 10 ms (the job's watermarks allow 20 ms
     * of disorder, so nothing is late in STREAMING), values 0..99.
     */
    private static List<UserCodeTourExpectations.Event> randomEvents(Random random) {
        List<UserCodeTourExpectations.Event> events = new ArrayList<>();
        for (int id = 0; id < EVENTS; id++) {
            events.add(new UserCodeTourExpectations.Event(id, "k" + random.nextInt(6), id * 10L + random.nextInt(10),
                    random.nextInt(100)));
        }
        return events;
    }

    private static Path writeEvents(List<UserCodeTourExpectations.Event> events, Path file) throws IOException {
        List<String> lines = new ArrayList<>();
        lines.add("id,key,time,value");
        for (UserCodeTourExpectations.Event e : events) {
            lines.add(e.id() + "," + e.key() + "," + e.time() + "," + e.value());
        }
        return Files.write(file, lines);
    }
}
