package io.weir.runtime.operators.join;

/**
 * The time arithmetic of an interval join with inclusive bounds {@code [lower, upper]}: a left record at {@code a}
 * matches right records at {@code b} with {@code a + lower <= b <= a + upper}, that is, a right record at {@code b}
 * matches left records at {@code b - upper <= a <= b - lower}.
 *
 * <p>Timestamps and bounds are arbitrary longs, so sums may overflow. Match ranges saturate at the ends of the
 * long range, which keeps them exact (no timestamp lies beyond). Cleanup times saturate too, and then cannot be
 * mapped back to the record's timestamp: {@link #mayBeSaturated} tells the caller to check every bucket.
 */
record JoinInterval(long lower, long upper) {
    JoinInterval {
        if (lower > upper) {
            throw new IllegalArgumentException("An interval join's lower bound (" + lower
                    + ") must not be greater than its upper bound (" + upper + ")");
        }
    }

    /** The earliest right timestamp that matches a left record at {@code leftTimestamp}. */
    long firstRightMatch(long leftTimestamp) {
        return saturatedAdd(leftTimestamp, lower);
    }

    long lastRightMatch(long leftTimestamp) {
        return saturatedAdd(leftTimestamp, upper);
    }

    /** The earliest left timestamp that matches a right record at {@code rightTimestamp}. */
    long firstLeftMatch(long rightTimestamp) {
        return saturatedSubtract(rightTimestamp, upper);
    }

    long lastLeftMatch(long rightTimestamp) {
        return saturatedSubtract(rightTimestamp, lower);
    }

    /**
     * When a left record at {@code leftTimestamp} can be forgotten: once the watermark has reached this time, every
     * right record it could still match ({@code <= leftTimestamp + upper}) would be late.
     */
    long leftCleanupTime(long leftTimestamp) {
        try {
            return Math.addExact(Math.addExact(leftTimestamp, upper), 1);
        } catch (ArithmeticException overflow) {
            return upper >= 0 ? Long.MAX_VALUE : Long.MIN_VALUE;
        }
    }

    /** When a right record at {@code rightTimestamp} can be forgotten (see {@link #leftCleanupTime}). */
    long rightCleanupTime(long rightTimestamp) {
        try {
            return Math.addExact(Math.subtractExact(rightTimestamp, lower), 1);
        } catch (ArithmeticException overflow) {
            return lower <= 0 ? Long.MAX_VALUE : Long.MIN_VALUE;
        }
    }

    /** The left timestamp whose cleanup time is {@code cleanupTime}; only valid unless {@link #mayBeSaturated}. */
    long leftTimestampCleanedAt(long cleanupTime) {
        return cleanupTime - 1 - upper;
    }

    /** The right timestamp whose cleanup time is {@code cleanupTime}; only valid unless {@link #mayBeSaturated}. */
    long rightTimestampCleanedAt(long cleanupTime) {
        return cleanupTime - 1 + lower;
    }

    /** Whether a cleanup time may have saturated, so that several timestamps (or none exactly) map to it. */
    static boolean mayBeSaturated(long cleanupTime) {
        return cleanupTime == Long.MIN_VALUE || cleanupTime == Long.MAX_VALUE;
    }

    private static long saturatedAdd(long a, long b) {
        long sum = a + b;
        // Overflow iff both operands have the sign opposite to the result's.
        if (((a ^ sum) & (b ^ sum)) < 0) {
            return b > 0 ? Long.MAX_VALUE : Long.MIN_VALUE;
        }
        return sum;
    }

    private static long saturatedSubtract(long a, long b) {
        long difference = a - b;
        if (((a ^ b) & (a ^ difference)) < 0) {
            return b < 0 ? Long.MAX_VALUE : Long.MIN_VALUE;
        }
        return difference;
    }

    @Override
    public String toString() {
        return "[" + lower + ", " + upper + "]";
    }
}
