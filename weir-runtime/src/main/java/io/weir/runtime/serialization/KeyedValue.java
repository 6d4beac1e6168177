package io.weir.runtime.serialization;

/**
 * A value together with the key it belongs to, as a BATCH combiner sends its partial aggregates across a shuffle:
 * the key travels with the value because a reduce function need not preserve it. Serialized with a tag of its own
 * (two values behind one byte), since a class of ours would otherwise be written with its name in every sort
 * entry.
 */
public record KeyedValue(Object key, Object value) {
}
