package io.weir.api.common;

import java.util.concurrent.CompletableFuture;

/** A handle on a job submitted with {@code executeAsync()}. */
public interface JobClient {
    String getJobName();

    JobStatus getJobStatus();

    /** Cancels the job: tasks stop within a second; the returned future completes when every task thread has exited. */
    CompletableFuture<Void> cancel();

    /** Completes with the result when the job finishes, or exceptionally with a {@link JobExecutionException}. */
    CompletableFuture<JobExecutionResult> getJobExecutionResult();
}
