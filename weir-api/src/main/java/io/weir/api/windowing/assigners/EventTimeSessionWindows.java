package io.weir.api.windowing.assigners;

import io.weir.api.windowing.DurationArgument;
import io.weir.api.windowing.triggers.EventTimeTrigger;
import io.weir.api.windowing.triggers.Trigger;
import io.weir.api.windowing.windows.TimeWindow;

import java.time.Duration;
import java.util.Collection;
import java.util.List;

/**
 * Event-time session windows: a record opens the window {@code [t, t + gap)} at its event timestamp {@code t}, and
 * windows of a key that overlap or touch merge into one. A session thus ends after a gap without records.
 */
public class EventTimeSessionWindows extends MergingWindowAssigner<Object, TimeWindow> {
    private static final long serialVersionUID = 1L;
    private final long gap;

    protected EventTimeSessionWindows(long gap) {
        this.gap = gap;
    }

    /** Sessions that end after {@code gap} without records of their key. */
    public static EventTimeSessionWindows withGap(Duration gap) {
        return new EventTimeSessionWindows(DurationArgument.positiveMillis("EventTimeSessionWindows.withGap", "gap", gap));
    }

    /** Sessions whose gap each record decides: the gap after a record is {@code extractor.extract(record)}. */
    public static <T> DynamicEventTimeSessionWindows<T> withDynamicGap(SessionWindowTimeGapExtractor<T> extractor) {
        return DynamicEventTimeSessionWindows.withDynamicGap(extractor);
    }

    @Override
    public Collection<TimeWindow> assignWindows(Object element, long timestamp, WindowAssignerContext context) {
        long time = AssignerArguments.eventTimestamp(element, timestamp, this);
        return List.of(new TimeWindow(time, AssignerArguments.end(time, gap, element)));
    }

    @Override
    public void mergeWindows(Collection<TimeWindow> windows, MergeCallback<TimeWindow> callback) {
        TimeWindow.mergeWindows(windows, callback::merge);
    }

    @Override
    public Trigger<Object, TimeWindow> getDefaultTrigger() {
        return EventTimeTrigger.create();
    }

    @Override
    public boolean isEventTime() {
        return true;
    }

    public long getGap() {
        return gap;
    }

    @Override
    public String toString() {
        return "EventTimeSessionWindows(" + gap + ")";
    }
}
