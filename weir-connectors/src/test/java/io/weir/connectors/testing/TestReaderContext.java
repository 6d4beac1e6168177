package io.weir.connectors.testing;

import io.weir.api.config.Configuration;
import io.weir.api.connector.source.SourceReaderContext;

/** A reader's place in a job, as the runtime would give it. */
public record TestReaderContext(int subtask, int parallelism) implements SourceReaderContext {
    @Override
    public int getIndexOfSubtask() {
        return subtask;
    }

    @Override
    public int getParallelism() {
        return parallelism;
    }

    @Override
    public Configuration getConfiguration() {
        return new Configuration();
    }
}
