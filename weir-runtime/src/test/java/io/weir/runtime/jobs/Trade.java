package io.weir.runtime.jobs;

/** A Java record for aggregations by field name; {@code seq} is the record's position in the input. */
public record Trade(String symbol, int seq, long quantity, double price) {
}
