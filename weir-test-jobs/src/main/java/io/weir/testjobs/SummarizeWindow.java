package io.weir.testjobs;

import io.weir.api.functions.Collector;
import io.weir.api.functions.windowing.ProcessWindowFunction;
import io.weir.api.windowing.windows.TimeWindow;

/** {@code <section>,key,windowStart,count,sum} of a key's window of events. */
public final class SummarizeWindow extends ProcessWindowFunction<Event, String, String, TimeWindow> {
    private static final long serialVersionUID = 1L;
    private final String section;

    public SummarizeWindow(String section) {
        this.section = section;
    }

    @Override
    public void process(String key, Context context, Iterable<Event> events, Collector<String> out) {
        long count = 0;
        long sum = 0;
        for (Event e : events) {
            count++;
            sum += e.value();
        }
        out.collect(section + "," + key + "," + context.window().getStart() + "," + count + "," + sum);
    }
}
