package io.weir.api.environment;

import io.weir.api.common.CloseableIterator;
import io.weir.api.common.JobClient;
import io.weir.api.common.JobExecutionException;
import io.weir.api.common.JobExecutionResult;
import io.weir.api.common.RuntimeExecutionMode;
import io.weir.api.config.ConfigurationValidator;
import io.weir.api.config.Configuration;
import io.weir.api.config.ExecutionOptions;
import io.weir.api.config.PipelineOptions;
import io.weir.api.connector.source.Source;
import io.weir.api.connector.source.lib.CollectionSource;
import io.weir.api.connector.source.lib.NumberSequenceSource;
import io.weir.api.dag.Pipeline;
import io.weir.api.dag.SinkTransformation;
import io.weir.api.dag.SourceTransformation;
import io.weir.api.datastream.DataStreamSource;
import io.weir.api.eventtime.WatermarkStrategy;
import io.weir.api.execution.PipelineExecutor;
import io.weir.api.execution.PipelineExecutorFactory;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.ServiceLoader;
import java.util.concurrent.ExecutionException;

/**
 * Where a job starts: create sources, build the graph with the stream methods, then {@link #execute()}.
 *
 * <p>Settings come, lowest precedence first, from {@code conf/config.yaml}, {@code bin/weir run -D...}, the
 * {@link Configuration} passed to {@link #getExecutionEnvironment(Configuration)}, and the setters here.
 * Not thread-safe: build a job on one thread.
 */
public class StreamExecutionEnvironment {
    private final Configuration configuration;
    private final List<SinkTransformation<?>> sinks = new ArrayList<>();

    protected StreamExecutionEnvironment(Configuration configuration) {
        ConfigurationValidator.validate(configuration);
        this.configuration = configuration;
    }

    /** An environment with the launcher's settings (if any). */
    public static StreamExecutionEnvironment getExecutionEnvironment() {
        return new StreamExecutionEnvironment(EnvironmentContext.configuration());
    }

    /** An environment with the launcher's settings overridden by {@code configuration}. */
    public static StreamExecutionEnvironment getExecutionEnvironment(Configuration configuration) {
        return new StreamExecutionEnvironment(EnvironmentContext.configuration().addAll(configuration));
    }

    /** The same as {@link #getExecutionEnvironment(Configuration)}: everything runs embedded. */
    public static StreamExecutionEnvironment createLocalEnvironment(Configuration configuration) {
        return getExecutionEnvironment(configuration);
    }

    public StreamExecutionEnvironment setParallelism(int parallelism) {
        if (parallelism < 1) {
            throw new IllegalArgumentException("Parallelism must be at least 1, was " + parallelism);
        }
        configuration.set(PipelineOptions.PARALLELISM, parallelism);
        return this;
    }

    /** The default parallelism: {@code parallelism.default}, or the number of cores if unset. */
    public int getParallelism() {
        int p = configuration.get(PipelineOptions.PARALLELISM);
        return p > 0 ? p : Runtime.getRuntime().availableProcessors();
    }

    public StreamExecutionEnvironment setMaxParallelism(int maxParallelism) {
        configuration.set(PipelineOptions.MAX_PARALLELISM, maxParallelism);
        return this;
    }

    public StreamExecutionEnvironment setRuntimeMode(RuntimeExecutionMode mode) {
        configuration.set(ExecutionOptions.RUNTIME_MODE, mode);
        return this;
    }

    public StreamExecutionEnvironment setBufferTimeout(long millis) {
        configuration.set(ExecutionOptions.BUFFER_TIMEOUT, java.time.Duration.ofMillis(millis));
        return this;
    }

    /** The live settings of this environment; changes apply to jobs executed afterwards. */
    public Configuration getConfiguration() {
        return configuration;
    }

    /** Changes settings after creation; validated like the initial ones. */
    public void configure(Configuration more) {
        Configuration merged = new Configuration(configuration).addAll(more);
        ConfigurationValidator.validate(merged);
        configuration.addAll(more);
    }

    // ----------------------------------------------------------------------------------------------- sources

    @SafeVarargs
    public final <T> DataStreamSource<T> fromElements(T... elements) {
        return fromCollection(Arrays.asList(elements));
    }

    /** A non-parallel bounded source over the elements, in order. */
    public <T> DataStreamSource<T> fromCollection(Collection<T> elements) {
        if (elements.isEmpty()) {
            throw new IllegalArgumentException("fromCollection/fromElements needs at least one element");
        }
        for (T e : elements) {
            if (e == null) {
                throw new IllegalArgumentException("fromCollection/fromElements: elements must not be null");
            }
        }
        DataStreamSource<T> source = fromSource(new CollectionSource<>(new ArrayList<>(elements)),
                WatermarkStrategy.noWatermarks(), "Collection Source");
        source.getTransformation().fixParallelism(1);
        source.getTransformation().setOutputType(elementType(elements));
        return source;
    }

    /** The elements' common type, known to checks made while the job is built; null when they differ. */
    @SuppressWarnings("unchecked")
    private static <T> io.weir.api.common.typeinfo.TypeInformation<T> elementType(Collection<T> elements) {
        return (io.weir.api.common.typeinfo.TypeInformation<T>) io.weir.api.typeutils.TypeExtractor.forValues(elements);
    }

    /** The longs {@code from..to} inclusive, read in parallel. */
    public DataStreamSource<Long> fromSequence(long from, long to) {
        return fromSource(new NumberSequenceSource(from, to), WatermarkStrategy.noWatermarks(), "Sequence Source");
    }

    public <T> DataStreamSource<T> fromSource(Source<T, ?> source, WatermarkStrategy<T> watermarkStrategy, String name) {
        if (source == null || watermarkStrategy == null) {
            throw new IllegalArgumentException("fromSource needs a source and a watermark strategy "
                    + "(WatermarkStrategy.noWatermarks() if the job does not use event time)");
        }
        return new DataStreamSource<>(this, new SourceTransformation<>(name, source, watermarkStrategy,
                io.weir.api.dag.Transformation.DEFAULT_PARALLELISM));
    }

    // ----------------------------------------------------------------------------------------------- execution

    /** Called by sinks: registers a leaf of the graph. Not for user code. */
    public void addSink(SinkTransformation<?> sink) {
        sinks.add(sink);
    }

    /** Runs the job built so far and waits for it; the graph is cleared afterwards. */
    public JobExecutionResult execute() throws Exception {
        return execute(defaultJobName());
    }

    public JobExecutionResult execute(String jobName) throws Exception {
        JobClient client = submit(jobName);
        try {
            return client.getJobExecutionResult().get();
        } catch (InterruptedException e) {
            client.cancel();
            Thread.currentThread().interrupt();
            throw e;
        } catch (ExecutionException e) {
            if (e.getCause() instanceof JobExecutionException jee) {
                throw jee;
            }
            throw new JobExecutionException(jobName, "Job '" + jobName + "' failed: " + e.getCause(), e.getCause());
        }
    }

    public JobClient executeAsync() throws Exception {
        return executeAsync(defaultJobName());
    }

    /**
     * Starts the job built so far and returns at once. Under {@code bin/weir run}, a job still running when
     * {@code main} returns is waited for, and its failure fails the command.
     */
    public JobClient executeAsync(String jobName) throws Exception {
        JobClient client = submit(jobName);
        EnvironmentContext.asyncJobStarted(client);
        return client;
    }

    private JobClient submit(String jobName) throws Exception {
        Pipeline pipeline = takePipeline(jobName);
        if (EnvironmentContext.isPlanOnly()) {
            throw new PlanOnlyException(executor().explain(pipeline));
        }
        return executor().executeAsync(pipeline);
    }

    /** The plan of the job built so far, as JSON (tasks, chained operators, parallelism, exchanges); runs nothing. */
    public String getExecutionPlan() {
        return executor().explain(new Pipeline(defaultJobName(), sinks, configuration));
    }

    /** Runs the job with an extra sink that hands records to the iterator. For tests and small jobs. */
    public <T> CloseableIterator<T> collectAsync(io.weir.api.datastream.DataStream<T> stream, String jobName)
            throws Exception {
        return new CollectingIterator<>(stream, this, jobName);
    }

    Pipeline takePipeline(String jobName) {
        if (sinks.isEmpty()) {
            throw new IllegalStateException("The job has no sink, so it would compute nothing: add print(), "
                    + "sinkTo(...) or use executeAndCollect() before execute()");
        }
        Pipeline pipeline = new Pipeline(jobName, sinks, configuration);
        sinks.clear();
        return pipeline;
    }

    private String defaultJobName() {
        return configuration.getOptional(PipelineOptions.NAME).orElse("Weir Streaming Job");
    }

    private PipelineExecutor executor() {
        for (PipelineExecutorFactory factory : ServiceLoader.load(PipelineExecutorFactory.class,
                StreamExecutionEnvironment.class.getClassLoader())) {
            return factory.createExecutor(configuration);
        }
        throw new IllegalStateException("No Weir executor on the class path: add the weir-runtime module "
                + "(io.weir:weir-runtime) as a dependency of the job; the distribution's lib/ holds it");
    }
}
