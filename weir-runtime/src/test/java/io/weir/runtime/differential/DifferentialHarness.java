package io.weir.runtime.differential;

import io.weir.api.common.CloseableIterator;
import io.weir.api.common.RuntimeExecutionMode;
import io.weir.api.config.Configuration;
import io.weir.api.config.ExecutionOptions;
import io.weir.api.datastream.DataStream;
import io.weir.api.environment.StreamExecutionEnvironment;

import java.util.ArrayList;
import java.util.List;

/**
 * Runs the same job twice, once in STREAMING and once in BATCH, at one parallelism, and collects each run's
 * output with {@code executeAndCollect()}. The job is a function building the pipeline on a fresh environment,
 * so both runs build it from the same (seeded) input; {@link ModeOutputs} compares what they emitted.
 *
 * <p>A failing run fails the comparison with the job's error and the context (job, input, parallelism,
 * settings), so a crash in one mode reads as clearly as a difference.
 *
 * <p>Writing a job for the suite: its compared output must not depend on what parallel execution leaves open.
 * With several producers, the order in which a key's records arrive differs between runs and modes, so a job
 * either aggregates order-insensitively (counts, sums, sorted contents, maxima), makes the fields an aggregation
 * does not fold a function of the key (see {@link Aggregation}), or reads a parallelism-1 source
 * ({@link InputSpec#sequentialSource}) and keeps each key's records on one path. A stage after a rolling
 * aggregation sees every update in STREAMING but only final values in BATCH: send retractions, or aggregate
 * idempotently. Each test also checks an oracle computed from the same {@link InputSpec}, so a fault that both
 * modes share is caught too.
 *
 * <p>The suite: {@link StatelessJobsITCase}, {@link RollingAggregationsITCase}, {@link KeyedStateJobsITCase},
 * {@link ConnectedStreamsITCase}, {@link MultiStageJobsITCase}, {@link TopologiesITCase}, {@link KeyTypesITCase},
 * {@link ValuesAndTimestampsITCase}, {@link EventTimeJobsITCase}, {@link JoinsITCase}, and the mode-specific
 * rules in {@link BatchRulesITCase} and {@link FailureRecoveryITCase}.
 */
final class DifferentialHarness {
    static final String PARALLELISMS = "1, 2, 4";

    private DifferentialHarness() {
    }

    /** Builds the pipeline whose output is compared; called once per mode, on a fresh environment. */
    @FunctionalInterface
    interface Job<T> {
        DataStream<T> build(StreamExecutionEnvironment env);
    }

    /**
     * @param description names the job and its input (with the seed); repeated in every assertion message
     */
    static <T> ModeOutputs<T> runInBothModes(String description, int parallelism, Settings settings, Job<T> job) {
        String context = description + " [parallelism " + parallelism + ", settings " + settings + "]";
        List<T> streaming = run(RuntimeExecutionMode.STREAMING, parallelism, settings.forStreaming(), context, job);
        List<T> batch = run(RuntimeExecutionMode.BATCH, parallelism, settings.forBatch(), context, job);
        return new ModeOutputs<>(context, streaming, batch);
    }

    static <T> ModeOutputs<T> runInBothModes(String description, int parallelism, Job<T> job) {
        return runInBothModes(description, parallelism, Settings.defaults(), job);
    }

    /** One run in {@code mode}; its whole output in arrival order. */
    static <T> List<T> run(RuntimeExecutionMode mode, int parallelism, Configuration configuration, String context,
                           Job<T> job) {
        configuration.set(ExecutionOptions.RUNTIME_MODE, mode);
        StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment(configuration);
        env.setParallelism(parallelism);
        List<T> out = new ArrayList<>();
        try (CloseableIterator<T> it = job.build(env).executeAndCollect("differential " + mode)) {
            while (it.hasNext()) {
                out.add(it.next());
            }
        } catch (Exception e) {
            throw new AssertionError(context + ": the " + mode + " run failed: " + e, e);
        }
        return out;
    }
}
