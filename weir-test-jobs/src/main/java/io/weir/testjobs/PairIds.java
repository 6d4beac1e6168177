package io.weir.testjobs;

import io.weir.api.functions.Collector;
import io.weir.api.functions.ProcessJoinFunction;

/** {@code ijoin,eventId,probeId} for each pair of an interval join. */
public final class PairIds extends ProcessJoinFunction<Event, Probe, String> {
    private static final long serialVersionUID = 1L;

    @Override
    public void processElement(Event event, Probe probe, Context ctx, Collector<String> out) {
        out.collect("ijoin," + event.id() + "," + probe.id);
    }
}
