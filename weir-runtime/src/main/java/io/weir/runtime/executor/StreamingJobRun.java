package io.weir.runtime.executor;

import io.weir.api.accumulators.Accumulator;
import io.weir.api.common.JobExecutionResult;
import io.weir.api.common.JobStatus;
import io.weir.runtime.graph.JobGraph;
import io.weir.runtime.scheduler.Deployment;
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
    private volatile JobStatus status = JobStatus.CREATED;
    private List<StreamTask> tasks = List.of();
    private Throwable failure;
    private StreamTask failedTask;
    private boolean cancelRequested;
    private int taskAttempts;

    StreamingJobRun(JobGraph graph) {
        this.graph = graph;
        this.restartPolicy = new RestartPolicy(graph.configuration());
    }

    void start() {
        status = JobStatus.RUNNING;
        Thread job = new Thread(this::runAttempts, "weir-job " + graph.jobName());
        job.setDaemon(true);
        job.start();
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
            tasks.forEach(StreamTask::cancel);
            lock.notifyAll();
        }
    }

    private void runAttempts() {
        long start = System.nanoTime();
        int restarts = 0;
        for (int attempt = 0; ; attempt++) {
            List<Thread> threads;
            synchronized (lock) {
                if (cancelRequested) {
                    break;
                }
                try {
                    tasks = Deployment.deployStreaming(graph, this, attempt);
                } catch (Exception e) {
                    failure = e;
                    break;
                }
                accumulators.clear();
                taskAttempts += tasks.size();
                threads = new ArrayList<>();
                for (StreamTask task : tasks) {
                    Thread t = new Thread(task, "weir-task " + task.name());
                    t.setContextClassLoader(graph.userClassLoader());
                    t.setDaemon(true);
                    threads.add(t);
                }
            }
            threads.forEach(Thread::start);
            JobCompletion.joinAll(threads);
            synchronized (lock) {
                if (failure == null || cancelRequested || !restartPolicy.mayRestart(restarts)) {
                    break;
                }
                restarts++;
                LOG.warn("Job '{}' restarts from the beginning (restart {} of {}) after: {}", graph.jobName(), restarts,
                        restartPolicy.describe(), failure.toString());
                failure = null;
                failedTask = null;
                status = JobStatus.RUNNING;
                if (!awaitDelay(restartPolicy.delay())) {
                    break;
                }
            }
        }
        complete(Duration.ofNanos(System.nanoTime() - start));
    }

    /** Waits the restart delay; false if the job was cancelled meanwhile. Holds {@link #lock}. */
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
                taskAttempts);
        }
    }

    @Override
    public void taskFinished(StreamTask task, Map<String, Accumulator<?, ?>> taskAccumulators) {
        synchronized (lock) {
            accumulators.add(taskAccumulators);
        }
    }

    @Override
    public void taskFailed(StreamTask task, Throwable cause) {
        synchronized (lock) {
            if (failure == null) {
                failure = cause;
                failedTask = task;
                LOG.warn("Task '{}' failed, cancelling the job: {}", task.name(), cause.toString());
                LOG.debug("Failure of task '{}'", task.name(), cause);
                if (!cancelRequested) {
                    status = JobStatus.FAILING;
                }
                tasks.forEach(StreamTask::cancel);
            } else {
                LOG.debug("Task '{}' also failed while the job was failing", task.name(), cause);
            }
        }
    }

    @Override
    public void taskCanceled(StreamTask task) {
        LOG.debug("Task '{}' cancelled", task.name());
    }
}
