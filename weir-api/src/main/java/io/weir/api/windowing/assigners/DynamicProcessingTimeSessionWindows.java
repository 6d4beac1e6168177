package io.weir.api.windowing.assigners;

import io.weir.api.windowing.triggers.ProcessingTimeTrigger;
import io.weir.api.windowing.triggers.Trigger;
import io.weir.api.windowing.windows.TimeWindow;

import java.util.Collection;
import java.util.List;

/**
 * Processing-time session windows whose gap is read from each record: a record at the processing time when it arrives {@code t} opens
 * {@code [t, t + extractor.extract(record))}; overlapping or touching windows of a key merge.
 */
public class DynamicProcessingTimeSessionWindows<T> extends MergingWindowAssigner<T, TimeWindow> {
    private static final long serialVersionUID = 1L;
    private final SessionWindowTimeGapExtractor<T> extractor;

    protected DynamicProcessingTimeSessionWindows(SessionWindowTimeGapExtractor<T> extractor) {
        this.extractor = extractor;
    }

    public static <T> DynamicProcessingTimeSessionWindows<T> withDynamicGap(SessionWindowTimeGapExtractor<T> extractor) {
        if (extractor == null) {
            throw new IllegalArgumentException("ProcessingTimeSessionWindows.withDynamicGap: the gap extractor must not be null");
        }
        return new DynamicProcessingTimeSessionWindows<>(extractor);
    }

    @Override
    public Collection<TimeWindow> assignWindows(T element, long timestamp, WindowAssignerContext context) {
        long time = context.getCurrentProcessingTime();
        long gap = extractor.extract(element);
        if (gap <= 0) {
            throw new IllegalArgumentException("DynamicProcessingTimeSessionWindows: the gap extractor " + extractor.getClass().getName()
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
        return (Trigger<T, TimeWindow>) (Trigger<?, ?>) ProcessingTimeTrigger.<TimeWindow>create();
    }

    @Override
    public boolean isEventTime() {
        return false;
    }

    @Override
    public String toString() {
        return "DynamicProcessingTimeSessionWindows(" + extractor.getClass().getSimpleName() + ")";
    }
}
