package io.weir.testjobs;

import io.weir.api.functions.Collector;
import io.weir.api.functions.windowing.ProcessWindowFunction;
import io.weir.api.windowing.windows.TimeWindow;

/** {@code <section>,key,windowStart,count,sum} from the one pre-aggregated {@link CountAndSum} of a window. */
public final class SummarizeAggregate extends ProcessWindowFunction<long[], String, String, TimeWindow> {
    private static final long serialVersionUID = 1L;
    private final String section;

    public SummarizeAggregate(String section) {
        this.section = section;
    }

    @Override
    public void process(String key, Context context, Iterable<long[]> results, Collector<String> out) {
        for (long[] countAndSum : results) {
            out.collect(section + "," + key + "," + context.window().getStart() + "," + countAndSum[0] + ","
                    + countAndSum[1]);
        }
    }
}
