package io.weir.api.config;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Every option Weir reads, so that unknown keys under Weir's own prefixes can be reported as typos.
 * Runtime modules add theirs with {@link #register}.
 */
public final class KnownOptions {
    /** Keys under these prefixes belong to Weir: an unknown one is an error, never silently ignored. */
    public static final List<String> RESERVED_PREFIXES = List.of("execution.", "pipeline.", "parallelism.", "restart-strategy.", "io.");

    private static final Map<String, ConfigOption<?>> OPTIONS = new LinkedHashMap<>();

    static {
        register(ExecutionOptions.RUNTIME_MODE, ExecutionOptions.BUFFER_TIMEOUT, ExecutionOptions.BATCH_SIZE,
                ExecutionOptions.CHANNEL_CAPACITY, PipelineOptions.PARALLELISM, PipelineOptions.MAX_PARALLELISM,
                PipelineOptions.AUTO_WATERMARK_INTERVAL,
                PipelineOptions.NAME, ExecutionOptions.SLOTS, ExecutionOptions.SORT_MEMORY,
                ExecutionOptions.PARTITION_MEMORY, ExecutionOptions.BATCH_COMBINE, ExecutionOptions.COMBINE_MAX_KEYS,
                CoreOptions.TMP_DIRS, RestartStrategyOptions.TYPE, RestartStrategyOptions.ATTEMPTS,
                RestartStrategyOptions.DELAY);
    }

    private KnownOptions() {
    }

    public static synchronized void register(ConfigOption<?>... options) {
        for (ConfigOption<?> o : options) {
            OPTIONS.put(o.key(), o);
        }
    }

    public static synchronized List<ConfigOption<?>> all() {
        return Collections.unmodifiableList(new ArrayList<>(OPTIONS.values()));
    }

    public static synchronized ConfigOption<?> find(String key) {
        return OPTIONS.get(key);
    }
}
