package io.weir.runtime.executor;

import io.weir.api.config.Configuration;
import io.weir.api.execution.PipelineExecutor;
import io.weir.api.execution.PipelineExecutorFactory;

/** Registered in {@code META-INF/services}: the embedded executor, Weir's default. */
public final class LocalExecutorFactory implements PipelineExecutorFactory {
    @Override
    public String name() {
        return "local";
    }

    @Override
    public PipelineExecutor createExecutor(Configuration configuration) {
        return new LocalExecutor();
    }
}
