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
import java.util.function.Consumer;
import java.util.function.Supplier;
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

    /**
     * The error a job's result completes with when even describing how the job ended fails, typically with an
     * {@link OutOfMemoryError} because the heap is still full. Made when the job starts, while the heap has room:
     * completing a result with it allocates nothing, so a client waiting on {@code execute()} is always woken.
     */
    static JobExecutionException lastResort(String jobName) {
        return new JobExecutionException(jobName, "Job '" + jobName + "' failed, and the JVM had no heap left to "
                + "describe how (an OutOfMemoryError while completing its result). Give the JVM more heap "
                + "(e.g. JAVA_OPTS=-Xmx4g) or look for what holds on to memory.", null);
    }

    /**
     * Completes {@code result} exceptionally with {@code lastResort}, allocating nothing; does nothing if the
     * result is complete already.
     */
    static void completeWithLastResort(CompletableFuture<JobExecutionResult> result, Consumer<JobStatus> status,
                                       JobExecutionException lastResort) {
        if (result.isDone()) {
            return;
        }
        try {
            status.accept(JobStatus.FAILED);
        } finally {
            result.completeExceptionally(lastResort);
        }
    }

    static boolean hasCause(Throwable t, Class<? extends Throwable> type) {
        for (Throwable c = t; c != null; c = c.getCause()) {
            if (type.isInstance(c)) {
                return true;
            }
            if (c.getCause() == c) {
                break;
            }
        }
        return false;
    }

    /**
     * Sets the job's final status, then completes {@code result} (so that a client woken by the result sees the
     * final status). The result is completed whatever happens here: clients wait on it ({@code execute()},
     * {@code cancel().join()}). A failure caused by an {@link OutOfMemoryError} is reported with
     * {@code memorySettings}, the settings that drive the job's memory. Should the heap not suffice even to
     * describe the failure, the result completes with {@code lastResort}, which was made beforehand.
     */
    static void complete(CompletableFuture<JobExecutionResult> result, Consumer<JobStatus> status, JobGraph graph,
                         Throwable failure, StreamTask failedTask, boolean cancelled, Duration runtime,
                         AccumulatorMerger accumulators, int taskAttempts, Supplier<String> memorySettings,
                         JobExecutionException lastResort) {
        String job = graph.jobName();
        try {
            if (failure != null) {
                String message = failedTask != null ? FailureDescription.of(job, failedTask, failure)
                        : failure instanceof JobExecutionException ? failure.getMessage()
                        : "Job '" + job + "' could not run: " + failure;
                if (hasCause(failure, OutOfMemoryError.class)) {
                    message += ". The JVM ran out of heap; the settings that drive this job's memory: "
                            + memorySettings.get() + ". Lower them, or give the JVM more heap (e.g. JAVA_OPTS=-Xmx4g).";
                }
                Throwable cause = failure instanceof JobExecutionException jee && jee.getCause() != null
                        ? jee.getCause() : failure;
                status.accept(JobStatus.FAILED);
                result.completeExceptionally(new JobExecutionException(job, message, cause));
            } else if (cancelled) {
                status.accept(JobStatus.CANCELED);
                result.completeExceptionally(new JobExecutionException(job, "Job '" + job + "' was cancelled", null));
            } else {
                JobExecutionResult done = new JobExecutionResult(job, graph.mode(), runtime, accumulators.values(),
                        taskAttempts);
                LOG.info("Job '{}' ({}) finished in {} ms with {} task attempts", job, graph.mode(),
                        runtime.toMillis(), taskAttempts);
                status.accept(JobStatus.FINISHED);
                result.complete(done);
            }
        } catch (Throwable t) {
            try {
                LOG.error("Job '{}' ended, but its result could not be made", job, t);
                status.accept(JobStatus.FAILED);
                result.completeExceptionally(new JobExecutionException(job, "Job '" + job
                        + "' ended, but its result could not be made: " + t.getMessage(), t));
            } finally {
                // When that failed too (no heap for the message): the result must complete all the same.
                completeWithLastResort(result, status, lastResort);
            }
        }
    }
}
