package io.weir.cli;

import io.weir.api.common.JobClient;
import io.weir.api.common.JobExecutionException;
import io.weir.api.common.JobStatus;

import java.io.PrintWriter;
import java.util.List;
import java.util.concurrent.ExecutionException;

/**
 * What {@code weir run} does with the jobs a program started with {@code executeAsync()} once its {@code main}
 * has returned: the process is the engine, so ending it would kill them. It waits for each job still running
 * (saying so on standard error), then fails the command with the first job that failed. A job cancelled by the
 * program itself is not a failure.
 */
final class AsyncJobs {
    private AsyncJobs() {
    }

    /** Waits for every job in {@code jobs} to end; throws the first failure, after all have ended. */
    static void awaitAll(List<JobClient> jobs, PrintWriter err) throws Exception {
        Exception firstFailure = null;
        for (JobClient job : jobs) {
            if (!job.getJobExecutionResult().isDone()) {
                err.println("Job '" + job.getJobName() + "' (started with executeAsync) is still running after main "
                        + "returned: waiting for it to finish. Ctrl-C stops it.");
                err.flush();
            }
            try {
                job.getJobExecutionResult().get();
            } catch (ExecutionException e) {
                if (job.getJobStatus() != JobStatus.CANCELED && firstFailure == null) {
                    firstFailure = e.getCause() instanceof JobExecutionException jee ? jee
                            : new JobExecutionException(job.getJobName(), "Job '" + job.getJobName() + "' failed: "
                            + e.getCause(), e.getCause());
                }
            }
        }
        if (firstFailure != null) {
            throw firstFailure;
        }
    }
}
