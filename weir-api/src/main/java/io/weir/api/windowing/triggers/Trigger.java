package io.weir.api.windowing.triggers;

import io.weir.api.state.State;
import io.weir.api.state.StateDescriptor;
import io.weir.api.windowing.windows.Window;

import java.io.Serializable;

/**
 * Decides when a window fires and when its contents are purged. The window operator asks it for every record
 * added to a window and for every timer the trigger registered; each call is for one key's window, with that
 * key current, on the task thread.
 *
 * <p>A trigger is copied to every subtask and must keep no fields that change: what it needs to remember per
 * window goes into {@link TriggerContext#getPartitionedState} (scoped to the key and window) and timers. Its
 * {@link #clear} must delete both when the window is cleaned up.
 *
 * <p>In BATCH the watermark stays at its minimum while a key's records are processed and is at its maximum
 * when the key's timers fire (all at the end of the key); processing time is frozen. A trigger that fires on
 * event-time or processing-time timers thus fires once per timer, after all of the key's records are in.
 */
public abstract class Trigger<T, W extends Window> implements Serializable {
    private static final long serialVersionUID = 1L;

    /** A record was added to {@code window}. */
    public abstract TriggerResult onElement(T element, long timestamp, W window, TriggerContext ctx) throws Exception;

    /** A processing-time timer this trigger registered for {@code window} fired. */
    public abstract TriggerResult onProcessingTime(long time, W window, TriggerContext ctx) throws Exception;

    /** An event-time timer this trigger registered for {@code window} fired. */
    public abstract TriggerResult onEventTime(long time, W window, TriggerContext ctx) throws Exception;

    /** Whether the trigger works with merging (session) windows, i.e. implements {@link #onMerge}. */
    public boolean canMerge() {
        return false;
    }

    /**
     * Windows were merged into {@code window}: move what the trigger keeps per window to it, typically with
     * {@link OnMergeContext#mergePartitionedState} and by registering the timers {@code window} needs. The
     * merged windows are cleared afterwards.
     */
    public void onMerge(W window, OnMergeContext ctx) throws Exception {
        throw new UnsupportedOperationException(getClass().getName() + " does not support merging windows");
    }

    /** The window is being removed: delete its timers and partitioned state. */
    public abstract void clear(W window, TriggerContext ctx) throws Exception;

    /** What a trigger can do for the window (and key) it is called for. */
    public interface TriggerContext {
        long getCurrentProcessingTime();

        /** The operator's event time: {@code Long.MIN_VALUE} before the first watermark. */
        long getCurrentWatermark();

        void registerProcessingTimeTimer(long time);

        void registerEventTimeTimer(long time);

        void deleteProcessingTimeTimer(long time);

        void deleteEventTimeTimer(long time);

        /** State of this key and window, named by {@code stateDescriptor}. */
        <S extends State> S getPartitionedState(StateDescriptor<S> stateDescriptor);
    }

    /** The context of {@link #onMerge}: the window is the merge result. */
    public interface OnMergeContext extends TriggerContext {
        /**
         * Folds the named state of every merged window into the result window's. Works for reducing, aggregating
         * and list state; value and map state cannot be merged.
         */
        void mergePartitionedState(StateDescriptor<?> stateDescriptor);
    }
}
