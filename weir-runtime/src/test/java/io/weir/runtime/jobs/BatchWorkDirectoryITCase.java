package io.weir.runtime.jobs;

import io.weir.api.common.RuntimeExecutionMode;
import io.weir.api.config.Configuration;
import io.weir.api.config.CoreOptions;
import io.weir.api.config.ExecutionOptions;
import io.weir.api.environment.StreamExecutionEnvironment;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** BATCH work directories under io.tmp.dirs: gone after the job, and leftovers of killed processes removed. */
class BatchWorkDirectoryITCase {
    @TempDir
    Path base;

    private StreamExecutionEnvironment batch() {
        Configuration conf = new Configuration();
        conf.set(ExecutionOptions.RUNTIME_MODE, RuntimeExecutionMode.BATCH);
        conf.set(CoreOptions.TMP_DIRS, base.toString());
        StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment(conf);
        env.setParallelism(2);
        return env;
    }

    @Test
    void aBatchJobRemovesTheWorkDirectoryAKilledProcessLeftInItsTmpDir() throws Exception {
        Path leftover = Files.createDirectory(base.resolve("weir-killed-0000000000000001"));
        Files.writeString(leftover.resolve("weir-owner.lock"), deadProcessId() + "\n");
        Files.writeString(leftover.resolve("task1-exchange0-subtask0-attempt0.data"), "partition data");
        Path notWeirs = Files.createDirectory(base.resolve("weir-user-files"));

        List<Long> out = TestJobs.collectAll(batch().fromSequence(1, 100).keyBy(x -> x % 3).reduce((a, b) -> a + b));

        assertThat(out).hasSize(3);
        assertThat(entries()).containsExactly(notWeirs);
    }

    @Test
    void noWorkDirectoryRemainsAfterAJobSucceededOrFailed() throws Exception {
        TestJobs.collectAll(batch().fromSequence(1, 1_000).keyBy(x -> x % 3).reduce((a, b) -> a + b));
        assertThat(entries()).isEmpty();

        StreamExecutionEnvironment env = batch();
        env.fromSequence(1, 1_000).keyBy(x -> x % 3).map(x -> {
            if (x == 999) {
                throw new IllegalStateException("no 999");
            }
            return x;
        }).print();
        assertThatThrownBy(env::execute).hasRootCauseMessage("no 999");
        assertThat(entries()).isEmpty();
    }

    private List<Path> entries() throws IOException {
        try (Stream<Path> s = Files.list(base)) {
            return s.toList();
        }
    }

    private static long deadProcessId() throws IOException, InterruptedException {
        Process child = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-version").redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        child.waitFor();
        return child.pid();
    }
}
