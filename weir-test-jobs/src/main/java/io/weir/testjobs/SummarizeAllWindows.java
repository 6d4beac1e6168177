package io.weir.testjobs;

import io.weir.api.functions.Collector;
import io.weir.api.functions.windowing.ProcessAllWindowFunction;
import io.weir.api.windowing.windows.TimeWindow;

/** {@code all,windowStart,count,sum} of a window over all keys. */
public final class SummarizeAllWindows extends ProcessAllWindowFunction<Event, String, TimeWindow> {
    private static final long serialVersionUID = 1L;

    @Override
    public void process(Context context, Iterable<Event> events, Collector<String> out) {
        long count = 0;
        long sum = 0;
        for (Event e : events) {
            count++;
            sum += e.value();
        }
        out.collect("all," + context.window().getStart() + "," + count + "," + sum);
    }
}
