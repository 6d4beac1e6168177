package io.weir.tests;

import io.weir.tests.jobs.BlockingBatchJob;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;
import static org.assertj.core.api.Assumptions.assumeThat;

/**
 * A BATCH job's work directory never outlives its process for long: {@code SIGTERM}, {@code SIGINT} (Ctrl-C)
 * remove it on the way out; after {@code kill -9} the next BATCH job that uses the same {@code io.tmp.dirs}
 * removes it.
 */
class WorkDirectoryCleanupEndToEndITCase {
    private static final long WAIT_SECONDS = 120;

    @TempDir
    Path tmp;

    private Path jar;
    private Path workBase;

    @BeforeEach
    void setUp() throws Exception {
        jar = JobJars.jar(tmp, BlockingBatchJob.class,
                Class.forName(BlockingBatchJob.class.getName() + "$SignalsThenWaits"));
        workBase = Files.createDirectory(tmp.resolve("work"));
    }

    @ParameterizedTest(name = "SIG{0}")
    @ValueSource(strings = {"TERM", "INT"})
    void aSignalMidBatchRemovesTheWorkDirectory(String signal) throws Exception {
        Process weir = startBlockingJob();
        if (signal.equals("INT") && ignores(weir, 2)) {
            weir.destroyForcibly().waitFor();
            assumeThat(false).as("SIGINT is ignored by processes started here (a shell without job control), "
                    + "so Ctrl-C cannot be simulated").isTrue();
        }
        assertThat(workDirectories()).as("the job's work directory while it runs").hasSize(1);

        signal(weir, signal);

        assertThat(weir.waitFor(WAIT_SECONDS, TimeUnit.SECONDS)).as("bin/weir ended after SIG" + signal).isTrue();
        assertThat(workDirectories()).isEmpty();
    }

    @Test
    void aDirectoryLeftByKillDashNineIsRemovedAtTheNextStart() throws Exception {
        Process weir = startBlockingJob();
        signal(weir, "KILL");
        assertThat(weir.waitFor(WAIT_SECONDS, TimeUnit.SECONDS)).isTrue();
        assertThat(workDirectories()).as("kill -9 runs no cleanup").hasSize(1);

        Path input = Files.writeString(tmp.resolve("words.txt"), "to be or not to be\n");
        WeirProcess.Result next = WeirProcess.run(tmp, Map.of(), "run", "-Dexecution.runtime-mode=BATCH",
                "-Dio.tmp.dirs=" + workBase, "examples/streaming/WordCount.jar", "--input", input.toString());

        assertThat(next.exitCode()).as(next.toString()).isZero();
        assertThat(next.stdout()).contains("be,2");
        assertThat(workDirectories()).isEmpty();
    }

    /** Starts the job and returns once it is mid-run: its first stage done, its second waiting. */
    private Process startBlockingJob() throws IOException, InterruptedException {
        Path ready = tmp.resolve("ready");
        ProcessBuilder builder = new ProcessBuilder(WeirProcess.SCRIPT.toString(), "run",
                "-Dio.tmp.dirs=" + workBase, jar.toString(), ready.toString(), tmp.resolve("never").toString())
                .directory(tmp.toFile())
                .redirectOutput(tmp.resolve("stdout.txt").toFile())
                .redirectError(tmp.resolve("stderr.txt").toFile());
        builder.environment().keySet().removeAll(List.of("WEIR_HOME", "WEIR_CONF_DIR", "JAVA_OPTS"));
        Process process = builder.start();
        // Bounded polling for a file the job writes: how long the start takes does not matter, only that it ends.
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(WAIT_SECONDS);
        while (!Files.exists(ready)) {
            if (!process.isAlive() || System.nanoTime() > deadline) {
                process.destroyForcibly().waitFor();
                fail("The blocking job did not get mid-run:\n" + Files.readString(tmp.resolve("stderr.txt")));
            }
            Thread.sleep(20);
        }
        return process;
    }

    private static void signal(Process process, String signal) throws IOException, InterruptedException {
        Process kill = new ProcessBuilder("kill", "-" + signal, Long.toString(process.pid())).inheritIO().start();
        assertThat(kill.waitFor()).as("kill -" + signal).isZero();
    }

    /**
     * Whether the process ignores signal {@code number}: a process started from a shell without job control
     * inherits an ignored SIGINT, which the JVM then keeps. Read from /proc where there is one.
     */
    private static boolean ignores(Process process, int number) throws IOException {
        Path status = Path.of("/proc", Long.toString(process.pid()), "status");
        if (!Files.isReadable(status)) {
            return false;
        }
        for (String line : Files.readAllLines(status)) {
            if (line.startsWith("SigIgn:")) {
                long mask = Long.parseUnsignedLong(line.substring("SigIgn:".length()).trim(), 16);
                return (mask & (1L << (number - 1))) != 0;
            }
        }
        return false;
    }

    private List<Path> workDirectories() throws IOException {
        try (Stream<Path> entries = Files.list(workBase)) {
            return entries.filter(p -> p.getFileName().toString().startsWith("weir-")).toList();
        }
    }
}
