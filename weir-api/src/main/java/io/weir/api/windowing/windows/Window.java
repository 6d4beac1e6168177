package io.weir.api.windowing.windows;

import java.io.Serializable;

/**
 * A group of records that a window function sees together: a {@link TimeWindow} or the {@link GlobalWindow}.
 * Windows are values: equal windows are the same window (they name the state and timers of one key's window).
 */
public abstract class Window implements Serializable {
    private static final long serialVersionUID = 1L;

    /** The largest timestamp that still belongs to this window; results of the window carry it. */
    public abstract long maxTimestamp();
}
