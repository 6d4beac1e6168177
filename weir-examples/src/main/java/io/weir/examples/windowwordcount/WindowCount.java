package io.weir.examples.windowwordcount;

import java.io.Serializable;
import java.time.Instant;

/** How often a word occurred in the window [start, end). */
public record WindowCount(long start, long end, String word, long count) implements Serializable {
    /** {@code windowStart,windowEnd,word,count} with ISO-8601 instants. */
    public String format() {
        return Instant.ofEpochMilli(start) + "," + Instant.ofEpochMilli(end) + "," + word + "," + count;
    }
}
