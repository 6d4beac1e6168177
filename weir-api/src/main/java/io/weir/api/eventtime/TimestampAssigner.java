package io.weir.api.eventtime;

import java.io.Serializable;

/** Gives a record its event timestamp (milliseconds since the epoch, by convention). */
@FunctionalInterface
public interface TimestampAssigner<T> extends Serializable {
    /** No timestamp assigned by the source. */
    long NO_TIMESTAMP = Long.MIN_VALUE;

    long extractTimestamp(T element, long recordTimestamp);
}
