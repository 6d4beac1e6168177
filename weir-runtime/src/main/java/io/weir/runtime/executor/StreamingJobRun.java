package io.weir.runtime.executor;

import io.weir.api.accumulators.Accumulator;
import io.weir.api.common.JobExecutionException;
import io.weir.api.common.JobExecutionResult;
import io.weir.api.common.JobStatus;
import io.weir.api.config.ExecutionOptions;
import io.weir.runtime.graph.JobGraph;
import io.weir.runtime.scheduler.Deployment;
import io.weir.runtime.sink.PreparedCommittables;
import io.weir.runtime.task.StreamTask;
import io.weir.runtime.task.TaskListener;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/**
 * Runs a STREAMING job: every task at once, a thread per subtask. The first failure cancels every other task;
 * if the restart strategy allows, the whole job is then deployed again from the start (there are no
 * checkpoints yet, so sources re-read their input). The result completes only after every task thread of
 * the last attempt has ended, so no thread of the job outlives {@code execute()}.
 *
 * <p>Threading: the job thread ({@link #runAttempts}) deploys and waits; task threads report through the
 * synchronized listener methods; any thread may call {@link #cancel()}.
 */
final class StreamingJobRun implements JobExecution, TaskListener {
    private static final Logger LOG = LoggerFactory.getLogger(StreamingJobRun.class);

    private final JobGraph graph;
    private final RestartPolicy restartPolicy;
    private final CompletableFuture<JobExecutionResult> result = new CompletableFuture<>();
    private final AccumulatorMerger accumulators = new AccumulatorMerger();
    private final Object lock = new Object();
    private final PreparedCommittables committables = new PreparedCommittables(JobIds.next());
    /** Made while the heap has room: the result completes with it if even describing the failure fails. */
    private final JobExecutionException lastResort;
    private volatile JobStatus status = JobStatus.CREATED;
    private List<StreamTask> tasks = List.of();
    /** The threads of the current attempt; written and read by the job thread only. */
    private List<Thread> attemptThreads = List.of();
    private Throwable failure;
    private StreamTask failedTask;
    private boolean cancelRequested;
    private int taskAttempts;

    StreamingJobRun(JobGraph graph) {
        this.graph = graph;
        this.restartPolicy = new RestartPolicy(graph.configuration());
        this.lastResort = JobCompletion.lastResort(graph.jobName());
    }

    void start() {
        status = JobStatus.RUNNING;
        JobThreads.coordinator(graph.jobName(), this::runAttempts, result, () -> status = JobStatus.FAILED,
                lastResort).start();
    }

    @Override
    public JobStatus status() {
        return status;
    }

    @Override
    public CompletableFuture<JobExecutionResult> result() {
        return result;
    }

    @Override
    public void cancel() {
        synchronized (lock) {
            if (status.isTerminal() || cancelRequested) {
                return;
            }
            cancelRequested = true;
            status = JobStatus.CANCELLING;
            cancelTasks();
            lock.notifyAll();
        }
    }

    /**
     * The job thread: runs attempts until one succeeds, the job is cancelled or no restart is left. Whatever it
     * throws fails the job: the tasks are cancelled and waited for, and the result is completed.
     */
    private void runAttempts() {
        long start = System.nanoTime();
        try {
            attempts();
        } catch (Throwable t) {
            Throwable cause = t;
            if (!(t instanceof JobExecutionException)) {
                try {
                    cause = new JobExecutionException(graph.jobName(),
                            "Job '" + graph.jobName() + "' failed in its coordinating thread: " + t, t);
                } catch (Throwable noHeapForTheMessage) {
                    // The job fails with t itself: its tasks must be cancelled, or the join below waits forever.
                }
            }
            failJob(null, cause);
        } finally {
            try {
                JobCompletion.joinAll(attemptThreads);
            } finally {
                complete(Duration.ofNanos(System.nanoTime() - start));
            }
        }
    }

    private void attempts() {
        int restarts = 0;
        int lastAttempt = 0;
        SinkCommitCoordinator sinkCommits;
        try {
            sinkCommits = SinkCommitCoordinator.open(graph, committables);
        } catch (Exception e) {
            synchronized (lock) {
                failure = e;
            }
            return; // runAttempts() completes the result
        }
        Throwable thrown = null;
        try {
            for (int attempt = 0; ; attempt++) {
                synchronized (lock) {
                    if (cancelRequested) {
                        break;
                    }
                    lastAttempt = attempt;
                    try {
                        tasks = Deployment.deployStreaming(graph, this, attempt, committables);
                    } catch (Throwable e) {
                        failure = e;
                        break;
                    }
                    accumulators.clear();
                    taskAttempts += tasks.size();
                    List<Thread> threads = new ArrayList<>();
                    for (StreamTask task : tasks) {
                        threads.add(JobThreads.task(task, graph.userClassLoader(), this::taskFailed));
                    }
                    attemptThreads = threads;
                }
                attemptThreads.forEach(Thread::start);
                JobCompletion.joinAll(attemptThreads);
                synchronized (lock) {
                    if (failure == null || cancelRequested || !restartPolicy.mayRestart(restarts)) {
                        break;
                    }
                    restarts++;
                    LOG.warn("Job '{}' restarts from the beginning (restart {} of {}) after: {}", graph.jobName(),
                            restarts, restartPolicy.describe(), failure.toString());
                    failure = null;
                    failedTask = null;
                    status = JobStatus.RUNNING;
                    if (!awaitDelay(restartPolicy.delay())) {
                        if (!cancelRequested) {
                            // Interrupted: the failed attempt's output must not be committed as a success.
                            failure = new JobExecutionException(graph.jobName(), "Job '" + graph.jobName()
                                    + "' was interrupted while waiting to restart", new InterruptedException());
                        }
                        break;
                    }
                }
            }
        } catch (Throwable t) {
            thrown = t;
            throw t;
        } finally {
            synchronized (lock) {
                // Under the lock, so that a cancel cannot slip in between the commit and the job's final status.
                // Whatever ended the attempts, the committers are closed (they hold the output directories' locks);
                // a throw here commits nothing and leaves failing the job to runAttempts().
                int committedAttempt = lastAttempt;
                Throwable outcome = sinkCommits.endJob(thrown != null ? thrown : failure, cancelRequested,
                        (vertex, subtask) -> committedAttempt);
                if (thrown == null) {
                    failure = outcome;
                }
            }
        }
    }

    /**
     * Waits the restart delay; false if the job was cancelled or the thread interrupted meanwhile. Holds
     * {@link #lock}.
     */
    private boolean awaitDelay(Duration delay) {
        long deadline = System.nanoTime() + delay.toNanos();
        while (!cancelRequested) {
            long left = deadline - System.nanoTime();
            if (left <= 0) {
                return true;
            }
            try {
                TimeUnit.NANOSECONDS.timedWait(lock, left);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return false;
            }
        }
        return false;
    }

    private void complete(Duration runtime) {
        synchronized (lock) {
            JobCompletion.complete(result, s -> status = s, graph, failure, failedTask, cancelRequested, runtime, accumulators,
                taskAttempts, this::memorySettings, lastResort);
        }
    }

    /** What drives a STREAMING job's memory besides user state: records in flight between its tasks. */
    private String memorySettings() {
        var conf = graph.configuration();
        int subtasks = graph.vertices().stream().mapToInt(v -> v.parallelism()).sum();
        return subtasks + " subtasks with their keyed state on the heap, up to "
                + ExecutionOptions.CHANNEL_CAPACITY.key() + "=" + conf.get(ExecutionOptions.CHANNEL_CAPACITY)
                + " batches of " + ExecutionOptions.BATCH_SIZE.key() + "=" + conf.get(ExecutionOptions.BATCH_SIZE)
                + " records in flight per channel, maximum heap " + (Runtime.getRuntime().maxMemory() >> 20) + " mb";
    }

    @Override
    public void taskFinished(StreamTask task, Map<String, Accumulator<?, ?>> taskAccumulators) {
        synchronized (lock) {
            try {
                accumulators.add(taskAccumulators);
            } catch (Throwable t) {
                failJob(null, AccumulatorMerger.failure(graph.jobName(), task, t));
            }
        }
    }

    @Override
    public void taskFailed(StreamTask task, Throwable cause) {
        failJob(task, cause);
    }

    /**
     * Records the job's first failure ({@code task} is null when no task threw it) and cancels every task.
     *
     * <p>Recording and cancelling allocate nothing, and come before the log line, which does: this runs when the
     * heap may still be full (a task that ran out of memory reports while its state is being released, and its
     * siblings hold theirs), and an {@link OutOfMemoryError} thrown between recording the failure and cancelling
     * the tasks used to leave the job with a failure but no cancellation. The later reports then saw a failure
     * already recorded and cancelled nothing either, so the sources waited forever for credits from consumers
     * that had ended: {@code execute()} hung.
     */
    private void failJob(StreamTask task, Throwable cause) {
        boolean first;
        synchronized (lock) {
            first = failure == null;
            if (first) {
                failure = cause;
                failedTask = task;
                if (!cancelRequested) {
                    status = JobStatus.FAILING;
                }
                cancelTasks();
            }
        }
        logFailure(first, task, cause);
    }

    /** Cancels every task of the current attempt without allocating (see {@link #failJob}). Holds {@link #lock}. */
    private void cancelTasks() {
        List<StreamTask> current = tasks;
        for (int i = 0; i < current.size(); i++) {
            current.get(i).cancel();
        }
    }

    /**
     * Logs a task's failure. Logging is only a courtesy: the failure is recorded and the job cancelled already,
     * and the result will carry the error, so a throw here (an {@link OutOfMemoryError} on a heap that is still
     * full) is dropped rather than let out into a task thread's report.
     */
    private void logFailure(boolean first, StreamTask task, Throwable cause) {
        try {
            if (first) {
                LOG.warn("{} failed, cancelling the job: {}", task == null ? "The job" : "Task '" + task.name() + "'",
                        cause.toString());
                LOG.debug("Failure of {}", task == null ? "the job" : task.name(), cause);
            } else {
                LOG.debug("{} also failed while the job was failing", task == null ? "The job" : task.name(), cause);
            }
        } catch (Throwable unlogged) {
            // Deliberately dropped; see above.
        }
    }

    @Override
    public void taskCanceled(StreamTask task) {
        LOG.debug("Task '{}' cancelled", task.name());
    }
}
