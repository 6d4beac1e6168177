package io.weir.runtime.time;

/** The namespace of timers that belong to a key only (process functions, joins). */
public enum VoidNamespace {
    INSTANCE
}
