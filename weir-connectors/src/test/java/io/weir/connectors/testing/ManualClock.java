package io.weir.connectors.testing;

import java.time.Duration;

/** Time that moves only when a test says so. */
public final class ManualClock {
    private long nanos = 1_000_000_000L;

    public long nanoTime() {
        return nanos;
    }

    public void advance(Duration duration) {
        nanos += duration.toNanos();
    }
}
