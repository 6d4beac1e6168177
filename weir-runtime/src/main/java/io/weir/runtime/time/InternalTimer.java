package io.weir.runtime.time;

/**
 * A registered timer: the time it fires, the key it belongs to and its namespace (the window, for window
 * operators; {@link VoidNamespace#INSTANCE} for process functions). Equal timers are one timer.
 */
public record InternalTimer<K, N>(long timestamp, K key, N namespace) {
}
