package io.weir.api.windowing.triggers;

import io.weir.api.windowing.windows.Window;

/** Never fires: the default of {@code GlobalWindows}, whose windows fire only by a trigger the job sets. */
public final class NeverTrigger extends Trigger<Object, Window> {
    private static final long serialVersionUID = 1L;

    private NeverTrigger() {
    }

    @SuppressWarnings("unchecked")
    public static <W extends Window> Trigger<Object, W> create() {
        return (Trigger<Object, W>) (Trigger<Object, ?>) new NeverTrigger();
    }

    @Override
    public TriggerResult onElement(Object element, long timestamp, Window window, TriggerContext ctx) {
        return TriggerResult.CONTINUE;
    }

    @Override
    public TriggerResult onEventTime(long time, Window window, TriggerContext ctx) {
        return TriggerResult.CONTINUE;
    }

    @Override
    public TriggerResult onProcessingTime(long time, Window window, TriggerContext ctx) {
        return TriggerResult.CONTINUE;
    }

    @Override
    public boolean canMerge() {
        return true;
    }

    @Override
    public void onMerge(Window window, OnMergeContext ctx) {
    }

    @Override
    public void clear(Window window, TriggerContext ctx) {
    }

    @Override
    public String toString() {
        return "NeverTrigger()";
    }
}
