package io.weir.testjobs;

import io.weir.api.functions.ReduceFunction;
import io.weir.api.state.ReducingState;
import io.weir.api.state.ReducingStateDescriptor;
import io.weir.api.windowing.triggers.Trigger;
import io.weir.api.windowing.triggers.TriggerResult;
import io.weir.api.windowing.windows.TimeWindow;

/**
 * A trigger of the job's own: counts a window's records in per-window state (whose reduce function is a lambda of
 * this jar) and fires the window once, when event time passes its end, if it counted any.
 */
public final class CountingEndOfWindowTrigger extends Trigger<Object, TimeWindow> {
    private static final long serialVersionUID = 1L;
    private final ReducingStateDescriptor<Long> count =
            new ReducingStateDescriptor<>("records", (ReduceFunction<Long>) (a, b) -> a + b, Long.class);

    @Override
    public TriggerResult onElement(Object element, long timestamp, TimeWindow window, TriggerContext ctx)
            throws Exception {
        ctx.getPartitionedState(count).add(1L);
        ctx.registerEventTimeTimer(window.maxTimestamp());
        return TriggerResult.CONTINUE;
    }

    @Override
    public TriggerResult onProcessingTime(long time, TimeWindow window, TriggerContext ctx) {
        return TriggerResult.CONTINUE;
    }

    @Override
    public TriggerResult onEventTime(long time, TimeWindow window, TriggerContext ctx) throws Exception {
        ReducingState<Long> records = ctx.getPartitionedState(count);
        boolean any = time == window.maxTimestamp() && records.get() != null && records.get() > 0;
        return any ? TriggerResult.FIRE : TriggerResult.CONTINUE;
    }

    @Override
    public void clear(TimeWindow window, TriggerContext ctx) throws Exception {
        ctx.getPartitionedState(count).clear();
        ctx.deleteEventTimeTimer(window.maxTimestamp());
    }
}
