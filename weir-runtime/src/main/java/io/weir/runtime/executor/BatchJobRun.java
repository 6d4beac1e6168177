package io.weir.runtime.executor;

import io.weir.api.accumulators.Accumulator;
import io.weir.api.common.JobExecutionException;
import io.weir.api.common.JobExecutionResult;
import io.weir.api.common.JobStatus;
import io.weir.api.config.CoreOptions;
import io.weir.api.config.ExecutionOptions;
import io.weir.runtime.graph.JobGraph;
import io.weir.runtime.graph.JobVertex;
import io.weir.runtime.scheduler.BatchDeployment;
import io.weir.runtime.scheduler.SubtaskId;
import io.weir.runtime.sink.PreparedCommittables;
import io.weir.runtime.scheduler.WorkDirectories;
import io.weir.runtime.task.PartitionUnavailableException;
import io.weir.runtime.task.StreamTask;
import io.weir.runtime.task.TaskCancelledException;
import io.weir.runtime.task.TaskListener;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * Runs a BATCH job stage by stage: a subtask starts once every subtask of the tasks feeding it has finished
 * (its inputs are complete on disk), and at most {@code execution.slots} subtasks run at once. A failed
 * subtask is retried alone, re-reading its inputs; if an input partition is lost or corrupt, its producer
 * reruns first. The work directory ({@link WorkDirectory}) is removed when the job ends, whatever the outcome,
 * and at JVM shutdown if the job is still running then.
 *
 * <p>Threading: all scheduling state is owned by the job thread ({@link #schedule}); task threads only put
 * events into {@link #events}; any thread may call {@link #cancel()}.
 */
final class BatchJobRun implements JobExecution, TaskListener {
    private static final Logger LOG = LoggerFactory.getLogger(BatchJobRun.class);
    private static final Duration SHUTDOWN_GRACE = Duration.ofSeconds(5);

    private sealed interface Event permits Finished, Failed, Canceled, CancelRequest {
    }

    private record Finished(StreamTask task, Map<String, Accumulator<?, ?>> accumulators) implements Event {
    }

    private record Failed(StreamTask task, Throwable cause) implements Event {
    }

    private record Canceled(StreamTask task) implements Event {
    }

    private record CancelRequest() implements Event {
    }

    /** Where one subtask is. Owned by the job thread. */
    private static final class SubtaskRun {
        int attempts;
        int restarts;
        int finishedAttempt = -1;
        boolean running;
        long notBeforeNanos;

        boolean done() {
            return finishedAttempt >= 0 && !running;
        }
    }

    private final JobGraph graph;
    private final RestartPolicy restartPolicy;
    private final int slots;
    private final BatchMemory memory;
    private final LinkedBlockingQueue<Event> events = new LinkedBlockingQueue<>();
    private final CompletableFuture<JobExecutionResult> result = new CompletableFuture<>();
    private final AccumulatorMerger accumulators = new AccumulatorMerger();
    private final Map<SubtaskId, SubtaskRun> runs = new HashMap<>();
    private final List<Thread> threads = new ArrayList<>();
    private final Map<SubtaskId, StreamTask> running = new HashMap<>();
    private final PreparedCommittables committables = new PreparedCommittables(JobIds.next());
    /** Made while the heap has room: the result completes with it if even describing the failure fails. */
    private final JobExecutionException lastResort;
    private SinkCommitCoordinator sinkCommits;
    private volatile JobStatus status = JobStatus.CREATED;
    private BatchDeployment deployment;
    /**
     * The work directories created so far, one per {@code io.tmp.dirs} entry; all are removed at the end. Written
     * by the job thread, read by the shutdown hook.
     */
    private final List<WorkDirectory> workDirectories = new java.util.concurrent.CopyOnWriteArrayList<>();
    private final Runnable shutdownCleanup = this::cleanUpAtShutdown;
    private int freeSlots;
    private int taskAttempts;
    private boolean cancelling;
    private Throwable failure;
    private StreamTask failedTask;

    BatchJobRun(JobGraph graph) {
        this.graph = graph;
        this.restartPolicy = new RestartPolicy(graph.configuration());
        this.lastResort = JobCompletion.lastResort(graph.jobName());
        int configured = graph.configuration().get(ExecutionOptions.SLOTS);
        this.slots = configured > 0 ? configured : Runtime.getRuntime().availableProcessors();
        this.memory = BatchMemory.fit(graph, slots, Runtime.getRuntime().maxMemory());
        for (JobVertex v : graph.vertices()) {
            for (int s = 0; s < v.parallelism(); s++) {
                runs.put(new SubtaskId(v.id(), s), new SubtaskRun());
            }
        }
    }

    void start() {
        status = JobStatus.RUNNING;
        JobThreads.coordinator(graph.jobName(), this::schedule, result, () -> status = JobStatus.FAILED,
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
        events.add(new CancelRequest());
    }

    // --------------------------------------------------------------------------------------- the job thread

    private void schedule() {
        long start = System.nanoTime();
        try {
            sinkCommits = SinkCommitCoordinator.open(graph, committables);
            createWorkDirectories();
            deployment = new BatchDeployment(graph,
                    new WorkDirectories(workDirectories.stream().map(WorkDirectory::path).toList()), this,
                    committables, memory.sortBytes(), memory.partitionBytes());
            freeSlots = slots;
            while (true) {
                if (!cancelling && failure == null) {
                    if (allDone()) {
                        break;
                    }
                    startReadySubtasks();
                }
                if ((cancelling || failure != null) && running.isEmpty()) {
                    break;
                }
                Event event = events.poll(waitNanos(), TimeUnit.NANOSECONDS);
                if (event != null) {
                    handle(event);
                }
            }
        } catch (Throwable t) {
            if (failure == null) {
                failure = t;
            }
            running.values().forEach(StreamTask::cancel);
        } finally {
            try {
                JobCompletion.joinAll(threads);
                deleteWorkDirectories();
            } catch (Throwable t) {
                if (failure == null) {
                    failure = t;
                }
            }
            try {
                if (sinkCommits != null) {
                    // Only the attempt of each subtask that finished is committed: a retry's output replaces the
                    // failed one's. endJob closes the committers whatever happens and returns the job's outcome.
                    failure = sinkCommits.endJob(failure, cancelling,
                            (vertex, subtask) -> runs.get(new SubtaskId(vertex.id(), subtask)).finishedAttempt);
                }
            } finally {
                complete(Duration.ofNanos(System.nanoTime() - start));
            }
        }
    }

    /**
     * Creates one work directory inside each directory of {@code io.tmp.dirs}, first removing those that killed
     * processes left in the same place, and has them removed at JVM shutdown should the job still run then.
     */
    private void createWorkDirectories() throws JobExecutionException {
        ShutdownCleanup.register(shutdownCleanup);
        for (String base : CoreOptions.tmpDirectories(graph.configuration().get(CoreOptions.TMP_DIRS))) {
            workDirectories.add(createWorkDirectory(base));
        }
    }

    private WorkDirectory createWorkDirectory(String base) throws JobExecutionException {
        try {
            Path parent = Files.createDirectories(Path.of(base));
            StaleWorkDirectories.sweepOnce(parent);
            return WorkDirectory.create(parent, graph.jobName());
        } catch (IOException | RuntimeException e) {
            // The job fails; schedule() removes the directories made so far and unregisters the shutdown hook.
            String origin = graph.configuration().originOf(CoreOptions.TMP_DIRS.key());
            throw new JobExecutionException(graph.jobName(), "Job '" + graph.jobName() + "' could not create its work "
                    + "directory in '" + base + "' (" + CoreOptions.TMP_DIRS.key() + ", "
                    + (origin == null ? "default" : "set in " + origin) + "): " + e
                    + ". Point io.tmp.dirs to a writable directory with free space.", e);
        }
    }

    /**
     * At JVM shutdown: cancels the job and gives it a moment to end by itself (its thread removes the directories
     * then), but removes them anyway afterwards: a task stuck in user code (one calling
     * {@code System.exit}, say) must not keep the process alive or the directory on disk.
     */
    private void cleanUpAtShutdown() {
        cancel();
        try {
            result.handle((r, e) -> null).get(SHUTDOWN_GRACE.toMillis(), TimeUnit.MILLISECONDS);
        } catch (Exception stillRunning) {
            LOG.warn("Job '{}' did not end within {} ms of shutdown; removing its work directory under it",
                    graph.jobName(), SHUTDOWN_GRACE.toMillis());
        }
        workDirectories.forEach(WorkDirectory::delete);
    }

    private boolean allDone() {
        return runs.values().stream().allMatch(SubtaskRun::done);
    }

    /** Starts, in topological order, every subtask whose inputs are complete, while slots are free. */
    private void startReadySubtasks() {
        long now = System.nanoTime();
        for (JobVertex v : graph.vertices()) {
            if (freeSlots == 0) {
                return;
            }
            if (!inputsComplete(v)) {
                continue;
            }
            for (int s = 0; s < v.parallelism() && freeSlots > 0; s++) {
                SubtaskId id = new SubtaskId(v.id(), s);
                SubtaskRun run = runs.get(id);
                if (run.running || run.finishedAttempt >= 0 || run.notBeforeNanos > now) {
                    continue;
                }
                launch(v, s, run);
            }
        }
    }

    private boolean inputsComplete(JobVertex v) {
        for (var edge : graph.inputsOf(v.id())) {
            JobVertex producer = graph.vertex(edge.sourceVertex());
            for (int p = 0; p < producer.parallelism(); p++) {
                if (!runs.get(new SubtaskId(producer.id(), p)).done()) {
                    return false;
                }
            }
        }
        return true;
    }

    private void launch(JobVertex v, int subtask, SubtaskRun run) {
        int attempt = run.attempts++;
        taskAttempts++;
        StreamTask task = deployment.createTask(v, subtask, attempt, producerAttempts());
        run.running = true;
        freeSlots--;
        running.put(new SubtaskId(v.id(), subtask), task);
        // The task reports through events; only a throw from that report reaches here, and it must not be lost.
        Thread t = JobThreads.task(task, graph.userClassLoader(), (failed, cause) -> events.add(new Failed(failed, cause)));
        threads.add(t);
        LOG.debug("Starting {}", task.name());
        t.start();
    }

    private Map<SubtaskId, Integer> producerAttempts() {
        Map<SubtaskId, Integer> attempts = new HashMap<>();
        runs.forEach((id, run) -> {
            if (run.finishedAttempt >= 0) {
                attempts.put(id, run.finishedAttempt);
            }
        });
        return attempts;
    }

    private long waitNanos() {
        if (cancelling || failure != null) {
            return TimeUnit.SECONDS.toNanos(1);
        }
        long now = System.nanoTime();
        long wait = TimeUnit.SECONDS.toNanos(1);
        for (SubtaskRun run : runs.values()) {
            if (!run.running && run.finishedAttempt < 0 && run.notBeforeNanos > now) {
                wait = Math.min(wait, run.notBeforeNanos - now);
            }
        }
        return Math.max(1, wait);
    }

    private void handle(Event event) {
        if (event instanceof CancelRequest) {
            if (!cancelling && failure == null) {
                cancelling = true;
                status = JobStatus.CANCELLING;
                running.values().forEach(StreamTask::cancel);
            }
            return;
        }
        StreamTask task = event instanceof Finished f ? f.task() : event instanceof Failed f ? f.task()
                : ((Canceled) event).task();
        SubtaskId id = new SubtaskId(task.vertex().id(), task.subtask());
        SubtaskRun run = runs.get(id);
        run.running = false;
        running.remove(id);
        freeSlots++;
        if (event instanceof Finished finished) {
            run.finishedAttempt = task.spec().attempt();
            try {
                accumulators.add(finished.accumulators());
            } catch (Throwable t) {
                failJob(task, AccumulatorMerger.failure(graph.jobName(), task, t));
                return;
            }
            deployment.discardOtherAttempts(id, run.finishedAttempt);
        } else if (event instanceof Failed failed) {
            onFailure(task, id, run, failed.cause());
        }
    }

    private void onFailure(StreamTask task, SubtaskId id, SubtaskRun run, Throwable cause) {
        if (cancelling || failure != null || cause instanceof TaskCancelledException) {
            return;
        }
        if (!restartPolicy.mayRestart(run.restarts)) {
            // Failed (and the other tasks cancelled) before the log line, which allocates: on a heap that is still
            // full it may throw, and the job must fail with the task's error, not with that of the log line.
            failJob(task, cause);
            try {
                LOG.warn("Task '{}' failed and may not restart ({}): {}", task.name(), restartPolicy.describe(),
                        cause.toString());
            } catch (Throwable unlogged) {
                // Only a courtesy: the result carries the error.
            }
            return;
        }
        run.restarts++;
        run.notBeforeNanos = System.nanoTime() + restartPolicy.delay().toNanos();
        PartitionUnavailableException lost = findCause(cause, PartitionUnavailableException.class);
        if (lost != null) {
            SubtaskId producer = new SubtaskId(lost.producerVertex(), lost.producerSubtask());
            SubtaskRun producerRun = runs.get(producer);
            if (!producerRun.running) {
                LOG.warn("Task '{}' lost an input ({}); its producer reruns first", task.name(), lost.getMessage());
                deployment.discardAllAttempts(producer);
                producerRun.finishedAttempt = -1;
            }
        } else {
            LOG.warn("Task '{}' failed; it restarts alone (restart {}, {}): {}", task.name(), run.restarts,
                    restartPolicy.describe(), cause.toString());
        }
        deployment.prepareRetry(id);
    }

    /** Fails the job with {@code cause}, attributed to {@code task} unless it is a complete job failure already. */
    private void failJob(StreamTask task, Throwable cause) {
        failure = cause;
        failedTask = cause instanceof JobExecutionException ? null : task;
        status = JobStatus.FAILING;
        running.values().forEach(StreamTask::cancel);
    }

    private static <T extends Throwable> T findCause(Throwable t, Class<T> type) {
        for (Throwable c = t; c != null; c = c.getCause()) {
            if (type.isInstance(c)) {
                return type.cast(c);
            }
        }
        return null;
    }

    private void deleteWorkDirectories() {
        workDirectories.forEach(WorkDirectory::delete);
        ShutdownCleanup.unregister(shutdownCleanup);
    }

    private void complete(Duration runtime) {
        JobCompletion.complete(result, s -> status = s, graph, failure, failedTask, cancelling, runtime, accumulators,
                taskAttempts, () -> memory.describe(slots, Runtime.getRuntime().maxMemory()), lastResort);
    }

    // --------------------------------------------------------------------------------------- task threads

    @Override
    public void taskFinished(StreamTask task, Map<String, Accumulator<?, ?>> taskAccumulators) {
        events.add(new Finished(task, taskAccumulators));
    }

    @Override
    public void taskFailed(StreamTask task, Throwable cause) {
        events.add(new Failed(task, cause));
    }

    @Override
    public void taskCanceled(StreamTask task) {
        events.add(new Canceled(task));
    }
}
