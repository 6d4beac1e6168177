package io.weir.runtime.translate;

import io.weir.api.common.RuntimeExecutionMode;
import io.weir.api.config.Configuration;
import io.weir.api.config.ExecutionOptions;
import io.weir.api.connector.source.Boundedness;
import io.weir.api.dag.SourceTransformation;

import java.util.List;

/** Resolves {@code execution.runtime-mode} for a job: AUTOMATIC becomes BATCH iff every source is bounded. */
final class ExecutionModeResolver {
    private ExecutionModeResolver() {
    }

    static RuntimeExecutionMode resolve(Configuration configuration, List<SourceTransformation<?>> sources) {
        RuntimeExecutionMode configured = configuration.get(ExecutionOptions.RUNTIME_MODE);
        if (configured != RuntimeExecutionMode.AUTOMATIC) {
            return configured;
        }
        boolean bounded = sources.stream().allMatch(s -> s.getSource().getBoundedness() == Boundedness.BOUNDED);
        return bounded ? RuntimeExecutionMode.BATCH : RuntimeExecutionMode.STREAMING;
    }
}
