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
        this.delay = configuration.get(RestartStrategyOptions.DELAY);
        if (type == RestartStrategyType.FIXED_DELAY && !fitsInNanos(delay)) {
            // The delay is waited in nanoseconds; a longer one would overflow where a restart is scheduled.
            String origin = configuration.originOf(RestartStrategyOptions.DELAY.key());
            throw new io.weir.api.config.IllegalConfigurationException("Invalid value '"
                    + configuration.getString(RestartStrategyOptions.DELAY.key()) + "' for '"
                    + RestartStrategyOptions.DELAY.key() + "'" + (origin == null ? "" : " (set in " + origin + ")")
                    + ": a restart delay must be shorter than 292 years; use a shorter delay or "
                    + "restart-strategy.type=none");
        }
        if (attempts < 0) {
            throw new io.weir.api.config.IllegalConfigurationException("Invalid value '" + attempts + "' for '"
                    + RestartStrategyOptions.ATTEMPTS.key() + "': expected 0 or more");
        }
    }

    private static boolean fitsInNanos(Duration d) {
        try {
            d.toNanos();
            return true;
        } catch (ArithmeticException tooLong) {
            return false;
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
