package io.weir.api.connector.source;

import io.weir.api.config.Configuration;

/** What a reader knows of its place in the job. */
public interface SourceReaderContext {
    int getIndexOfSubtask();

    int getParallelism();

    Configuration getConfiguration();
}
