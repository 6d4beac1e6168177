package io.weir.runtime.scheduler;

import io.weir.api.config.Configuration;
import io.weir.api.config.ExecutionOptions;
import io.weir.api.config.PipelineOptions;
import io.weir.api.dag.Partitioning;
import io.weir.api.functions.KeySelector;
import io.weir.runtime.exchange.PartitionWriter;
import io.weir.runtime.exchange.TaskInbox;
import io.weir.runtime.exchange.blocking.BlockingPartitionWriter;
import io.weir.runtime.exchange.blocking.ResultPartitionFiles;
import io.weir.runtime.graph.JobEdge;
import io.weir.runtime.graph.JobGraph;
import io.weir.runtime.graph.JobVertex;
import io.weir.runtime.graph.KeyedStateKind;
import io.weir.runtime.graph.SourceOperatorFactory;
import io.weir.runtime.operators.SharedSplitEnumerator;
import io.weir.runtime.serialization.RecordSerializer;
import io.weir.runtime.sink.PreparedCommittables;
import io.weir.runtime.task.BlockingTaskInput;
import io.weir.runtime.task.InputPartition;
import io.weir.runtime.task.SequentialTaskInput;
import io.weir.runtime.task.SortingTaskInput;
import io.weir.runtime.task.SourceTaskInput;
import io.weir.runtime.task.StreamTask;
import io.weir.runtime.task.TaskInput;
import io.weir.runtime.task.TaskListener;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Creates the task attempts of a BATCH job: each writes one blocking result partition per outgoing exchange
 * into its work directory (one of the job's {@link WorkDirectories}), and reads the finished partitions of its
 * producers (sorted by key for a keyed head). Partition files are named by task, exchange, subtask and
 * attempt, so that a retry never reads or overwrites what a failed attempt left.
 */
public final class BatchDeployment {
    private final JobGraph graph;
    private final WorkDirectories workDirectories;
    private final ClassLoader userClassLoader;
    private final TaskListener listener;
    private final PreparedCommittables committables;
    private final Configuration conf;
    private final long sortMemory;
    private final long partitionMemory;
    private final Map<Integer, SharedSplitEnumerator<?>> enumerators = new HashMap<>();

    /**
     * @param committables    collects what the job run's committing sinks prepare
     * @param sortMemory      bytes of sort memory per keyed task ({@code execution.sort.memory}, fitted to the heap)
     * @param partitionMemory bytes per result partition a subtask writes ({@code execution.batch.partition-memory},
     *                        fitted to the heap)
     */
    public BatchDeployment(JobGraph graph, WorkDirectories workDirectories, TaskListener listener,
                           PreparedCommittables committables, long sortMemory, long partitionMemory) {
        this.sortMemory = sortMemory;
        this.partitionMemory = partitionMemory;
        this.graph = graph;
        this.committables = committables;
        this.workDirectories = workDirectories;
        this.userClassLoader = graph.userClassLoader();
        this.listener = listener;
        this.conf = graph.configuration();
    }

    /** The partition file prefix of one producer subtask's attempt on one exchange. */
    Path partitionPrefix(JobEdge edge, int subtask, int attempt) {
        return workDirectories.of(edge.sourceVertex(), subtask).resolve("task" + edge.sourceVertex() + "-exchange"
                + edge.id() + "-subtask" + subtask + "-attempt" + attempt);
    }

    public StreamTask createTask(JobVertex v, int subtask, int attempt, Map<SubtaskId, Integer> finishedAttempts) {
        Map<JobEdge, PartitionWriter> writers = new LinkedHashMap<>();
        for (JobEdge edge : graph.outputsOf(v.id())) {
            int consumers = graph.vertex(edge.targetVertex()).parallelism();
            int[] targets = EdgeRouting.targetsOf(edge, subtask, v.parallelism(), consumers);
            try {
                writers.put(edge, new BlockingPartitionWriter(ResultPartitionFiles.at(partitionPrefix(edge, subtask, attempt)),
                        targets.length, EdgeRouting.selector(edge, subtask, targets.length, graph.maxParallelism()), new RecordSerializer(userClassLoader),
                        partitionMemory));
            } catch (IOException e) {
                writers.values().forEach(PartitionWriter::abort);
                throw new UncheckedIOException("Task '" + v.name() + "' could not create its result partition in "
                        + workDirectories.of(v.id(), subtask) + " (io.tmp.dirs): " + e.getMessage(), e);
            }
        }
        TaskInput input;
        SharedSplitEnumerator<?> splits = null;
        if (v.isSource()) {
            splits = enumerator(v);
            input = new SourceTaskInput(conf.get(PipelineOptions.AUTO_WATERMARK_INTERVAL));
        } else {
            List<List<InputPartition>> byInput = inputPartitions(v, subtask, finishedAttempts);
            String taskName = v.head().name() + " (" + (subtask + 1) + "/" + v.parallelism() + ")";
            if (v.head().keyedState() == KeyedStateKind.SINGLE_KEY_SORTED_INPUT) {
                input = new SortingTaskInput(byInput, v.head().keySelectors(), true, userClassLoader, sortMemory,
                        workDirectories.of(v.id(), subtask), taskName);
            } else if (v.head().hasGroupedInputs()) {
                // The inputs that are not keyed go first, as they would anyway (processingOrder), then the keyed one
                // grouped by key.
                List<KeySelector<?, ?>> grouped = v.head().groupedInputKeys();
                List<Integer> ungrouped = processingOrder(v).stream().filter(i -> grouped.get(i) == null).toList();
                input = new SequentialTaskInput(List.of(
                        new BlockingTaskInput(byInput, ungrouped, userClassLoader),
                        new SortingTaskInput(byInput, grouped, false, userClassLoader, sortMemory,
                                workDirectories.of(v.id(), subtask), taskName)));
            } else {
                input = new BlockingTaskInput(byInput, processingOrder(v), userClassLoader);
            }
        }
        return new StreamTask(new StreamTask.Spec(v, subtask, attempt, graph.jobName(), graph.maxParallelism(), conf,
                graph.processingClock(), committables),
                new TaskInbox(), input, splits, writers, listener);
    }

    /** For each input of the head, the partitions (one per connected producer subtask) this subtask reads. */
    private List<List<InputPartition>> inputPartitions(JobVertex v, int subtask, Map<SubtaskId, Integer> finished) {
        List<List<InputPartition>> byInput = new ArrayList<>();
        for (int i = 0; i < v.head().numberOfInputs(); i++) {
            byInput.add(new ArrayList<>());
        }
        for (JobEdge edge : graph.inputsOf(v.id())) {
            JobVertex producer = graph.vertex(edge.sourceVertex());
            for (int p = 0; p < producer.parallelism(); p++) {
                int[] targets = EdgeRouting.targetsOf(edge, p, producer.parallelism(), v.parallelism());
                for (int sub = 0; sub < targets.length; sub++) {
                    if (targets[sub] == subtask) {
                        int attempt = finished.get(new SubtaskId(producer.id(), p));
                        byInput.get(edge.targetInput()).add(new InputPartition(producer.id(), p,
                                producer.name(), partitionPrefix(edge, p, attempt), sub));
                    }
                }
            }
        }
        return byInput;
    }

    /**
     * DESIGN.md: an operator with several inputs reads its broadcast inputs completely first, then its regular
     * inputs, then its keyed (hash-partitioned) inputs; inputs of one kind in input order.
     */
    private List<Integer> processingOrder(JobVertex v) {
        List<Integer> broadcast = new ArrayList<>();
        List<Integer> regular = new ArrayList<>();
        List<Integer> keyed = new ArrayList<>();
        for (int i = 0; i < v.head().numberOfInputs(); i++) {
            int input = i;
            List<JobEdge> edges = graph.inputsOf(v.id()).stream().filter(e -> e.targetInput() == input).toList();
            if (edges.stream().allMatch(e -> e.partitioner() == Partitioning.Kind.BROADCAST)) {
                broadcast.add(i);
            } else if (edges.stream().allMatch(e -> e.partitioner() == Partitioning.Kind.HASH)) {
                keyed.add(i);
            } else {
                regular.add(i);
            }
        }
        List<Integer> order = new ArrayList<>(broadcast);
        order.addAll(regular);
        order.addAll(keyed);
        return order;
    }

    private SharedSplitEnumerator<?> enumerator(JobVertex v) {
        return enumerators.computeIfAbsent(v.id(), id -> {
            try {
                return ((SourceOperatorFactory<?, ?>) v.head().factory()).createEnumerator(v.parallelism());
            } catch (Throwable e) {
                throw new IllegalStateException("Source '" + v.head().name() + "' could not list its input: "
                        + e, e);
            }
        });
    }

    /** A subtask is about to be retried: a source re-reads the splits it was given. */
    public void prepareRetry(SubtaskId id) {
        SharedSplitEnumerator<?> splits = enumerators.get(id.vertex());
        if (splits != null) {
            splits.restartSubtask(id.subtask());
        }
    }

    /** Removes the partition files of every attempt of {@code id} except {@code keep}. */
    public void discardOtherAttempts(SubtaskId id, int keep) {
        deleteFiles(id, "-attempt" + keep + ".");
    }

    /** Removes every partition file of {@code id} (its output was lost; it reruns). */
    public void discardAllAttempts(SubtaskId id) {
        deleteFiles(id, null);
        prepareRetry(id);
    }

    private void deleteFiles(SubtaskId id, String keepMarker) {
        String prefix = "task" + id.vertex() + "-";
        String subtask = "-subtask" + id.subtask() + "-";
        Path directory = workDirectories.of(id.vertex(), id.subtask());
        try (DirectoryStream<Path> files = Files.newDirectoryStream(directory)) {
            for (Path f : files) {
                String name = f.getFileName().toString();
                if (name.startsWith(prefix) && name.contains(subtask) && (keepMarker == null || !name.contains(keepMarker))) {
                    Files.deleteIfExists(f);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Could not remove old result partitions in " + directory, e);
        }
    }
}
