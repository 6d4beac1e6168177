package io.weir.examples.sensors;

import java.io.Serializable;

/** One sensor reading: {@code sensor,epochMillis,value} in text form. */
public record Reading(String sensor, long timestamp, double value) implements Serializable {

    /** Parses {@code sensor,epochMillis,value}; a malformed line is an error that quotes it. */
    public static Reading parse(String line) {
        String[] fields = line.split(",");
        if (fields.length != 3 || fields[0].isBlank()) {
            throw new IllegalArgumentException("Malformed sensor reading '" + line
                    + "': expected 'sensor,epochMillis,value'");
        }
        try {
            return new Reading(fields[0].trim(), Long.parseLong(fields[1].trim()), Double.parseDouble(fields[2].trim()));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("Malformed sensor reading '" + line
                    + "': expected 'sensor,epochMillis,value' with a whole number of milliseconds and a number", e);
        }
    }

    public String format() {
        return sensor + "," + timestamp + "," + value;
    }
}
