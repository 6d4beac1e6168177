package io.weir.examples.sensors;

import java.io.Serializable;
import java.time.Instant;

/** A sensor silent since its last reading, noticed when the timeout had passed. */
public record Alarm(String sensor, long lastReading, long alarmAt) implements Serializable {
    /** {@code sensor,lastReading,alarmAt} with ISO-8601 instants. */
    public String format() {
        return sensor + "," + Instant.ofEpochMilli(lastReading) + "," + Instant.ofEpochMilli(alarmAt);
    }
}
