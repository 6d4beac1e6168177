package io.weir.api.windowing.assigners;

import java.io.Serializable;

/** The session gap after a record, for dynamic session windows. Must be positive. */
@FunctionalInterface
public interface SessionWindowTimeGapExtractor<T> extends Serializable {
    /** The gap in milliseconds. */
    long extract(T element);
}
