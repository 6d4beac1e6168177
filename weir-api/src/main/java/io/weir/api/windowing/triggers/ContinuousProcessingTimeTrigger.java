package io.weir.api.windowing.triggers;

import io.weir.api.functions.ReduceFunction;
import io.weir.api.state.ReducingState;
import io.weir.api.state.ReducingStateDescriptor;
import io.weir.api.windowing.DurationArgument;
import io.weir.api.windowing.windows.Window;

import java.time.Duration;

/**
 * Fires a window repeatedly as processing time passes multiples of {@code interval} (from the epoch), and once
 * more when processing time reaches the window's end (a global window has none); contents are kept between
 * firings. Multiples missed (or passed together with the window's end) fire once. When the input ends, and in
 * BATCH (where processing time is frozen) at the end of each key, pending firings happen at once: a window then
 * fires once more, with all of its records.
 */
public final class ContinuousProcessingTimeTrigger<W extends Window> extends Trigger<Object, W> {
    private static final long serialVersionUID = 1L;
    private final long interval;
    private final ReducingStateDescriptor<Long> fireTimeDescriptor =
            new ReducingStateDescriptor<>("fire-time", (ReduceFunction<Long>) Math::min, Long.class);

    private ContinuousProcessingTimeTrigger(long interval) {
        this.interval = interval;
    }

    public static <W extends Window> ContinuousProcessingTimeTrigger<W> of(Duration interval) {
        return new ContinuousProcessingTimeTrigger<>(
                DurationArgument.positiveMillis("ContinuousProcessingTimeTrigger.of", "interval", interval));
    }

    @Override
    public TriggerResult onElement(Object element, long timestamp, W window, TriggerContext ctx) throws Exception {
        if (hasEnd(window)) {
            ctx.registerProcessingTimeTimer(window.maxTimestamp());
        }
        ReducingState<Long> fireTime = ctx.getPartitionedState(fireTimeDescriptor);
        if (fireTime.get() == null) {
            scheduleAfter(ctx.getCurrentProcessingTime(), window, ctx, fireTime);
        }
        return TriggerResult.CONTINUE;
    }

    @Override
    public TriggerResult onProcessingTime(long time, W window, TriggerContext ctx) throws Exception {
        if (time == window.maxTimestamp()) {
            return TriggerResult.FIRE;
        }
        ReducingState<Long> fireTime = ctx.getPartitionedState(fireTimeDescriptor);
        Long pending = fireTime.get();
        if (pending == null || pending != time) {
            return TriggerResult.CONTINUE;
        }
        fireTime.clear();
        long now = ctx.getCurrentProcessingTime();
        if (now < time) {
            // Ahead of the clock: the input (in BATCH, the key) ended and pending timers fire at once. A window
            // with an end fires once more at its end, right after; a global window fires now, for the last time.
            return hasEnd(window) ? TriggerResult.CONTINUE : TriggerResult.FIRE;
        }
        if (hasEnd(window) && now >= window.maxTimestamp()) {
            return TriggerResult.CONTINUE; // the window's end is due as well and fires right after
        }
        scheduleAfter(now, window, ctx, fireTime);
        return TriggerResult.FIRE;
    }

    private void scheduleAfter(long time, W window, TriggerContext ctx, ReducingState<Long> fireTime) throws Exception {
        long next = time - Math.floorMod(time, interval) + interval;
        if (next <= time || (hasEnd(window) && next >= window.maxTimestamp())) {
            return;
        }
        fireTime.add(next);
        ctx.registerProcessingTimeTimer(next);
    }

    /** A global window never ends: a timer at its end would be due only when processing time ends. */
    private static boolean hasEnd(Window window) {
        return window.maxTimestamp() != Long.MAX_VALUE;
    }

    @Override
    public TriggerResult onEventTime(long time, W window, TriggerContext ctx) {
        return TriggerResult.CONTINUE;
    }

    @Override
    public boolean canMerge() {
        return true;
    }

    @Override
    public void onMerge(W window, OnMergeContext ctx) throws Exception {
        ctx.mergePartitionedState(fireTimeDescriptor);
        Long pending = ctx.getPartitionedState(fireTimeDescriptor).get();
        if (pending != null) {
            ctx.registerProcessingTimeTimer(pending);
        }
        if (hasEnd(window)) {
            ctx.registerProcessingTimeTimer(window.maxTimestamp());
        }
    }

    @Override
    public void clear(W window, TriggerContext ctx) throws Exception {
        ReducingState<Long> fireTime = ctx.getPartitionedState(fireTimeDescriptor);
        Long pending = fireTime.get();
        if (pending != null) {
            ctx.deleteProcessingTimeTimer(pending);
            fireTime.clear();
        }
        if (hasEnd(window)) {
            ctx.deleteProcessingTimeTimer(window.maxTimestamp());
        }
    }

    public long getInterval() {
        return interval;
    }

    @Override
    public String toString() {
        return "ContinuousProcessingTimeTrigger(" + interval + ")";
    }
}
