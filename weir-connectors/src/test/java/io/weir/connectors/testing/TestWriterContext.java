package io.weir.connectors.testing;

import io.weir.api.connector.sink.SinkWriter;
import io.weir.api.connector.sink.WriterInitContext;

/** A sink writer's place in a job, as the runtime would give it. */
public record TestWriterContext(int subtask, int parallelism, int attempt) implements WriterInitContext {
    /** A record context without a timestamp. */
    public static final SinkWriter.Context NO_TIMESTAMP = () -> null;

    @Override
    public int getSubtaskId() {
        return subtask;
    }

    @Override
    public int getNumberOfParallelSubtasks() {
        return parallelism;
    }

    @Override
    public int getAttemptNumber() {
        return attempt;
    }

    @Override
    public String getJobName() {
        return "test-job";
    }
}
