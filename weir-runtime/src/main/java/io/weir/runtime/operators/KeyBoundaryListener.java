package io.weir.runtime.operators;

/**
 * Implemented by operators that act when a key's records are complete. With input sorted by key (BATCH),
 * the runtime calls {@link #endOfKey()} after the last record of each key, while that key is still current.
 */
public interface KeyBoundaryListener {
    void endOfKey() throws Exception;
}
