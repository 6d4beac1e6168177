package io.weir.api.windowing.assigners;

import io.weir.api.windowing.DurationArgument;
import io.weir.api.windowing.triggers.ProcessingTimeTrigger;
import io.weir.api.windowing.triggers.Trigger;
import io.weir.api.windowing.windows.TimeWindow;

import java.time.Duration;
import java.util.Collection;
import java.util.List;

/**
 * Processing-time session windows: a record opens the window {@code [t, t + gap)} at the processing time when it arrives {@code t}, and
 * windows of a key that overlap or touch merge into one. A session thus ends after a gap without records.
 */
public class ProcessingTimeSessionWindows extends MergingWindowAssigner<Object, TimeWindow> {
    private static final long serialVersionUID = 1L;
    private final long gap;

    protected ProcessingTimeSessionWindows(long gap) {
        this.gap = gap;
    }

    /** Sessions that end after {@code gap} without records of their key. */
    public static ProcessingTimeSessionWindows withGap(Duration gap) {
        return new ProcessingTimeSessionWindows(DurationArgument.positiveMillis("ProcessingTimeSessionWindows.withGap", "gap", gap));
    }

    /** Sessions whose gap each record decides: the gap after a record is {@code extractor.extract(record)}. */
    public static <T> DynamicProcessingTimeSessionWindows<T> withDynamicGap(SessionWindowTimeGapExtractor<T> extractor) {
        return DynamicProcessingTimeSessionWindows.withDynamicGap(extractor);
    }

    @Override
    public Collection<TimeWindow> assignWindows(Object element, long timestamp, WindowAssignerContext context) {
        long time = context.getCurrentProcessingTime();
        return List.of(new TimeWindow(time, AssignerArguments.end(time, gap, element)));
    }

    @Override
    public void mergeWindows(Collection<TimeWindow> windows, MergeCallback<TimeWindow> callback) {
        TimeWindow.mergeWindows(windows, callback::merge);
    }

    @Override
    public Trigger<Object, TimeWindow> getDefaultTrigger() {
        return ProcessingTimeTrigger.create();
    }

    @Override
    public boolean isEventTime() {
        return false;
    }

    public long getGap() {
        return gap;
    }

    @Override
    public String toString() {
        return "ProcessingTimeSessionWindows(" + gap + ")";
    }
}
