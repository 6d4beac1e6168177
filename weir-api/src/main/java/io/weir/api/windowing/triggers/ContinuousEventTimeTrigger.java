package io.weir.api.windowing.triggers;

import io.weir.api.functions.ReduceFunction;
import io.weir.api.state.ReducingState;
import io.weir.api.state.ReducingStateDescriptor;
import io.weir.api.windowing.DurationArgument;
import io.weir.api.windowing.windows.Window;

import java.time.Duration;

/**
 * Fires a window repeatedly as event time passes multiples of {@code interval} (from the epoch), and once more
 * when the watermark passes the window's end; contents are kept between firings. A watermark that jumps over
 * several multiples, or over a multiple and the window's end, fires the window once, not once per multiple.
 *
 * <p>In BATCH, where the watermark jumps to its maximum at the end of each key, each window thus fires once, with
 * all of its records, as its last firing in STREAMING does; the earlier firings depend on how the watermark
 * advanced.
 */
public final class ContinuousEventTimeTrigger<W extends Window> extends Trigger<Object, W> {
    private static final long serialVersionUID = 1L;
    private final long interval;
    /** The pending periodic firing, if any; min so that merged windows keep the earliest. */
    private final ReducingStateDescriptor<Long> fireTimeDescriptor =
            new ReducingStateDescriptor<>("fire-time", (ReduceFunction<Long>) Math::min, Long.class);

    private ContinuousEventTimeTrigger(long interval) {
        this.interval = interval;
    }

    public static <W extends Window> ContinuousEventTimeTrigger<W> of(Duration interval) {
        return new ContinuousEventTimeTrigger<>(
                DurationArgument.positiveMillis("ContinuousEventTimeTrigger.of", "interval", interval));
    }

    @Override
    public TriggerResult onElement(Object element, long timestamp, W window, TriggerContext ctx) throws Exception {
        if (window.maxTimestamp() <= ctx.getCurrentWatermark()) {
            return TriggerResult.FIRE;
        }
        ctx.registerEventTimeTimer(window.maxTimestamp());
        ReducingState<Long> fireTime = ctx.getPartitionedState(fireTimeDescriptor);
        if (fireTime.get() == null) {
            scheduleAfter(Math.max(timestamp, ctx.getCurrentWatermark()), window, ctx, fireTime);
        }
        return TriggerResult.CONTINUE;
    }

    @Override
    public TriggerResult onEventTime(long time, W window, TriggerContext ctx) throws Exception {
        if (time == window.maxTimestamp()) {
            return TriggerResult.FIRE;
        }
        ReducingState<Long> fireTime = ctx.getPartitionedState(fireTimeDescriptor);
        Long pending = fireTime.get();
        if (pending == null || pending != time) {
            return TriggerResult.CONTINUE;
        }
        fireTime.clear();
        long watermark = ctx.getCurrentWatermark();
        if (watermark >= window.maxTimestamp()) {
            return TriggerResult.CONTINUE; // the window's end is due as well and fires right after
        }
        scheduleAfter(Math.max(time, watermark), window, ctx, fireTime);
        return TriggerResult.FIRE;
    }

    /** Registers the first multiple of the interval after {@code time}, if it comes before the window's end. */
    private void scheduleAfter(long time, W window, TriggerContext ctx, ReducingState<Long> fireTime) throws Exception {
        long next = time - Math.floorMod(time, interval) + interval;
        if (next <= time || next >= window.maxTimestamp()) {
            return; // past the largest timestamp, or the window's own end fires then
        }
        fireTime.add(next);
        ctx.registerEventTimeTimer(next);
    }

    @Override
    public TriggerResult onProcessingTime(long time, W window, TriggerContext ctx) {
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
            ctx.registerEventTimeTimer(pending);
        }
        if (window.maxTimestamp() > ctx.getCurrentWatermark()) {
            ctx.registerEventTimeTimer(window.maxTimestamp());
        }
    }

    @Override
    public void clear(W window, TriggerContext ctx) throws Exception {
        ReducingState<Long> fireTime = ctx.getPartitionedState(fireTimeDescriptor);
        Long pending = fireTime.get();
        if (pending != null) {
            ctx.deleteEventTimeTimer(pending);
            fireTime.clear();
        }
        ctx.deleteEventTimeTimer(window.maxTimestamp());
    }

    public long getInterval() {
        return interval;
    }

    @Override
    public String toString() {
        return "ContinuousEventTimeTrigger(" + interval + ")";
    }
}
