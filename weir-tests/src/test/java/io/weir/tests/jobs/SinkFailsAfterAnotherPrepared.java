package io.weir.tests.jobs;

import io.weir.api.environment.StreamExecutionEnvironment;
import io.weir.connectors.file.FileSink;

/**
 * {@code --output <directory>}: numbers 1..10000 into a file sink with two subtasks, the second of which fails after
 * the first prepared its part file. The job must fail and publish nothing.
 */
public final class SinkFailsAfterAnotherPrepared {
    private SinkFailsAfterAnotherPrepared() {
    }

    public static void main(String[] args) throws Exception {
        if (args.length != 2 || !args[0].equals("--output")) {
            throw new IllegalArgumentException("Usage: SinkFailsAfterAnotherPrepared --output <directory>");
        }
        StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment();
        define(env, args[1]);
        env.execute("sink fails after another prepared");
    }

    /** The job's pipeline, for running it in a test's JVM too. */
    public static void define(StreamExecutionEnvironment env, String output) {
        env.fromSequence(1, 10_000).setParallelism(2).rebalance()
                .map(String::valueOf).setParallelism(2)
                .sinkTo(new FailingFileSink<>(FileSink.<String>forTextLines(output))).setParallelism(2).name("files");
    }
}
