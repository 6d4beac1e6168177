package io.weir.runtime.operators.window;

/**
 * Names of the keyed state a window operator keeps for itself and for its trigger and function. Prefixed so
 * they cannot clash with the global state a window function names.
 */
final class WindowStateNames {
    /** Each window's records or pre-aggregate. */
    static final String CONTENTS = "weir.window.contents";
    /** Session windows: each window of a key and the window its contents are kept under. */
    static final String MERGING_WINDOWS = "weir.window.merging-windows";
    /** Prefix of the trigger's per-window state. */
    static final String TRIGGER_STATE = "weir.window.trigger/";
    /** Prefix of the window function's per-window state. */
    static final String WINDOW_STATE = "weir.window.state/";

    private WindowStateNames() {
    }
}
