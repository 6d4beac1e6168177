package io.weir.api.accumulators;

import java.io.Serializable;

/**
 * A value a function adds to on its subtask; the job result holds the values of all subtasks merged.
 * Used on one task thread only.
 */
public interface Accumulator<V, R extends Serializable> extends Serializable {
    void add(V value);

    R getLocalValue();

    void resetLocal();

    /** Adds another subtask's accumulator of the same kind into this one. */
    void merge(Accumulator<V, R> other);

    Accumulator<V, R> clone();
}
