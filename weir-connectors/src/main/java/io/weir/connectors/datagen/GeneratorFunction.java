package io.weir.connectors.datagen;

import java.io.Serializable;

/**
 * Makes the record with a given index for a {@link GeneratorSource}. Called on the reader's task thread;
 * indices are unique across readers. A pure function of the index gives the same data on every run.
 */
@FunctionalInterface
public interface GeneratorFunction<T> extends Serializable {
    T map(long index) throws Exception;
}
