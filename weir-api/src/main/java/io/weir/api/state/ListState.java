package io.weir.api.state;

import java.util.List;

/** A list per key. */
public interface ListState<T> extends State {
    /** The elements of the current key, in insertion order; empty (never null) when there are none. */
    Iterable<T> get() throws Exception;

    void add(T value) throws Exception;

    void addAll(List<T> values) throws Exception;

    /** Replaces the list of the current key. */
    void update(List<T> values) throws Exception;
}
