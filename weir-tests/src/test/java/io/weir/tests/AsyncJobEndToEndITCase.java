package io.weir.tests;

import io.weir.tests.jobs.AsyncJob;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.nio.file.Path;
import java.util.Map;
import java.util.stream.LongStream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code executeAsync()} then returning from {@code main}: {@code bin/weir run} waits for the job, reports its
 * outcome in the exit code, and never ends the process (and the job with it) while reporting success.
 */
class AsyncJobEndToEndITCase {
    @TempDir
    Path tmp;

    private Path jar;

    @BeforeEach
    void packJob() throws Exception {
        jar = JobJars.jar(tmp, AsyncJob.class, Class.forName(AsyncJob.class.getName() + "$AfterMainReturns"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"STREAMING", "BATCH"})
    void runWaitsForAJobStillRunningWhenMainReturnsAndPrintsAllOfItsOutput(String mode) throws Exception {
        WeirProcess.Result result = WeirProcess.run(tmp, Map.of(), "run", jar.toString(), mode, "ok");

        assertThat(result.exitCode()).as(result.toString()).isZero();
        assertThat(result.stdout().lines().map(AsyncJobEndToEndITCase::value))
                .containsExactlyInAnyOrderElementsOf(LongStream.rangeClosed(1, AsyncJob.RECORDS).boxed().toList());
    }

    @ParameterizedTest
    @ValueSource(strings = {"STREAMING", "BATCH"})
    void aJobThatFailsAfterMainReturnedMakesRunExitWithItsError(String mode) throws Exception {
        WeirProcess.Result result = WeirProcess.run(tmp, Map.of(), "run", jar.toString(), mode, "fail");

        assertThat(result.exitCode()).as(result.toString()).isEqualTo(1);
        assertThat(result.stderr()).contains("Error: Job 'async job' failed").contains("late worker")
                .contains("failed after main returned");
    }

    /** A printed line is the value, possibly after a subtask prefix such as {@code 2> }. */
    private static long value(String line) {
        return Long.parseLong(line.substring(line.indexOf('>') + 1).trim());
    }
}
