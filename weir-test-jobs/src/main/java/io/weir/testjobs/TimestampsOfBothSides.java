package io.weir.testjobs;

import io.weir.api.functions.CoProcessFunction;
import io.weir.api.functions.Collector;

/** {@code coproc1,id,timestamp} for events, {@code coproc2,id,timestamp} for probes: the timestamps they carry. */
public final class TimestampsOfBothSides extends CoProcessFunction<Event, Probe, String> {
    private static final long serialVersionUID = 1L;

    @Override
    public void processElement1(Event event, Context ctx, Collector<String> out) {
        out.collect("coproc1," + event.id() + "," + ctx.timestamp());
    }

    @Override
    public void processElement2(Probe probe, Context ctx, Collector<String> out) {
        out.collect("coproc2," + probe.id + "," + ctx.timestamp());
    }
}
