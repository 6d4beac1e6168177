package io.weir.testjobs;

import io.weir.api.functions.CoFlatMapFunction;
import io.weir.api.functions.Collector;

/** {@code coflat1,id} for events with a value below 10, {@code coflat2,id} twice for each probe. */
public final class SmallEventsAndAllProbes implements CoFlatMapFunction<Event, Probe, String> {
    private static final long serialVersionUID = 1L;

    @Override
    public void flatMap1(Event event, Collector<String> out) {
        if (event.value() < 10) {
            out.collect("coflat1," + event.id());
        }
    }

    @Override
    public void flatMap2(Probe probe, Collector<String> out) {
        out.collect("coflat2," + probe.id);
        out.collect("coflat2," + probe.id);
    }
}
