/**
 * Keyed state backends. {@link io.weir.runtime.state.HeapKeyedStateBackend} keeps each state's values in one
 * hash map per key group, so key groups can later be snapshotted and moved as units.
 */
package io.weir.runtime.state;
