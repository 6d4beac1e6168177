package io.weir.cli.testjobs;

import io.weir.api.common.JobClient;
import io.weir.api.config.Configuration;
import io.weir.api.dag.Pipeline;
import io.weir.api.dag.Transformation;
import io.weir.api.execution.PipelineExecutor;
import io.weir.api.execution.PipelineExecutorFactory;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Lets the command line's tests reach {@code execute()} without the runtime: it explains a pipeline as a JSON
 * list of operator names and refuses to run one.
 */
public final class ExplainOnlyExecutorFactory implements PipelineExecutorFactory {
    @Override
    public String name() {
        return "explain-only";
    }

    @Override
    public PipelineExecutor createExecutor(Configuration configuration) {
        return new PipelineExecutor() {
            @Override
            public JobClient executeAsync(Pipeline pipeline) {
                throw new UnsupportedOperationException("The explain-only test executor runs no jobs");
            }

            @Override
            public String explain(Pipeline pipeline) {
                Set<String> names = new LinkedHashSet<>();
                List<Transformation<?>> pending = new ArrayList<>(pipeline.sinks());
                while (!pending.isEmpty()) {
                    Transformation<?> t = pending.remove(0);
                    names.add(t.getName());
                    pending.addAll(t.getInputs());
                }
                return names.stream().map(n -> "\"" + n + "\"")
                        .collect(Collectors.joining(",", "{\"job\":\"" + pipeline.jobName() + "\",\"operators\":[", "]}"));
            }
        };
    }
}
