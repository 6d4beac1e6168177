package io.weir.api.windowing.triggers;

/**
 * What a trigger decides for a window: whether to evaluate it (fire: emit the window function's result over
 * its current contents) and whether to purge it (drop its contents; the window itself, its trigger state
 * and timers stay until it is cleaned up).
 */
public enum TriggerResult {
    /** Nothing happens. */
    CONTINUE(false, false),
    /** Emit the result and drop the contents. */
    FIRE_AND_PURGE(true, true),
    /** Emit the result and keep the contents, which later firings see again. */
    FIRE(true, false),
    /** Drop the contents without emitting. */
    PURGE(false, true);

    private final boolean fire;
    private final boolean purge;

    TriggerResult(boolean fire, boolean purge) {
        this.fire = fire;
        this.purge = purge;
    }

    public boolean isFire() {
        return fire;
    }

    public boolean isPurge() {
        return purge;
    }
}
