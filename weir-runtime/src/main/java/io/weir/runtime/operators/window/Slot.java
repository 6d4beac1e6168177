package io.weir.runtime.operators.window;

/** A window's changing pre-aggregate, updated in place so that adding a record writes no keyed state. */
final class Slot<T> {
    T value;

    Slot(T value) {
        this.value = value;
    }
}
