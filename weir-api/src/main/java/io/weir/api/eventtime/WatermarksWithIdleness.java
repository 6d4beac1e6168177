package io.weir.api.eventtime;

import java.time.Duration;
import java.util.function.LongSupplier;

/**
 * Wraps a generator: when no record arrived for the idle timeout, the output is marked idle at the next
 * periodic emit, and the wrapped generator is not asked for watermarks while idle (it has nothing new to
 * say). The next record marks the output active again at once. Time is read from {@code clock}
 * (milliseconds), the subtask's processing clock when the runtime creates the generator.
 */
public final class WatermarksWithIdleness<T> implements WatermarkGenerator<T> {
    private final WatermarkGenerator<T> watermarks;
    private final long idleTimeoutMillis;
    private final LongSupplier clock;
    /** Processing time of the last record, or of the creation before any. */
    private long lastActivity;
    private boolean idle;

    public WatermarksWithIdleness(WatermarkGenerator<T> watermarks, Duration idleTimeout, LongSupplier clock) {
        if (watermarks == null || clock == null) {
            throw new IllegalArgumentException("WatermarksWithIdleness needs a generator and a clock");
        }
        this.watermarks = watermarks;
        this.idleTimeoutMillis = checkedTimeout(idleTimeout).toMillis();
        this.clock = clock;
        this.lastActivity = clock.getAsLong();
    }

    static Duration checkedTimeout(Duration idleTimeout) {
        if (idleTimeout == null) {
            throw new IllegalArgumentException("withIdleness: the idle timeout must not be null");
        }
        if (idleTimeout.isNegative() || idleTimeout.toMillis() < 1) {
            throw new IllegalArgumentException("withIdleness: the idle timeout must be at least 1 ms, was "
                    + idleTimeout + " (an output is idle after that long without records)");
        }
        return idleTimeout;
    }

    @Override
    public void onEvent(T event, long eventTimestamp, WatermarkOutput output) {
        watermarks.onEvent(event, eventTimestamp, output);
        lastActivity = clock.getAsLong();
        if (idle) {
            idle = false;
            output.markActive();
        }
    }

    @Override
    public void onPeriodicEmit(WatermarkOutput output) {
        if (idle) {
            return;
        }
        if (clock.getAsLong() - lastActivity >= idleTimeoutMillis) {
            idle = true;
            output.markIdle();
        } else {
            watermarks.onPeriodicEmit(output);
        }
    }
}
