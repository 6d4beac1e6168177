package io.weir.api.execution;

import io.weir.api.config.Configuration;

/**
 * Service interface: the runtime module registers one in {@code META-INF/services}. The API never names
 * a runtime class, so it can be compiled and used without one.
 */
public interface PipelineExecutorFactory {
    String name();

    PipelineExecutor createExecutor(Configuration configuration);
}
