package io.weir.api.windowing.triggers;

import io.weir.api.functions.ReduceFunction;
import io.weir.api.state.ReducingState;
import io.weir.api.state.ReducingStateDescriptor;
import io.weir.api.windowing.windows.Window;

/**
 * Fires a window each time {@code maxCount} more records have been added to it (and keeps its contents: wrap
 * it in a {@link PurgingTrigger} to start afresh after each firing, as {@code countWindow(size)} does).
 * Records are counted per key and window in the order the window operator receives them.
 */
public final class CountTrigger<W extends Window> extends Trigger<Object, W> {
    private static final long serialVersionUID = 1L;
    private final long maxCount;
    private final ReducingStateDescriptor<Long> countDescriptor =
            new ReducingStateDescriptor<>("count", (ReduceFunction<Long>) Long::sum, Long.class);

    private CountTrigger(long maxCount) {
        this.maxCount = maxCount;
    }

    /** Fires every {@code maxCount} records; {@code maxCount} must be positive. */
    public static <W extends Window> CountTrigger<W> of(long maxCount) {
        if (maxCount <= 0) {
            throw new IllegalArgumentException("CountTrigger.of: maxCount must be positive, but was " + maxCount);
        }
        return new CountTrigger<>(maxCount);
    }

    @Override
    public TriggerResult onElement(Object element, long timestamp, W window, TriggerContext ctx) throws Exception {
        ReducingState<Long> count = ctx.getPartitionedState(countDescriptor);
        count.add(1L);
        if (count.get() >= maxCount) {
            count.clear();
            return TriggerResult.FIRE;
        }
        return TriggerResult.CONTINUE;
    }

    @Override
    public TriggerResult onEventTime(long time, W window, TriggerContext ctx) {
        return TriggerResult.CONTINUE;
    }

    @Override
    public TriggerResult onProcessingTime(long time, W window, TriggerContext ctx) {
        return TriggerResult.CONTINUE;
    }

    @Override
    public boolean canMerge() {
        return true;
    }

    /** The merged windows' counts add up; the next record fires the result if the sum reached the count. */
    @Override
    public void onMerge(W window, OnMergeContext ctx) {
        ctx.mergePartitionedState(countDescriptor);
    }

    @Override
    public void clear(W window, TriggerContext ctx) {
        ctx.getPartitionedState(countDescriptor).clear();
    }

    public long getMaxCount() {
        return maxCount;
    }

    @Override
    public String toString() {
        return "CountTrigger(" + maxCount + ")";
    }
}
