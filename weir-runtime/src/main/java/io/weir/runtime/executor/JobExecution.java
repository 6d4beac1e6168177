package io.weir.runtime.executor;

import io.weir.api.common.JobExecutionResult;
import io.weir.api.common.JobStatus;

import java.util.concurrent.CompletableFuture;

/** A running job, whatever its mode: its status, its result, and a way to cancel it. */
interface JobExecution {
    JobStatus status();

    CompletableFuture<JobExecutionResult> result();

    void cancel();
}
