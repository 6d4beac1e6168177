package io.weir.runtime.executor;

import io.weir.api.common.JobExecutionException;
import io.weir.api.common.JobExecutionResult;
import io.weir.runtime.task.StreamTask;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.concurrent.CompletableFuture;
import java.util.function.BiConsumer;

/**
 * Makes the threads of a job, so that none of them can die silently: a job whose thread ends by an uncaught
 * {@link Throwable} without a report would wait forever. Both kinds are daemon threads, so a job never keeps the
 * JVM alive on its own ({@code bin/weir run} waits for jobs explicitly).
 */
final class JobThreads {
    private static final Logger LOG = LoggerFactory.getLogger(JobThreads.class);

    private JobThreads() {
    }

    /**
     * The job's coordinating thread. Its body must complete {@code result} itself; should the body die anyway
     * (for instance of an {@link OutOfMemoryError} while completing it), the result is completed exceptionally
     * here, which does nothing if it was already completed. Should the heap not suffice for that error either,
     * the result completes with {@code lastResort}, made beforehand: a client waiting on it must be woken.
     */
    static Thread coordinator(String jobName, Runnable body, CompletableFuture<JobExecutionResult> result,
                              Runnable markFailed, JobExecutionException lastResort) {
        Thread thread = new Thread(body, "weir-job " + jobName);
        thread.setDaemon(true);
        thread.setUncaughtExceptionHandler((t, e) -> {
            try {
                markFailed.run();
                LOG.error("The coordinating thread of job '{}' died", jobName, e);
            } finally {
                try {
                    result.completeExceptionally(new JobExecutionException(jobName, "Job '" + jobName
                            + "' failed: its coordinating thread died of " + e, e));
                } finally {
                    result.completeExceptionally(lastResort);
                }
            }
        });
        return thread;
    }

    /**
     * A thread running one task attempt. The task reports how it ended itself; only a throw from that report
     * (the coordinator's listener) reaches {@code onUncaught}, which must then fail the job.
     */
    static Thread task(StreamTask task, ClassLoader userClassLoader, BiConsumer<StreamTask, Throwable> onUncaught) {
        Thread thread = new Thread(task, "weir-task " + task.name());
        // User code that looks classes up by name (or deserializes) on the task thread finds the job's classes.
        thread.setContextClassLoader(userClassLoader);
        thread.setDaemon(true);
        thread.setUncaughtExceptionHandler((t, e) -> onUncaught.accept(task, e));
        return thread;
    }
}
