package io.weir.runtime.translate;

import io.weir.api.config.ExecutionOptions;
import io.weir.api.connector.source.Boundedness;
import io.weir.api.dag.Pipeline;
import io.weir.api.dag.SourceTransformation;

import java.util.List;

/**
 * Rejects, at submission and before anything runs, what BATCH cannot honour: unbounded sources, for now.
 * (Iterations and checkpoint-driven sinks do not exist in the API yet; they are to be rejected here.)
 */
final class BatchValidator {
    private BatchValidator() {
    }

    static void validate(Pipeline pipeline, List<SourceTransformation<?>> sources, String modeOrigin) {
        for (SourceTransformation<?> source : sources) {
            if (source.getSource().getBoundedness() != Boundedness.BOUNDED) {
                throw new UnsupportedOperationException("Job '" + pipeline.jobName() + "' cannot run in BATCH mode: "
                        + "source '" + source.getName() + "' is unbounded (" + source.getSource().getBoundedness()
                        + "). BATCH needs every source to be bounded; " + ExecutionOptions.RUNTIME_MODE.key()
                        + "=" + pipeline.configuration().get(ExecutionOptions.RUNTIME_MODE) + " was set in " + modeOrigin
                        + ". Use STREAMING (or AUTOMATIC, which picks STREAMING for unbounded jobs).");
            }
        }
    }
}
