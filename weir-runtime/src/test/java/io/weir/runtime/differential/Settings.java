package io.weir.runtime.differential;

import io.weir.api.config.Configuration;

import java.util.Map;
import java.util.TreeMap;

/**
 * Settings for one comparison: those for both modes, and those only the BATCH run gets (such as
 * {@code execution.slots = 1}, which a STREAMING job with a higher parallelism could not run with).
 * Printed in assertion messages.
 */
final class Settings {
    private static final String ORIGIN = "differential test";
    private final Map<String, String> both;
    private final Map<String, String> batchOnly;

    private Settings(Map<String, String> both, Map<String, String> batchOnly) {
        this.both = both;
        this.batchOnly = batchOnly;
    }

    static Settings defaults() {
        return new Settings(new TreeMap<>(), new TreeMap<>());
    }

    /**
     * Small enough that moderate inputs spill their sorts and partitions, and combiners flush every 100 keys:
     * the sorter's merge, the partition files' many blocks and the combiner's partial results all take part.
     */
    static Settings tinyMemory() {
        return defaults()
                .with("execution.sort.memory", "256kb")
                .with("execution.batch.partition-memory", "64kb")
                .with("execution.batch.combine.max-keys", "100");
    }

    /**
     * STREAMING hands tiny batches through channels of one batch each: producers block on every few records, so
     * backpressure and the hand-over between threads are exercised, and the order across channels varies most.
     */
    static Settings tinyBuffers() {
        return defaults()
                .with("execution.batch-size", "3")
                .with("execution.channel-capacity", "1");
    }

    Settings with(String key, String value) {
        Map<String, String> copy = new TreeMap<>(both);
        copy.put(key, value);
        return new Settings(copy, batchOnly);
    }

    Settings withBatchOnly(String key, String value) {
        Map<String, String> copy = new TreeMap<>(batchOnly);
        copy.put(key, value);
        return new Settings(both, copy);
    }

    Configuration forStreaming() {
        Configuration conf = new Configuration();
        both.forEach((k, v) -> conf.setString(k, v, ORIGIN));
        return conf;
    }

    Configuration forBatch() {
        Configuration conf = forStreaming();
        batchOnly.forEach((k, v) -> conf.setString(k, v, ORIGIN));
        return conf;
    }

    @Override
    public String toString() {
        if (both.isEmpty() && batchOnly.isEmpty()) {
            return "defaults";
        }
        return both + (batchOnly.isEmpty() ? "" : " BATCH only " + batchOnly);
    }
}
