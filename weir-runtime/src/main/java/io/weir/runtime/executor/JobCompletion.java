package io.weir.runtime.executor;

import io.weir.api.common.JobExecutionException;
import io.weir.api.common.JobExecutionResult;
import io.weir.api.common.JobStatus;
import io.weir.runtime.graph.JobGraph;
import io.weir.runtime.task.StreamTask;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

/** How a job ends, the same in both modes: waits for its task threads, then completes its result once. */
final class JobCompletion {
    private static final Logger LOG = LoggerFactory.getLogger(JobCompletion.class);

    private JobCompletion() {
    }

    /** Joins every thread, even when interrupted meanwhile (the interrupt is kept for the caller). */
    static void joinAll(List<Thread> threads) {
        boolean interrupted = false;
        for (Thread t : threads) {
            while (t.isAlive()) {
                try {
                    t.join();
                } catch (InterruptedException e) {
                    interrupted = true;
                }
            }
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
    }

    /** Completes {@code result} and returns the job's final status. */
    static JobStatus complete(CompletableFuture<JobExecutionResult> result, JobGraph graph, Throwable failure,
                              StreamTask failedTask, boolean cancelled, Duration runtime,
                              Map<String, Object> accumulators, int taskAttempts) {
        String job = graph.jobName();
        if (failure != null) {
            String message = failedTask != null ? FailureDescription.of(job, failedTask, failure)
                    : failure instanceof JobExecutionException ? failure.getMessage()
                    : "Job '" + job + "' could not run: " + failure;
            Throwable cause = failure instanceof JobExecutionException jee && jee.getCause() != null ? jee.getCause() : failure;
            result.completeExceptionally(new JobExecutionException(job, message, cause));
            return JobStatus.FAILED;
        }
        if (cancelled) {
            result.completeExceptionally(new JobExecutionException(job, "Job '" + job + "' was cancelled", null));
            return JobStatus.CANCELED;
        }
        LOG.info("Job '{}' ({}) finished in {} ms with {} task attempts", job, graph.mode(), runtime.toMillis(),
                taskAttempts);
        result.complete(new JobExecutionResult(job, graph.mode(), runtime, accumulators, taskAttempts));
        return JobStatus.FINISHED;
    }
}
