package io.weir.api.windowing;

import java.time.Duration;

/**
 * Checks the durations given to window assigners, triggers and evictors while the job is built, so a bad
 * argument fails there, naming itself, instead of at run time.
 */
public final class DurationArgument {
    private DurationArgument() {
    }

    /** {@code value} in milliseconds; it must be at least one millisecond. */
    public static long positiveMillis(String method, String argument, Duration value) {
        long millis = millis(method, argument, value);
        if (millis <= 0) {
            throw new IllegalArgumentException(method + ": " + argument + " must be at least 1 ms, but was "
                    + describe(value));
        }
        return millis;
    }

    /** {@code value} in milliseconds; zero is allowed, negative values are not. */
    public static long nonNegativeMillis(String method, String argument, Duration value) {
        long millis = millis(method, argument, value);
        if (value.isNegative()) {
            throw new IllegalArgumentException(method + ": " + argument + " must not be negative, but was "
                    + describe(value));
        }
        return millis;
    }

    /** {@code value} in milliseconds, any sign. */
    public static long millis(String method, String argument, Duration value) {
        if (value == null) {
            throw new IllegalArgumentException(method + ": " + argument + " must not be null");
        }
        try {
            return value.toMillis();
        } catch (ArithmeticException e) {
            throw new IllegalArgumentException(method + ": " + argument + " is too large for milliseconds in a "
                    + "long: " + value, e);
        }
    }

    /** A duration as people write it, with its milliseconds: {@code PT-5S (-5000 ms)}. */
    public static String describe(Duration value) {
        return value + " (" + value.toMillis() + " ms)";
    }
}
