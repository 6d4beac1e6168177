package io.weir.runtime.graph;

/** How a keyed operator keeps its state and sees its keys; chosen per execution mode by the translator. */
public enum KeyedStateKind {
    /** Not keyed. */
    NONE,
    /** STREAMING: keys arrive in any order; every key's state lives in a heap backend, by key group. */
    HEAP_BY_KEY_GROUP,
    /** BATCH: the input is sorted by key; only the current key's state exists, dropped when the key changes. */
    SINGLE_KEY_SORTED_INPUT
}
