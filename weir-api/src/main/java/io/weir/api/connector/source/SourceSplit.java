package io.weir.api.connector.source;

/** A piece of a source's work, read by one reader (a file block, a range of a sequence, ...). */
public interface SourceSplit {
    /** Unique within the source; shown in errors. */
    String splitId();
}
