package io.weir.examples.windowwordcount;

import io.weir.api.functions.Collector;
import io.weir.api.functions.windowing.ProcessWindowFunction;
import io.weir.api.windowing.windows.TimeWindow;

/** Gives a word's count its window: called once per word and window with the one pre-aggregated count. */
final class AddWindow extends ProcessWindowFunction<Long, WindowCount, String, TimeWindow> {
    private static final long serialVersionUID = 1L;

    @Override
    public void process(String word, Context context, Iterable<Long> counts, Collector<WindowCount> out) {
        TimeWindow window = context.window();
        for (Long count : counts) {
            out.collect(new WindowCount(window.getStart(), window.getEnd(), word, count));
        }
    }
}
