package io.weir.runtime.sort;

import java.io.IOException;

/**
 * One sorted run as the merge sees it: the current entry's key with its normalized prefix, its timestamp, and its
 * value.
 */
interface RunCursor {

    /** Moves to the next entry of the run; false at its end. Views of the previous entry become invalid. */
    boolean next() throws IOException;

    /** {@link KeyOrder#prefix} of the current key, computed once per entry. */
    long keyPrefix();

    byte[] keyArray();

    int keyOffset();

    int keyLength();

    byte[] valueArray();

    int valueOffset();

    int valueLength();

    /** The current entry's timestamp; {@link ExternalSorter#NO_TIMESTAMP} if it has none. */
    long timestamp();
}
