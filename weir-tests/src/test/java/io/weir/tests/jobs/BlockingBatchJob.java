package io.weir.tests.jobs;

import io.weir.api.common.RuntimeExecutionMode;
import io.weir.api.environment.StreamExecutionEnvironment;
import io.weir.api.functions.RichMapFunction;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * A BATCH job that stops mid-run, for tests that end the process there: after its first stage has written its
 * result partitions to the work directory, the keyed stage creates the file {@code args[0]} (the test waits for
 * it) and then waits until the file {@code args[1]} exists, which the test never creates.
 */
public final class BlockingBatchJob {
    private BlockingBatchJob() {
    }

    public static void main(String[] args) throws Exception {
        StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment();
        env.setRuntimeMode(RuntimeExecutionMode.BATCH);
        env.setParallelism(1);
        env.fromSequence(1, 10_000)
                .keyBy(x -> x % 10)
                .map(new SignalsThenWaits(args[0], args[1])).name("waiting map")
                .print();
        env.execute("blocking batch job");
    }

    static final class SignalsThenWaits extends RichMapFunction<Long, Long> {
        private final String ready;
        private final String release;
        private boolean signalled;

        SignalsThenWaits(String ready, String release) {
            this.ready = ready;
            this.release = release;
        }

        @Override
        public Long map(Long value) throws IOException, InterruptedException {
            if (!signalled) {
                signalled = true;
                Files.createFile(Path.of(ready));
                while (!Files.exists(Path.of(release))) {
                    Thread.sleep(20);
                }
            }
            return value;
        }
    }
}
