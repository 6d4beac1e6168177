package io.weir.api.connector.source;

/** What {@link SourceReader#pollNext} says about the reader's current split. */
public enum InputStatus {
    /** Call again right away. */
    MORE_AVAILABLE,
    /** Nothing to emit right now (a rate limit, an empty queue); call again shortly. */
    NOTHING_AVAILABLE,
    /** The current split is exhausted; the reader wants its next split. */
    END_OF_SPLIT
}
