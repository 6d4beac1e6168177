package io.weir.runtime.scheduler;

import io.weir.api.common.JobExecutionException;
import io.weir.api.config.Configuration;
import io.weir.api.config.ExecutionOptions;
import io.weir.runtime.exchange.InputGate;
import io.weir.runtime.exchange.PartitionWriter;
import io.weir.runtime.exchange.PipelinedChannel;
import io.weir.runtime.exchange.PipelinedPartitionWriter;
import io.weir.runtime.exchange.TaskInbox;
import io.weir.runtime.graph.JobEdge;
import io.weir.runtime.graph.JobGraph;
import io.weir.runtime.graph.JobVertex;
import io.weir.runtime.graph.SourceOperatorFactory;
import io.weir.runtime.operators.SharedSplitEnumerator;
import io.weir.runtime.sink.PreparedCommittables;
import io.weir.api.config.PipelineOptions;
import io.weir.runtime.task.PipelinedTaskInput;
import io.weir.runtime.task.SourceTaskInput;
import io.weir.runtime.task.StreamTask;
import io.weir.runtime.task.TaskInput;
import io.weir.runtime.task.TaskListener;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Semaphore;

/**
 * Wires a STREAMING job: an inbox per subtask, a pipelined channel (with its credits) per producer/consumer
 * pair of every exchange, and one {@link StreamTask} per subtask.
 *
 * <pre>
 *  producer subtask p --PipelinedPartitionWriter--> channel(c, credits) --> inbox of consumer subtask c
 * </pre>
 * All-to-all edges connect every producer to every consumer; forward and rescale connect each producer to a
 * contiguous subset.
 */
public final class Deployment {
    private Deployment() {
    }

    /** {@code committables} collects what the job run's committing sinks prepare. */
    public static List<StreamTask> deployStreaming(JobGraph graph, TaskListener listener, int attempt,
                                                   PreparedCommittables committables) throws Exception {
        Configuration conf = graph.configuration();
        int capacity = positive(conf.get(ExecutionOptions.CHANNEL_CAPACITY), ExecutionOptions.CHANNEL_CAPACITY.key(), conf);
        int batchSize = positive(conf.get(ExecutionOptions.BATCH_SIZE), ExecutionOptions.BATCH_SIZE.key(), conf);
        Map<Integer, TaskInbox[]> inboxes = new HashMap<>();
        for (JobVertex v : graph.vertices()) {
            TaskInbox[] boxes = new TaskInbox[v.parallelism()];
            for (int i = 0; i < boxes.length; i++) {
                boxes[i] = new TaskInbox();
            }
            inboxes.put(v.id(), boxes);
        }
        // Consumer side: channel numbering and credits per consumer subtask.
        Map<Integer, List<int[]>> inputOfChannel = new HashMap<>();
        Map<Integer, List<Semaphore>[]> credits = new HashMap<>();
        // Producer side: per edge and producer subtask, its channels in consumer-subtask order.
        Map<JobEdge, PipelinedChannel[][]> channels = new LinkedHashMap<>();
        for (JobVertex consumer : graph.vertices()) {
            @SuppressWarnings("unchecked")
            List<Semaphore>[] perSubtask = new List[consumer.parallelism()];
            List<List<Integer>> inputs = new ArrayList<>();
            for (int c = 0; c < consumer.parallelism(); c++) {
                perSubtask[c] = new ArrayList<>();
                inputs.add(new ArrayList<>());
            }
            for (JobEdge edge : graph.inputsOf(consumer.id())) {
                int producers = graph.vertex(edge.sourceVertex()).parallelism();
                int consumers = consumer.parallelism();
                PipelinedChannel[][] byProducer = new PipelinedChannel[producers][];
                for (int p = 0; p < producers; p++) {
                    int[] targets = EdgeRouting.targetsOf(edge, p, producers, consumers);
                    byProducer[p] = new PipelinedChannel[targets.length];
                    for (int t = 0; t < targets.length; t++) {
                        int c = targets[t];
                        Semaphore semaphore = new Semaphore(capacity);
                        int channelIndex = perSubtask[c].size();
                        perSubtask[c].add(semaphore);
                        inputs.get(c).add(edge.targetInput());
                        byProducer[p][t] = new PipelinedChannel(channelIndex, inboxes.get(consumer.id())[c], semaphore);
                    }
                }
                channels.put(edge, byProducer);
            }
            credits.put(consumer.id(), perSubtask);
            List<int[]> asArrays = new ArrayList<>();
            for (List<Integer> in : inputs) {
                asArrays.add(in.stream().mapToInt(Integer::intValue).toArray());
            }
            inputOfChannel.put(consumer.id(), asArrays);
        }
        List<StreamTask> tasks = new ArrayList<>();
        for (JobVertex v : graph.vertices()) {
            SharedSplitEnumerator<?> splits = v.isSource() ? enumerator(graph, v) : null;
            for (int s = 0; s < v.parallelism(); s++) {
                Map<JobEdge, PartitionWriter> writers = new LinkedHashMap<>();
                for (JobEdge edge : graph.outputsOf(v.id())) {
                    PipelinedChannel[] out = channels.get(edge)[s];
                    writers.put(edge, new PipelinedPartitionWriter(out,
                            EdgeRouting.selector(edge, s, out.length, graph.maxParallelism()), batchSize));
                }
                TaskInput input;
                if (v.isSource()) {
                    input = new SourceTaskInput(conf.get(PipelineOptions.AUTO_WATERMARK_INTERVAL));
                } else {
                    List<Semaphore> sems = credits.get(v.id())[s];
                    InputGate gate = new InputGate(inputOfChannel.get(v.id()).get(s), sems.toArray(new Semaphore[0]),
                            v.head().numberOfInputs());
                    if (gate.numberOfChannels() == 0) {
                        throw new IllegalStateException("Task '" + v.name() + "' has no input channels");
                    }
                    input = new PipelinedTaskInput(gate);
                }
                tasks.add(new StreamTask(new StreamTask.Spec(v, s, attempt, graph.jobName(), graph.maxParallelism(),
                        conf, graph.processingClock(), committables), inboxes.get(v.id())[s], input, splits, writers, listener));
            }
        }
        return tasks;
    }

    private static SharedSplitEnumerator<?> enumerator(JobGraph graph, JobVertex v) throws JobExecutionException {
        try {
            return ((SourceOperatorFactory<?, ?>) v.head().factory()).createEnumerator(v.parallelism());
        } catch (Throwable e) {
            throw new JobExecutionException(graph.jobName(), "Job '" + graph.jobName() + "' could not start: source '"
                    + v.head().name() + "' could not list its input: " + e, e);
        }
    }

    private static int positive(int value, String key, Configuration conf) {
        if (value < 1) {
            throw new io.weir.api.config.IllegalConfigurationException("Invalid value '" + value + "' for '" + key
                    + "' (set in " + conf.originOf(key) + "): expected a positive number");
        }
        return value;
    }

}
