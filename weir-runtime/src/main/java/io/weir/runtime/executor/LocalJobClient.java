package io.weir.runtime.executor;

import io.weir.api.common.JobClient;
import io.weir.api.common.JobExecutionResult;
import io.weir.api.common.JobStatus;

import java.util.concurrent.CompletableFuture;

/** A handle on a job running in this JVM. */
final class LocalJobClient implements JobClient {
    private final String jobName;
    private final JobExecution run;

    LocalJobClient(String jobName, JobExecution run) {
        this.jobName = jobName;
        this.run = run;
    }

    @Override
    public String getJobName() {
        return jobName;
    }

    @Override
    public JobStatus getJobStatus() {
        return run.status();
    }

    @Override
    public CompletableFuture<Void> cancel() {
        run.cancel();
        return run.result().handle((r, e) -> null);
    }

    @Override
    public CompletableFuture<JobExecutionResult> getJobExecutionResult() {
        return run.result();
    }
}
