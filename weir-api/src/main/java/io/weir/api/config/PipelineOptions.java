package io.weir.api.config;

/** Settings under {@code pipeline.*} and {@code parallelism.*}. */
public final class PipelineOptions {
    private PipelineOptions() {
    }

    public static final ConfigOption<Integer> PARALLELISM = ConfigOptions.key("parallelism.default")
            .intType().defaultValue(-1)
            .withDescription("Default parallelism of operators; -1 means the number of cores.")
            .withRange(p -> p == -1 || p > 0, "a positive number, or -1 for the number of cores");

    public static final ConfigOption<Integer> MAX_PARALLELISM = ConfigOptions.key("pipeline.max-parallelism")
            .intType().defaultValue(128)
            .withDescription("Number of key groups: the upper bound for the parallelism of keyed operators.")
            .withRange(max -> max >= 1 && max <= 32768, "a number from 1 to 32768");

    public static final ConfigOption<java.time.Duration> AUTO_WATERMARK_INTERVAL = ConfigOptions
            .key("pipeline.auto-watermark-interval").durationType().defaultValue(java.time.Duration.ofMillis(200))
            .withDescription("How often sources and assignTimestampsAndWatermarks ask their watermark generators "
                    + "for a watermark (onPeriodicEmit); 0 turns periodic watermarks off.")
            .withRange(d -> !d.isNegative(), "a duration of zero (no periodic watermarks) or more, such as 200 ms");

    public static final ConfigOption<String> NAME = ConfigOptions.key("pipeline.name")
            .stringType().noDefaultValue()
            .withDescription("Job name used when execute() is called without one.");
}
