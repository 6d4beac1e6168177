package io.weir.runtime.sort;

import java.io.IOException;
import java.util.Arrays;

/**
 * A cursor over sorted entries, in key order, within a key in timestamp order (entries without a timestamp
 * first), and among equal keys and timestamps in the order they were added.
 * <p>
 * Call {@link #next()} before the first entry. The arrays returned by the accessors are views into the sorter's
 * buffers: they hold the current entry only until the next call to {@code next()}, and must not be modified.
 * Copy what must live longer. The cursor belongs to the thread that owns the sorter and is valid until the
 * sorter is closed.
 */
public interface SortedEntries {

    /** Moves to the next entry; false once all entries were returned. */
    boolean next() throws IOException;

    byte[] keyArray();

    int keyOffset();

    int keyLength();

    byte[] valueArray();

    int valueOffset();

    int valueLength();

    /** The current entry's timestamp, or {@link ExternalSorter#NO_TIMESTAMP} if it was added without one. */
    long timestamp();

    /**
     * True if the current entry has the same key as the entry before it; false for the first entry. This is how
     * a caller that processes one key at a time sees a key end without copying keys itself.
     */
    boolean keyEqualsPrevious();

    /** Compares the current key with another in the sorter's order (unsigned bytes, shorter prefix first). */
    default int compareKeyTo(byte[] key, int offset, int length) {
        return Arrays.compareUnsigned(keyArray(), keyOffset(), keyOffset() + keyLength(),
                key, offset, offset + length);
    }
}
