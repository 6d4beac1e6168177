package io.weir.connectors.testing;

import io.weir.api.connector.sink.SinkWriter;
import io.weir.api.connector.sink.WriterInitContext;

/** A sink writer's place in a job, as the runtime would give it. */
public record TestWriterContext(int subtask, int parallelism, int attempt, String jobId) implements WriterInitContext {
    public static final String JOB_ID = "00000000000000000000000000000abc";
    /** A record context without a timestamp. */
    public static final SinkWriter.Context NO_TIMESTAMP = () -> null;

    /** An attempt of a subtask in the job run {@link #JOB_ID}. */
    public TestWriterContext(int subtask, int parallelism, int attempt) {
        this(subtask, parallelism, attempt, JOB_ID);
    }

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
    public String getJobId() {
        return jobId;
    }

    @Override
    public String getJobName() {
        return "test-job";
    }
}
