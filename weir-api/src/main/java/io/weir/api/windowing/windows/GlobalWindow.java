package io.weir.api.windowing.windows;

/** The one window that holds every record of a key, for {@code GlobalWindows} (count windows are built on it). */
public final class GlobalWindow extends Window {
    private static final long serialVersionUID = 1L;
    private static final GlobalWindow INSTANCE = new GlobalWindow();

    private GlobalWindow() {
    }

    public static GlobalWindow get() {
        return INSTANCE;
    }

    /** Never ends: a global window fires only when its trigger says so. */
    @Override
    public long maxTimestamp() {
        return Long.MAX_VALUE;
    }

    /** Deserialization (a function copy, a state snapshot) keeps the one instance. */
    private Object readResolve() {
        return INSTANCE;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof GlobalWindow;
    }

    @Override
    public int hashCode() {
        return 0;
    }

    @Override
    public String toString() {
        return "GlobalWindow";
    }
}
