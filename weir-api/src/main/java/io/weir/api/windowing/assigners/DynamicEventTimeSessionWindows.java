package io.weir.api.windowing.assigners;

import io.weir.api.windowing.triggers.EventTimeTrigger;
import io.weir.api.windowing.triggers.Trigger;
import io.weir.api.windowing.windows.TimeWindow;

import java.util.Collection;
import java.util.List;

/**
 * Event-time session windows whose gap is read from each record: a record at its event timestamp {@code t} opens
 * {@code [t, t + extractor.extract(record))}; overlapping or touching windows of a key merge.
 */
public class DynamicEventTimeSessionWindows<T> extends MergingWindowAssigner<T, TimeWindow> {
    private static final long serialVersionUID = 1L;
    private final SessionWindowTimeGapExtractor<T> extractor;

    protected DynamicEventTimeSessionWindows(SessionWindowTimeGapExtractor<T> extractor) {
        this.extractor = extractor;
    }

    public static <T> DynamicEventTimeSessionWindows<T> withDynamicGap(SessionWindowTimeGapExtractor<T> extractor) {
        if (extractor == null) {
            throw new IllegalArgumentException("EventTimeSessionWindows.withDynamicGap: the gap extractor must not be null");
        }
        return new DynamicEventTimeSessionWindows<>(extractor);
    }

    @Override
    public Collection<TimeWindow> assignWindows(T element, long timestamp, WindowAssignerContext context) {
        long time = AssignerArguments.eventTimestamp(element, timestamp, this);
        long gap = extractor.extract(element);
        if (gap <= 0) {
            throw new IllegalArgumentException("DynamicEventTimeSessionWindows: the gap extractor " + extractor.getClass().getName()
                    + " returned " + gap + " ms for record " + element + "; a session gap must be at least 1 ms");
        }
        return List.of(new TimeWindow(time, AssignerArguments.end(time, gap, element)));
    }

    @Override
    public void mergeWindows(Collection<TimeWindow> windows, MergeCallback<TimeWindow> callback) {
        TimeWindow.mergeWindows(windows, callback::merge);
    }

    @Override
    @SuppressWarnings("unchecked")
    public Trigger<T, TimeWindow> getDefaultTrigger() {
        // The trigger ignores records, so it serves records of any type.
        return (Trigger<T, TimeWindow>) (Trigger<?, ?>) EventTimeTrigger.<TimeWindow>create();
    }

    @Override
    public boolean isEventTime() {
        return true;
    }

    @Override
    public String toString() {
        return "DynamicEventTimeSessionWindows(" + extractor.getClass().getSimpleName() + ")";
    }
}
