package io.weir.runtime.translate;

import io.weir.api.common.RuntimeExecutionMode;
import io.weir.api.config.Configuration;
import io.weir.api.config.ConfigurationValidator;
import io.weir.api.config.ExecutionOptions;
import io.weir.api.config.PipelineOptions;
import io.weir.api.dag.Pipeline;
import io.weir.api.dag.SourceTransformation;
import io.weir.api.dag.Transformation;
import io.weir.runtime.graph.JobGraph;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Set;

/**
 * The one place that decides everything mode-dependent about a plan: the resolved mode, exchange kinds,
 * which operator implements each operation, and what is rejected at submission.
 */
public final class JobGraphTranslator {
    private static final Logger LOG = LoggerFactory.getLogger(JobGraphTranslator.class);

    private JobGraphTranslator() {
    }

    /**
     * Translates with the submitting thread's context class loader as the job's class loader (Weir's own when
     * there is none): {@code bin/weir run} makes the job jar's loader the context loader while the job's main runs.
     */
    public static JobGraph translate(Pipeline pipeline) {
        ClassLoader context = Thread.currentThread().getContextClassLoader();
        return translate(pipeline, context != null ? context : JobGraphTranslator.class.getClassLoader());
    }

    /**
     * Translates a job whose classes {@code userClassLoader} loads: every copy of user code the plan makes, and
     * every record it deserializes, goes through that loader.
     */
    public static JobGraph translate(Pipeline pipeline, ClassLoader userClassLoader) {
        Configuration configuration = pipeline.configuration();
        ConfigurationValidator.validate(configuration);
        SideOutputTypes.check(pipeline);
        OutputInsideInputCheck.check(pipeline, sourcesOf(pipeline));
        RuntimeExecutionMode mode = ExecutionModeResolver.resolve(configuration, sourcesOf(pipeline));
        LOG.info("Job '{}' runs in {} mode (execution.runtime-mode={})", pipeline.jobName(), mode,
                configuration.get(ExecutionOptions.RUNTIME_MODE));
        return switch (mode) {
            case STREAMING -> translateForStreaming(pipeline, userClassLoader);
            case BATCH -> translateForBatch(pipeline, userClassLoader);
            case AUTOMATIC -> throw new IllegalStateException("AUTOMATIC is resolved before translation");
        };
    }

    static JobGraph translateForStreaming(Pipeline pipeline, ClassLoader userClassLoader) {
        OperationTranslator translator = new OperationTranslator(userClassLoader);
        JobGraph graph = build(pipeline, RuntimeExecutionMode.STREAMING, new StreamingChoices(translator), translator,
                userClassLoader);
        checkStreamingSlots(graph);
        return graph;
    }

    /**
     * STREAMING runs every task at once; subtasks with the same index share a slot, so the job needs as many
     * slots as its highest parallelism. Unset ({@code -1}) means: as many as needed.
     */
    private static void checkStreamingSlots(JobGraph graph) {
        int slots = graph.configuration().get(ExecutionOptions.SLOTS);
        int needed = graph.vertices().stream().mapToInt(v -> v.parallelism()).max().orElse(0);
        if (slots > 0 && slots < needed) {
            String origin = graph.configuration().originOf(ExecutionOptions.SLOTS.key());
            throw new io.weir.api.config.IllegalConfigurationException("Job '" + graph.jobName() + "' runs in STREAMING "
                    + "mode, where every task runs at once, and needs " + needed + " slots (its highest parallelism), "
                    + "but execution.slots=" + slots + " (set in " + origin + "). Raise execution.slots, lower the "
                    + "parallelism, or run a bounded job in BATCH mode, which runs within any number of slots.");
        }
    }

    static JobGraph translateForBatch(Pipeline pipeline, ClassLoader userClassLoader) {
        Configuration configuration = pipeline.configuration();
        BatchValidator.validate(pipeline, sourcesOf(pipeline), originOf(configuration));
        boolean combine = configuration.get(ExecutionOptions.BATCH_COMBINE);
        LOG.debug("BATCH plan of '{}': blocking exchanges, keyed inputs sorted by key, single-key state, "
                + "rolling aggregations emit final values{}", pipeline.jobName(),
                combine ? ", combiners before their shuffles" : "");
        OperationTranslator translator = new OperationTranslator(userClassLoader);
        return build(pipeline, RuntimeExecutionMode.BATCH,
                new BatchChoices(combine, configuration.get(ExecutionOptions.COMBINE_MAX_KEYS), translator), translator,
                userClassLoader);
    }

    private static JobGraph build(Pipeline pipeline, RuntimeExecutionMode mode, ModeChoices choices,
                                  OperationTranslator translator, ClassLoader userClassLoader) {
        Configuration configuration = pipeline.configuration();
        int maxParallelism = maxParallelism(configuration);
        StreamGraphBuilder builder = new StreamGraphBuilder(defaultParallelism(configuration), maxParallelism, choices,
                translator);
        return Chainer.chain(pipeline.jobName(), mode, maxParallelism, builder.build(pipeline.sinks()),
                choices.exchangeKind(), configuration, choices.processingClock(), userClassLoader);
    }

    static String originOf(Configuration configuration) {
        String origin = configuration.originOf(ExecutionOptions.RUNTIME_MODE.key());
        return origin == null ? "defaults" : origin;
    }

    /** The option's range (checked on read) leaves a positive number or -1, the number of cores. */
    static int defaultParallelism(Configuration configuration) {
        int p = configuration.get(PipelineOptions.PARALLELISM);
        return p > 0 ? p : Runtime.getRuntime().availableProcessors();
    }

    /** Within 1..32768: the option's range is checked on read. */
    static int maxParallelism(Configuration configuration) {
        return configuration.get(PipelineOptions.MAX_PARALLELISM);
    }

    static List<SourceTransformation<?>> sourcesOf(Pipeline pipeline) {
        Set<Transformation<?>> seen = Collections.newSetFromMap(new IdentityHashMap<>());
        List<SourceTransformation<?>> sources = new ArrayList<>();
        List<Transformation<?>> stack = new ArrayList<>(pipeline.sinks());
        while (!stack.isEmpty()) {
            Transformation<?> t = stack.remove(stack.size() - 1);
            if (seen.add(t)) {
                if (t instanceof SourceTransformation<?> s) {
                    sources.add(s);
                }
                stack.addAll(t.getInputs());
            }
        }
        return sources;
    }
}
