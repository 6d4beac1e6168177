package io.weir.api.execution;

import io.weir.api.common.JobClient;
import io.weir.api.dag.Pipeline;

/** Runs pipelines. Found through {@link PipelineExecutorFactory} and {@link java.util.ServiceLoader}. */
public interface PipelineExecutor {
    /** Validates and starts the job; submission errors (bad settings, BATCH with unbounded sources) throw here. */
    JobClient executeAsync(Pipeline pipeline) throws Exception;

    /** The execution plan as JSON: tasks, chained operators, parallelism, exchanges. */
    String explain(Pipeline pipeline);
}
