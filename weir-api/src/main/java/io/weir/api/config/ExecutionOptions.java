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
                    + "0 sends after every record (lowest latency, slowest).");

    public static final ConfigOption<Integer> BATCH_SIZE = ConfigOptions.key("execution.batch-size")
            .intType().defaultValue(1024)
            .withDescription("Records per batch handed between tasks.");

    public static final ConfigOption<Integer> CHANNEL_CAPACITY = ConfigOptions.key("execution.channel-capacity")
            .intType().defaultValue(4)
            .withDescription("Batches in flight per channel before the producer blocks (backpressure).");
}
