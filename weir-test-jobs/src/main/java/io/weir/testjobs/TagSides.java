package io.weir.testjobs;

import io.weir.api.functions.CoMapFunction;

/** {@code comap1,id} for events, {@code comap2,id} for probes. */
public final class TagSides implements CoMapFunction<Event, Probe, String> {
    private static final long serialVersionUID = 1L;

    @Override
    public String map1(Event event) {
        return "comap1," + event.id();
    }

    @Override
    public String map2(Probe probe) {
        return "comap2," + probe.id;
    }
}
