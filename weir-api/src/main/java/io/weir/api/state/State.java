package io.weir.api.state;

/** Keyed state: every method acts on the value of the key of the record being processed. */
public interface State {
    /** Removes the value of the current key. */
    void clear();
}
