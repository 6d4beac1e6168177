package io.weir.tests;

import io.weir.tests.jobs.HeapExhaustingJob;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.nio.file.Path;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A job that really exhausts the heap (a 96 MB JVM) fails with the {@link OutOfMemoryError} and the settings that
 * drive its memory, and {@code bin/weir} exits 1: it never hangs. WeirProcess fails the test if it does.
 */
class HeapExhaustionEndToEndITCase {
    @TempDir
    Path tmp;

    @ParameterizedTest
    @ValueSource(strings = {"STREAMING", "BATCH"})
    void aJobThatExhaustsTheHeapFailsWithTheErrorAndTheMemorySettings(String mode) throws Exception {
        Path jar = JobJars.jar(tmp, HeapExhaustingJob.class,
                Class.forName(HeapExhaustingJob.class.getName() + "$Hoarder"));

        WeirProcess.Result result = WeirProcess.run(tmp, Map.of("JAVA_OPTS", "-Xmx96m"), "run", jar.toString(), mode);

        assertThat(result.exitCode()).as(result.toString()).isEqualTo(1);
        assertThat(result.stderr()).as(result.toString())
                .contains("Error: Job 'heap exhausting job' failed")
                .contains("hoarding map")
                .contains("OutOfMemoryError")
                .contains("The JVM ran out of heap")
                .contains(mode.equals("BATCH") ? "execution.sort.memory=" : "execution.channel-capacity=");
    }
}
