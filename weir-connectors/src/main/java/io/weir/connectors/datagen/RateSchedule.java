package io.weir.connectors.datagen;

/**
 * Paces one reader at a fixed rate: record {@code k} is due {@code k / rate} seconds after the first poll.
 * Asking is cheap and never waits, so a reader that is ahead returns at once and lets the task sleep.
 *
 * <p>A reader held up for a while (backpressure, a pause) catches up with at most one second's worth of
 * records and then continues at the rate, rather than flooding the job with everything it missed.
 */
final class RateSchedule {
    private static final double NANOS_PER_SECOND = 1e9;

    private final double recordsPerSecond;
    /** One second's worth of records, at least one. */
    private final long catchUpRecords;
    private long startNanos;
    private boolean started;
    private long taken;

    RateSchedule(double recordsPerSecond) {
        if (!(recordsPerSecond > 0) || Double.isInfinite(recordsPerSecond)) {
            throw new IllegalArgumentException("Rate must be a positive finite number of records per second, got "
                    + recordsPerSecond);
        }
        this.recordsPerSecond = recordsPerSecond;
        this.catchUpRecords = Math.max(1, (long) Math.ceil(recordsPerSecond));
    }

    /** How many records may be emitted at {@code nowNanos}, at most {@code max}; those are counted as taken. */
    long take(long nowNanos, long max) {
        if (!started) {
            started = true;
            startNanos = nowNanos;
        }
        long due = dueAt(nowNanos);
        if (due - taken > catchUpRecords) {
            // Forget the backlog beyond the catch-up allowance, as if the schedule had started later.
            taken = due - catchUpRecords;
        }
        long granted = Math.max(0, Math.min(max, due - taken));
        taken += granted;
        return granted;
    }

    private long dueAt(long nowNanos) {
        // Multiply before dividing so that whole intervals come out exact: 100 ms at 10/s is 1 record, not 0.99...
        double due = Math.floor((nowNanos - startNanos) * recordsPerSecond / NANOS_PER_SECOND);
        // +1: the first record is due at once, not after one interval.
        return (long) Math.min(Long.MAX_VALUE / 2.0, due) + 1;
    }
}
