package io.weir.api.windowing.evictors;

import io.weir.api.eventtime.TimestampAssigner;

import java.util.Objects;

/** A record in a window's contents with its event timestamp, as an {@link Evictor} sees it. */
public final class TimestampedValue<T> {
    private final T value;
    private final long timestamp;

    public TimestampedValue(T value, long timestamp) {
        this.value = value;
        this.timestamp = timestamp;
    }

    /** A value without a timestamp. */
    public static <T> TimestampedValue<T> of(T value) {
        return new TimestampedValue<>(value, TimestampAssigner.NO_TIMESTAMP);
    }

    public static <T> TimestampedValue<T> of(T value, long timestamp) {
        return new TimestampedValue<>(value, timestamp);
    }

    public T getValue() {
        return value;
    }

    /** The event timestamp; meaningful only if {@link #hasTimestamp()}. */
    public long getTimestamp() {
        return timestamp;
    }

    public boolean hasTimestamp() {
        return timestamp != TimestampAssigner.NO_TIMESTAMP;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof TimestampedValue<?> t && t.timestamp == timestamp && Objects.equals(t.value, value);
    }

    @Override
    public int hashCode() {
        return Objects.hash(value, timestamp);
    }

    @Override
    public String toString() {
        return value + (hasTimestamp() ? "@" + timestamp : "");
    }
}
