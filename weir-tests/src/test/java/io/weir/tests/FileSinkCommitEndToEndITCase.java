package io.weir.tests;

import io.weir.tests.jobs.WritesUntilStdinCloses;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Through {@code bin/weir}, as a user meets it: a failed job publishes nothing, a second job on a directory in use
 * fails at once, a killed job leaves nothing visible and the next job takes its directory over. Also runs the
 * repository's fault-injection script a few rounds.
 */
class FileSinkCommitEndToEndITCase {
    private static final String WORD_COUNT = "examples/streaming/WordCount.jar";
    private static final String LOCK = ".weir-sink.lock";

    @TempDir
    Path tmp;

    private Path workDir;
    private Path jobs;

    @BeforeAll
    static void distributionIsAssembled() {
        assertThat(WeirProcess.SCRIPT).as("the distribution must be assembled first").isExecutable();
    }

    @BeforeEach
    void createWorkDirAndJobJar() throws Exception {
        workDir = Files.createDirectory(tmp.resolve("cwd"));
        jobs = TestJobJar.of(WritesUntilStdinCloses.class, tmp.resolve("test-jobs.jar"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"STREAMING", "BATCH"})
    void aJobThatFailsAfterOneSinkSubtaskPreparedExitsWithOneAndPublishesNothing(String mode) throws Exception {
        Path output = tmp.resolve("out");

        WeirProcess.Result result = WeirProcess.run(workDir, Map.of(), "run", "-Dexecution.runtime-mode=" + mode,
                "-c", "io.weir.tests.jobs.SinkFailsAfterAnotherPrepared", jobs.toString(), "--output", output.toString());

        assertThat(result.exitCode()).as(result.toString()).isEqualTo(1);
        assertThat(result.stderr()).contains("Error:").contains("fails after subtask 0 prepared its part file");
        assertThat(files(output)).containsExactly(LOCK);
    }

    @Test
    void aSecondJobOnADirectoryInUseFailsAtOnceNamingItAndTheOwnerWhileTheFirstFinishesIntact() throws Exception {
        Path output = tmp.resolve("out");
        Process first = WeirProcess.start(workDir, tmp.resolve("first-stderr.txt"), "run",
                "-c", WritesUntilStdinCloses.class.getName(), jobs.toString(), "--output", output.toString());
        try {
            awaitReady(first);

            WeirProcess.Result second = WeirProcess.run(workDir, Map.of(), "run", WORD_COUNT, "--output",
                    output.toString());

            assertThat(second.exitCode()).as(second.toString()).isEqualTo(1);
            assertThat(second.stderr()).contains("Output directory '" + output + "' is being written by another job")
                    .contains("pid " + first.pid());
            first.getOutputStream().close();
            assertThat(first.waitFor(3, TimeUnit.MINUTES)).isTrue();
            assertThat(first.exitValue()).as(Files.readString(tmp.resolve("first-stderr.txt"))).isZero();
        } finally {
            first.destroyForcibly();
        }
        assertThat(files(output)).containsExactly(LOCK, "part-0-0");
        assertThat(Files.readAllLines(output.resolve("part-0-0"))).containsExactly("a", "b", "c");
    }

    @Test
    void aKilledJobLeavesNothingVisibleAndTheNextJobTakesOverItsDirectory() throws Exception {
        Path output = tmp.resolve("out");
        Process killed = WeirProcess.start(workDir, tmp.resolve("killed-stderr.txt"), "run",
                "-c", WritesUntilStdinCloses.class.getName(), jobs.toString(), "--output", output.toString());
        awaitReady(killed);
        killed.destroyForcibly().waitFor();
        assertThat(files(output)).noneMatch(name -> name.startsWith("part-"));
        assertThat(Files.readString(output.resolve(LOCK))).as("left behind").contains("pid " + killed.pid());

        Path input = Files.writeString(tmp.resolve("input.txt"), "to be or not to be\n");
        WeirProcess.Result next = WeirProcess.run(workDir, Map.of(), "run", "-Dparallelism.default=1", WORD_COUNT,
                "--input", input.toString(), "--output", output.toString());

        assertThat(next.exitCode()).as(next.toString()).isZero();
        assertThat(files(output)).containsExactly(LOCK, "part-0-0");
        assertThat(Files.readAllLines(output.resolve("part-0-0"))).contains("be,2", "to,2", "or,1", "not,1");
        assertThat(Files.size(output.resolve(LOCK))).isZero();
    }

    @Test
    void theFaultInjectionScriptFindsNoCorruptOutputInAFewRounds() throws Exception {
        Path script = WeirProcess.DISTRIBUTION.resolve("../../../tools/fault-injection.sh").normalize();
        assertThat(script).isExecutable();
        ProcessBuilder builder = new ProcessBuilder(script.toString(), "3").directory(workDir.toFile())
                .redirectErrorStream(true).redirectOutput(tmp.resolve("fault-injection.txt").toFile());
        builder.environment().put("WEIR", WeirProcess.SCRIPT.toString());
        builder.environment().put("FAULT_INJECTION_DIR", tmp.resolve("faults").toString());
        builder.environment().keySet().removeAll(List.of("WEIR_HOME", "WEIR_CONF_DIR", "JAVA_OPTS"));
        Process process = builder.start();
        assertThat(process.waitFor(10, TimeUnit.MINUTES)).isTrue();

        String log = Files.readString(tmp.resolve("fault-injection.txt"));
        assertThat(process.exitValue()).as(log).isZero();
        assertThat(log).contains("all 3 rounds passed");
    }

    /** Reads the job's standard output until it says it holds the directory. */
    private static void awaitReady(Process process) throws IOException {
        BufferedReader out = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
        String line;
        while ((line = out.readLine()) != null) {
            if (line.equals(WritesUntilStdinCloses.READY)) {
                return;
            }
        }
        throw new AssertionError("the job ended before it held its output directory (exit code "
                + process.onExit().join().exitValue() + ")");
    }

    private static List<String> files(Path dir) throws IOException {
        try (Stream<Path> files = Files.list(dir)) {
            return files.map(p -> p.getFileName().toString()).sorted().toList();
        }
    }
}
