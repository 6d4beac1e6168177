package io.weir.api.config;

import java.time.Duration;

/** Settings under {@code restart-strategy.*}: what happens when a task fails. */
public final class RestartStrategyOptions {
    private RestartStrategyOptions() {
    }

    /** The restart strategies. */
    public enum RestartStrategyType {
        /** A failure fails the job. */
        NONE,
        /** Restart up to {@code attempts} times, waiting {@code delay} before each restart. */
        FIXED_DELAY
    }

    public static final ConfigOption<RestartStrategyType> TYPE = ConfigOptions.key("restart-strategy.type")
            .enumType(RestartStrategyType.class).defaultValue(RestartStrategyType.NONE)
            .withDescription("none or fixed-delay. BATCH restarts only the failed task; STREAMING restarts the job.");

    public static final ConfigOption<Integer> ATTEMPTS = ConfigOptions.key("restart-strategy.fixed-delay.attempts")
            .intType().defaultValue(3)
            .withDescription("Restarts allowed (per task in BATCH, per job in STREAMING) before the job fails.")
            .withRange(n -> n >= 0, "0 or more");

    public static final ConfigOption<Duration> DELAY = ConfigOptions.key("restart-strategy.fixed-delay.delay")
            .durationType().defaultValue(Duration.ofSeconds(1))
            .withDescription("Wait before a restart.")
            .withRange(d -> !d.isNegative(), "a duration of zero or more, such as 1 s");
}
