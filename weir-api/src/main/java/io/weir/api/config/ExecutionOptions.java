package io.weir.api.config;

import io.weir.api.common.RuntimeExecutionMode;

import java.time.Duration;

/** Settings under {@code execution.*}. */
public final class ExecutionOptions {
    private ExecutionOptions() {
    }

    public static final ConfigOption<RuntimeExecutionMode> RUNTIME_MODE = ConfigOptions.key("execution.runtime-mode")
            .enumType(RuntimeExecutionMode.class).defaultValue(RuntimeExecutionMode.STREAMING)
            .withDescription("STREAMING, BATCH or AUTOMATIC (BATCH when every source is bounded).");

    public static final ConfigOption<Duration> BUFFER_TIMEOUT = ConfigOptions.key("execution.buffer-timeout")
            .durationType().defaultValue(Duration.ofMillis(100))
            .withDescription("Longest time a partly filled batch waits before it is sent downstream. "
                    + "0 sends after every record (lowest latency, slowest).")
            .withRange(d -> !d.isNegative(), "a duration of zero (send after every record) or more, such as 100 ms");

    public static final ConfigOption<Integer> BATCH_SIZE = ConfigOptions.key("execution.batch-size")
            .intType().defaultValue(1024)
            .withDescription("Records per batch handed between tasks.")
            .withRange(n -> n > 0, "a positive number");

    public static final ConfigOption<Integer> CHANNEL_CAPACITY = ConfigOptions.key("execution.channel-capacity")
            .intType().defaultValue(4)
            .withDescription("Batches in flight per channel before the producer blocks (backpressure).")
            .withRange(n -> n > 0, "a positive number");

    public static final ConfigOption<Integer> SLOTS = ConfigOptions.key("execution.slots")
            .intType().defaultValue(-1)
            .withDescription("Subtasks that may run at once. BATCH runs its stages within this bound (default: the "
                    + "number of cores); STREAMING needs as many slots as its highest parallelism (default: enough).")
            .withRange(n -> n == -1 || n > 0, "a positive number, or -1 for the default (BATCH: the number of cores; "
                    + "STREAMING: as many as the job needs)");

    public static final ConfigOption<MemorySize> SORT_MEMORY = ConfigOptions.key("execution.sort.memory")
            .memoryType().defaultValue(MemorySize.ofMebiBytes(64))
            .withDescription("BATCH: memory per keyed task for sorting its input by key; more input spills to disk. "
                    + "When unset, less than the default if the tasks that run at once would not fit in half the "
                    + "heap.");

    public static final ConfigOption<MemorySize> PARTITION_MEMORY = ConfigOptions.key("execution.batch.partition-memory")
            .memoryType().defaultValue(MemorySize.ofMebiBytes(16))
            .withDescription("BATCH: memory per producing subtask for buffering each blocking result partition it "
                    + "writes. When unset, less than the default if the tasks that run at once would not fit in half "
                    + "the heap.");

    public static final ConfigOption<Boolean> BATCH_COMBINE = ConfigOptions.key("execution.batch.combine")
            .booleanType().defaultValue(true)
            .withDescription("BATCH: pre-aggregate rolling aggregations (sum, reduce, ...) and reducing event-time "
                    + "windows before the shuffle.");

    public static final ConfigOption<Integer> COMBINE_MAX_KEYS = ConfigOptions.key("execution.batch.combine.max-keys")
            .intType().defaultValue(100_000)
            .withDescription("BATCH: keys a combiner holds before it sends its partial results on.")
            .withRange(n -> n > 0, "a positive number");
}
