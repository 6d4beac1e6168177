package io.weir.runtime.executor;

import io.weir.api.config.Configuration;
import io.weir.api.config.RestartStrategyOptions;
import io.weir.api.config.RestartStrategyOptions.RestartStrategyType;

import java.time.Duration;

/** The configured restart strategy: how many restarts are left and how long to wait before one. */
final class RestartPolicy {
    private final RestartStrategyType type;
    private final int attempts;
    private final Duration delay;

    RestartPolicy(Configuration configuration) {
        this.type = configuration.get(RestartStrategyOptions.TYPE);
        this.attempts = configuration.get(RestartStrategyOptions.ATTEMPTS);
        // Durations are checked on read to fit in nanoseconds, which is how a restart's delay is waited.
        this.delay = configuration.get(RestartStrategyOptions.DELAY);
        if (attempts < 0) {
            throw new io.weir.api.config.IllegalConfigurationException("Invalid value '" + attempts + "' for '"
                    + RestartStrategyOptions.ATTEMPTS.key() + "': expected 0 or more");
        }
    }

    /** Whether a unit that has already been restarted {@code restartsSoFar} times may be restarted again. */
    boolean mayRestart(int restartsSoFar) {
        return type == RestartStrategyType.FIXED_DELAY && restartsSoFar < attempts;
    }

    Duration delay() {
        return delay;
    }

    String describe() {
        return type == RestartStrategyType.NONE ? "restart-strategy.type=none"
                : "restart-strategy.type=fixed-delay with " + attempts + " attempts";
    }
}
