package io.weir.testjobs;

import io.weir.api.windowing.evictors.Evictor;
import io.weir.api.windowing.evictors.TimestampedValue;
import io.weir.api.windowing.windows.TimeWindow;

import java.util.Iterator;

/** An evictor of the job's own: before the window function, removes the events whose value is below a threshold. */
public final class SmallValueEvictor implements Evictor<Event, TimeWindow> {
    private static final long serialVersionUID = 1L;
    private final int threshold;

    public SmallValueEvictor(int threshold) {
        this.threshold = threshold;
    }

    @Override
    public void evictBefore(Iterable<TimestampedValue<Event>> elements, int size, TimeWindow window,
                            EvictorContext context) {
        for (Iterator<TimestampedValue<Event>> it = elements.iterator(); it.hasNext(); ) {
            if (it.next().getValue().value() < threshold) {
                it.remove();
            }
        }
    }

    @Override
    public void evictAfter(Iterable<TimestampedValue<Event>> elements, int size, TimeWindow window,
                           EvictorContext context) {
    }
}
