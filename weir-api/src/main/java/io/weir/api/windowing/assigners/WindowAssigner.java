package io.weir.api.windowing.assigners;

import io.weir.api.windowing.triggers.Trigger;
import io.weir.api.windowing.windows.Window;

import java.io.Serializable;
import java.util.Collection;

/**
 * Puts each record into zero or more windows. An assigner is part of the job's plan and is copied to every
 * subtask, so it must be serializable and keep no mutable state.
 *
 * @param <T> the records it assigns
 * @param <W> the windows it assigns them to
 */
public abstract class WindowAssigner<T, W extends Window> implements Serializable {
    private static final long serialVersionUID = 1L;

    /**
     * The windows {@code element} belongs to.
     *
     * @param timestamp the record's event timestamp ({@code TimestampAssigner.NO_TIMESTAMP} if it has none)
     */
    public abstract Collection<W> assignWindows(T element, long timestamp, WindowAssignerContext context);

    /** The trigger used unless the job sets one with {@code trigger(...)}. */
    public abstract Trigger<T, W> getDefaultTrigger();

    /**
     * Whether windows are in event time: only then can records be late, and only then does
     * {@code allowedLateness} mean anything.
     */
    public abstract boolean isEventTime();

    /** What an assigner may ask of the operator that runs it. */
    public abstract static class WindowAssignerContext {
        /** The task's processing time (frozen for the whole job in BATCH). */
        public abstract long getCurrentProcessingTime();
    }
}
