package io.weir.runtime.executor;

import io.weir.api.accumulators.Accumulator;
import io.weir.api.common.JobExecutionException;
import io.weir.api.common.JobExecutionResult;
import io.weir.api.common.JobStatus;
import io.weir.runtime.graph.JobGraph;
import io.weir.runtime.task.OperatorException;
import io.weir.runtime.task.StreamTask;
import io.weir.runtime.task.TaskListener;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

/**
 * Runs one job: starts a thread per task, and on the first failure cancels every other task. The result
 * completes only after every task thread has ended, so no thread of the job outlives {@code execute()}.
 */
final class JobRun implements TaskListener {
    private static final Logger LOG = LoggerFactory.getLogger(JobRun.class);

    private final JobGraph graph;
    private final List<StreamTask> tasks = new ArrayList<>();
    private final List<Thread> threads = new ArrayList<>();
    private final CompletableFuture<JobExecutionResult> result = new CompletableFuture<>();
    private final Map<String, Accumulator<?, ?>> accumulators = new HashMap<>();
    private volatile JobStatus status = JobStatus.CREATED;
    private Throwable failure;
    private StreamTask failedTask;
    private long startNanos;

    JobRun(JobGraph graph) {
        this.graph = graph;
    }

    void start(List<StreamTask> deployed) {
        tasks.addAll(deployed);
        startNanos = System.nanoTime();
        status = JobStatus.RUNNING;
        for (StreamTask task : tasks) {
            Thread t = new Thread(task, "weir-task " + task.name());
            t.setDaemon(true);
            threads.add(t);
        }
        for (Thread t : threads) {
            t.start();
        }
        Thread master = new Thread(this::awaitTasks, "weir-job " + graph.jobName());
        master.setDaemon(true);
        master.start();
    }

    JobStatus status() {
        return status;
    }

    CompletableFuture<JobExecutionResult> result() {
        return result;
    }

    synchronized void cancel() {
        if (status == JobStatus.RUNNING || status == JobStatus.CREATED) {
            status = JobStatus.CANCELLING;
            cancelAll();
        }
    }

    private void cancelAll() {
        for (StreamTask task : tasks) {
            task.cancel();
        }
    }

    private void awaitTasks() {
        for (Thread t : threads) {
            boolean interrupted = false;
            while (t.isAlive()) {
                try {
                    t.join();
                } catch (InterruptedException e) {
                    interrupted = true;
                }
            }
            if (interrupted) {
                Thread.currentThread().interrupt();
            }
        }
        try {
            complete();
        } catch (Throwable t) {
            // Clients wait on the result (execute(), cancel().join()): it must complete whatever happens here.
            failCompletion(t);
        }
    }

    private synchronized void complete() {
        Duration runtime = Duration.ofNanos(System.nanoTime() - startNanos);
        String job = graph.jobName();
        if (failure != null) {
            status = JobStatus.FAILED;
            result.completeExceptionally(new JobExecutionException(job, describeFailure(), failure));
        } else if (status == JobStatus.CANCELLING) {
            status = JobStatus.CANCELED;
            result.completeExceptionally(new JobExecutionException(job, "Job '" + job + "' was cancelled", null));
        } else {
            Map<String, Object> values = new HashMap<>();
            accumulators.forEach((name, acc) -> values.put(name, valueOf(name, acc)));
            status = JobStatus.FINISHED;
            LOG.info("Job '{}' finished in {} ms", job, runtime.toMillis());
            result.complete(new JobExecutionResult(job, graph.mode(), runtime, values));
        }
    }

    private static Object valueOf(String name, Accumulator<?, ?> accumulator) {
        Object value = accumulator.getLocalValue();
        if (value == null) {
            throw new IllegalStateException("Accumulator '" + name + "' (" + accumulator.getClass().getName()
                    + ") has no value: its getLocalValue() returned null. Give it a non-null initial value.");
        }
        return value;
    }

    private synchronized void failCompletion(Throwable t) {
        LOG.error("Job '{}' ended, but its result could not be made", graph.jobName(), t);
        status = JobStatus.FAILED;
        result.completeExceptionally(new JobExecutionException(graph.jobName(), "Job '" + graph.jobName()
                + "' ended, but its result could not be made: " + t.getMessage(), t));
    }

    private String describeFailure() {
        String where;
        if (failure instanceof OperatorException oe) {
            where = "operator '" + oe.operatorName() + "' (subtask " + oe.subtask() + ")";
        } else {
            where = "task '" + failedTask.name() + "'";
        }
        Throwable cause = failure instanceof OperatorException && failure.getCause() != null ? failure.getCause() : failure;
        return "Job '" + graph.jobName() + "' failed: " + where + " threw " + cause;
    }

    @Override
    public synchronized void taskFinished(StreamTask task, Map<String, Accumulator<?, ?>> taskAccumulators) {
        taskAccumulators.forEach(this::mergeAccumulator);
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private void mergeAccumulator(String name, Accumulator<?, ?> acc) {
        Accumulator existing = accumulators.get(name);
        if (existing == null) {
            accumulators.put(name, acc.clone());
        } else if (existing.getClass() != acc.getClass()) {
            throw new IllegalStateException("Accumulator '" + name + "' has different types in different tasks: "
                    + existing.getClass().getSimpleName() + " and " + acc.getClass().getSimpleName());
        } else {
            existing.merge(acc);
        }
    }

    @Override
    public synchronized void taskFailed(StreamTask task, Throwable cause) {
        if (failure == null) {
            failure = cause;
            failedTask = task;
            LOG.error("Task '{}' failed; cancelling the job", task.name(), cause);
            status = JobStatus.FAILING;
            cancelAll();
        } else if (failure != cause) {
            LOG.debug("Task '{}' also failed while the job was failing", task.name(), cause);
        }
    }

    @Override
    public void taskCanceled(StreamTask task) {
        LOG.debug("Task '{}' cancelled", task.name());
    }
}
