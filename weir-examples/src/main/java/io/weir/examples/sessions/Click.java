package io.weir.examples.sessions;

import java.io.Serializable;

/** A page view: {@code user,epochMillis,page} in text form. */
public record Click(String user, long timestamp, String page) implements Serializable {

    /** Parses {@code user,epochMillis,page}; a malformed line is an error that quotes it. */
    public static Click parse(String line) {
        String[] f = line.split(",");
        if (f.length != 3 || f[0].isBlank() || f[2].isBlank()) {
            throw new IllegalArgumentException("Malformed click '" + line + "': expected 'user,epochMillis,page'");
        }
        try {
            return new Click(f[0].trim(), Long.parseLong(f[1].trim()), f[2].trim());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("Malformed click '" + line
                    + "': expected 'user,epochMillis,page' with a whole number of milliseconds", e);
        }
    }

    public String format() {
        return user + "," + timestamp + "," + page;
    }
}
