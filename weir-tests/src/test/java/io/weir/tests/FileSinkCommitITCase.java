package io.weir.tests;

import io.weir.api.common.JobClient;
import io.weir.api.common.JobExecutionException;
import io.weir.api.common.RuntimeExecutionMode;
import io.weir.api.config.Configuration;
import io.weir.api.config.ExecutionOptions;
import io.weir.api.environment.StreamExecutionEnvironment;
import io.weir.api.functions.MapFunction;
import io.weir.connectors.file.FileSink;
import io.weir.tests.jobs.SinkFailsAfterAnotherPrepared;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The file sink publishes only when the whole job succeeded, and only one job at a time writes a directory. */
class FileSinkCommitITCase {
    private static final String LOCK = ".weir-sink.lock";

    @TempDir
    Path tmp;

    private StreamExecutionEnvironment env(RuntimeExecutionMode mode) {
        Configuration conf = new Configuration();
        conf.set(ExecutionOptions.RUNTIME_MODE, mode);
        conf.setString("execution.slots", "4", "test");
        conf.setString("io.tmp.dirs", tmp.resolve("work").toString(), "test");
        return StreamExecutionEnvironment.getExecutionEnvironment(conf);
    }

    @ParameterizedTest
    @EnumSource(value = RuntimeExecutionMode.class, names = {"STREAMING", "BATCH"})
    void aJobWhoseSinkSubtaskFailsAfterAnotherPreparedPublishesNothingAndLeavesNothing(RuntimeExecutionMode mode)
            throws IOException {
        Path output = tmp.resolve("out");
        StreamExecutionEnvironment env = env(mode);
        SinkFailsAfterAnotherPrepared.define(env, output.toString());

        assertThatThrownBy(() -> env.execute("fails late"))
                .isInstanceOf(JobExecutionException.class)
                .hasMessageContaining("operator 'files'")
                .hasMessageContaining("fails after subtask 0 prepared its part file");

        assertThat(files(output)).containsExactly(LOCK);
        assertThat(Files.size(output.resolve(LOCK))).as("lock released").isZero();
    }

    @ParameterizedTest
    @EnumSource(value = RuntimeExecutionMode.class, names = {"STREAMING", "BATCH"})
    void aSecondJobOnADirectoryThatAJobWritesFailsAtOnceAndTheFirstJobsOutputIsIntact(RuntimeExecutionMode mode)
            throws Exception {
        Path output = tmp.resolve("out");
        String gate = "gate-" + mode;
        HoldsUntilOpened.GATES.put(gate, new CountDownLatch(1));
        StreamExecutionEnvironment first = env(mode);
        first.fromElements("a", "b", "c").setParallelism(1).map(new HoldsUntilOpened(gate)).setParallelism(1)
                .sinkTo(FileSink.<String>forTextLines(output)).setParallelism(1);
        JobClient running = first.executeAsync("first");
        HoldsUntilOpened.ARRIVED.get(gate).await();

        StreamExecutionEnvironment second = env(mode);
        second.fromElements("x").sinkTo(FileSink.<String>forTextLines(output)).name("second files");
        assertThatThrownBy(() -> second.execute("second"))
                .isInstanceOf(JobExecutionException.class)
                .hasMessageContaining("could not start: sink 'second files'")
                .hasMessageContaining("Output directory '" + output + "' is being written by another job")
                .hasMessageContaining("pid " + ProcessHandle.current().pid());

        HoldsUntilOpened.GATES.get(gate).countDown();
        running.getJobExecutionResult().get();
        assertThat(files(output)).containsExactly(LOCK, "part-0-0");
        assertThat(Files.readAllLines(output.resolve("part-0-0"))).containsExactly("a", "b", "c");
    }

    @ParameterizedTest
    @EnumSource(value = RuntimeExecutionMode.class, names = {"STREAMING", "BATCH"})
    void aCancelledJobPublishesNothing(RuntimeExecutionMode mode) throws Exception {
        Path output = tmp.resolve("out");
        String gate = "cancel-" + mode;
        HoldsUntilOpened.GATES.put(gate, new CountDownLatch(1));
        StreamExecutionEnvironment env = env(mode);
        env.fromElements("a", "b", "c").setParallelism(1).map(new HoldsUntilOpened(gate)).setParallelism(1)
                .sinkTo(FileSink.<String>forTextLines(output)).setParallelism(1);
        JobClient running = env.executeAsync("cancelled");
        HoldsUntilOpened.ARRIVED.get(gate).await();

        running.cancel().get();

        assertThatThrownBy(() -> running.getJobExecutionResult().get()).isInstanceOf(ExecutionException.class)
                .hasMessageContaining("was cancelled");
        assertThat(files(output)).containsExactly(LOCK);
    }

    private static List<String> files(Path dir) throws IOException {
        try (Stream<Path> files = Files.list(dir)) {
            return files.map(p -> p.getFileName().toString()).sorted().toList();
        }
    }

    /** Holds its first record until the test opens the gate; tells the test when it holds. Interruptible. */
    static final class HoldsUntilOpened implements MapFunction<String, String> {
        static final Map<String, CountDownLatch> GATES = new ConcurrentHashMap<>();
        static final Map<String, CountDownLatch> ARRIVED = new ConcurrentHashMap<>();
        private final String gate;
        private boolean held;

        HoldsUntilOpened(String gate) {
            this.gate = gate;
            ARRIVED.put(gate, new CountDownLatch(1));
        }

        @Override
        public String map(String value) throws InterruptedException {
            if (!held) {
                held = true;
                ARRIVED.get(gate).countDown();
                GATES.get(gate).await();
            }
            return value;
        }
    }
}
