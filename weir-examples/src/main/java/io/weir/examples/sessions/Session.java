package io.weir.examples.sessions;

import java.io.Serializable;
import java.time.Instant;

/** One user's session: the session window [start, end), its clicks and how many different pages they viewed. */
public record Session(String user, long start, long end, int clicks, int pages) implements Serializable {
    /** {@code user,start,end,clicks,pages} with ISO-8601 instants. */
    public String format() {
        return user + "," + Instant.ofEpochMilli(start) + "," + Instant.ofEpochMilli(end) + "," + clicks + "," + pages;
    }
}
