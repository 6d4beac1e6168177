package io.weir.api.state;

/** One value per key. */
public interface ValueState<T> extends State {
    /** The value of the current key, or the descriptor's default (null if none). */
    T value() throws Exception;

    /** Sets the value of the current key; null clears it. */
    void update(T value) throws Exception;
}
