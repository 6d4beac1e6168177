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
import io.weir.runtime.task.PartitionUnavailableException;
import io.weir.runtime.task.StreamTask;
import io.weir.runtime.task.TaskCancelledException;
import io.weir.runtime.task.TaskListener;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;

/**
 * Runs a BATCH job stage by stage: a subtask starts once every subtask of the tasks feeding it has finished
 * (its inputs are complete on disk), and at most {@code execution.slots} subtasks run at once. A failed
 * subtask is retried alone, re-reading its inputs; if an input partition is lost or corrupt, its producer
 * reruns first. The work directory is removed when the job ends, whatever the outcome.
 *
 * <p>Threading: all scheduling state is owned by the job thread ({@link #schedule}); task threads only put
 * events into {@link #events}; any thread may call {@link #cancel()}.
 */
final class BatchJobRun implements JobExecution, TaskListener {
    private static final Logger LOG = LoggerFactory.getLogger(BatchJobRun.class);

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
    private final LinkedBlockingQueue<Event> events = new LinkedBlockingQueue<>();
    private final CompletableFuture<JobExecutionResult> result = new CompletableFuture<>();
    private final AccumulatorMerger accumulators = new AccumulatorMerger();
    private final Map<SubtaskId, SubtaskRun> runs = new HashMap<>();
    private final List<Thread> threads = new ArrayList<>();
    private final Map<SubtaskId, StreamTask> running = new HashMap<>();
    private volatile JobStatus status = JobStatus.CREATED;
    private BatchDeployment deployment;
    private Path workDirectory;
    private int freeSlots;
    private int taskAttempts;
    private boolean cancelling;
    private Throwable failure;
    private StreamTask failedTask;

    BatchJobRun(JobGraph graph) {
        this.graph = graph;
        this.restartPolicy = new RestartPolicy(graph.configuration());
        int configured = graph.configuration().get(ExecutionOptions.SLOTS);
        this.slots = configured > 0 ? configured : Runtime.getRuntime().availableProcessors();
        for (JobVertex v : graph.vertices()) {
            for (int s = 0; s < v.parallelism(); s++) {
                runs.put(new SubtaskId(v.id(), s), new SubtaskRun());
            }
        }
    }

    void start() {
        status = JobStatus.RUNNING;
        Thread job = new Thread(this::schedule, "weir-job " + graph.jobName());
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
        events.add(new CancelRequest());
    }

    // --------------------------------------------------------------------------------------- the job thread

    private void schedule() {
        long start = System.nanoTime();
        try {
            workDirectory = createWorkDirectory();
            deployment = new BatchDeployment(graph, workDirectory, this);
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
            JobCompletion.joinAll(threads);
            deleteWorkDirectory();
            complete(Duration.ofNanos(System.nanoTime() - start));
        }
    }

    private Path createWorkDirectory() throws JobExecutionException {
        String base = graph.configuration().get(CoreOptions.TMP_DIRS);
        String prefix = "weir-" + fileNameSafe(graph.jobName()) + "-";
        try {
            Path parent = Files.createDirectories(Path.of(base));
            while (true) {
                // Not UUID.randomUUID(): its SecureRandom costs a trivial job's start about 10 ms. The name only
                // has to be new, which createDirectory checks atomically (64 random bits make a clash rare).
                try {
                    return Files.createDirectory(parent.resolve(prefix
                            + Long.toHexString(ThreadLocalRandom.current().nextLong())));
                } catch (FileAlreadyExistsException taken) {
                    // another job chose the same name: draw again
                }
            }
        } catch (IOException | RuntimeException e) {
            String origin = graph.configuration().originOf(CoreOptions.TMP_DIRS.key());
            throw new JobExecutionException(graph.jobName(), "Job '" + graph.jobName() + "' could not create its work "
                    + "directory in '" + base + "' (" + CoreOptions.TMP_DIRS.key() + ", "
                    + (origin == null ? "default" : "set in " + origin) + "): " + e
                    + ". Point io.tmp.dirs to a writable directory with free space.", e);
        }
    }

    /** Letters, digits, '_' and '-' as they are, anything else as '_' (no regex: it costs a job's start). */
    static String fileNameSafe(String name) {
        StringBuilder safe = new StringBuilder(name.length());
        for (int i = 0; i < name.length(); i++) {
            char c = name.charAt(i);
            boolean plain = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_'
                    || c == '-';
            safe.append(plain ? c : '_');
        }
        return safe.toString();
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
        Thread t = new Thread(task, "weir-task " + task.name());
        t.setContextClassLoader(graph.userClassLoader());
        t.setDaemon(true);
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
            accumulators.add(finished.accumulators());
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
            failure = cause;
            failedTask = task;
            status = JobStatus.FAILING;
            LOG.warn("Task '{}' failed and may not restart ({}): {}", task.name(), restartPolicy.describe(),
                    cause.toString());
            running.values().forEach(StreamTask::cancel);
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

    private static <T extends Throwable> T findCause(Throwable t, Class<T> type) {
        for (Throwable c = t; c != null; c = c.getCause()) {
            if (type.isInstance(c)) {
                return type.cast(c);
            }
        }
        return null;
    }

    private void deleteWorkDirectory() {
        if (workDirectory == null) {
            return;
        }
        try (var paths = Files.walk(workDirectory)) {
            paths.sorted(java.util.Comparator.reverseOrder()).forEach(p -> {
                try {
                    Files.deleteIfExists(p);
                } catch (IOException e) {
                    LOG.warn("Could not delete {}: {}", p, e.toString());
                }
            });
        } catch (IOException e) {
            LOG.warn("Could not clean up the work directory {}: {}", workDirectory, e.toString());
        }
    }

    private void complete(Duration runtime) {
        JobCompletion.complete(result, s -> status = s, graph, failure, failedTask, cancelling, runtime, accumulators,
                taskAttempts);
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
