package io.weir.connectors.testing;

import io.weir.api.connector.sink.CommitterInitContext;

/** A committer's job run, as the runtime would give it. */
public record TestCommitterContext(String jobId, int parallelism) implements CommitterInitContext {
    /** The job run of {@link TestWriterContext#JOB_ID}. */
    public TestCommitterContext(int parallelism) {
        this(TestWriterContext.JOB_ID, parallelism);
    }

    @Override
    public String getJobId() {
        return jobId;
    }

    @Override
    public String getJobName() {
        return "test-job";
    }

    @Override
    public int getNumberOfParallelSubtasks() {
        return parallelism;
    }
}
