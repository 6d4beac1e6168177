package io.weir.runtime.executor;

import io.weir.api.common.JobClient;
import io.weir.api.dag.Pipeline;
import io.weir.api.execution.PipelineExecutor;
import io.weir.runtime.graph.JobGraph;
import io.weir.runtime.graph.PlanPrinter;
import io.weir.runtime.translate.JobGraphTranslator;

/** Runs jobs embedded in this JVM: translate, deploy every task, start. */
public final class LocalExecutor implements PipelineExecutor {

    @Override
    public JobClient executeAsync(Pipeline pipeline) throws Exception {
        JobGraph graph = JobGraphTranslator.translate(pipeline);
        if (graph.mode() == io.weir.api.common.RuntimeExecutionMode.BATCH) {
            BatchJobRun run = new BatchJobRun(graph);
            run.start();
            return new LocalJobClient(pipeline.jobName(), run);
        }
        StreamingJobRun run = new StreamingJobRun(graph);
        run.start();
        return new LocalJobClient(pipeline.jobName(), run);
    }

    @Override
    public String explain(Pipeline pipeline) {
        return PlanPrinter.toJson(JobGraphTranslator.translate(pipeline));
    }
}
