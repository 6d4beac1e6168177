package io.weir.api.connector.source;

/** Whether a source ends. A job is bounded iff all its sources are. */
public enum Boundedness {
    BOUNDED, CONTINUOUS_UNBOUNDED
}
