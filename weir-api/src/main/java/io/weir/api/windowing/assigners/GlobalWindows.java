package io.weir.api.windowing.assigners;

import io.weir.api.windowing.triggers.NeverTrigger;
import io.weir.api.windowing.triggers.Trigger;
import io.weir.api.windowing.windows.GlobalWindow;

import java.util.Collection;
import java.util.List;

/**
 * Puts all records of a key into the one {@link GlobalWindow}. Its default trigger never fires, so a job sets
 * one (count windows are global windows with a {@code CountTrigger}).
 */
public class GlobalWindows extends WindowAssigner<Object, GlobalWindow> {
    private static final long serialVersionUID = 1L;

    protected GlobalWindows() {
    }

    public static GlobalWindows create() {
        return new GlobalWindows();
    }

    @Override
    public Collection<GlobalWindow> assignWindows(Object element, long timestamp, WindowAssignerContext context) {
        return List.of(GlobalWindow.get());
    }

    @Override
    public Trigger<Object, GlobalWindow> getDefaultTrigger() {
        return NeverTrigger.create();
    }

    @Override
    public boolean isEventTime() {
        return false;
    }

    @Override
    public String toString() {
        return "GlobalWindows()";
    }
}
