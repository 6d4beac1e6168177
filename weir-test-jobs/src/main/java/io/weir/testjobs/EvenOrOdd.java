package io.weir.testjobs;

import io.weir.api.common.OutputTag;
import io.weir.api.functions.Collector;
import io.weir.api.functions.ProcessFunction;

/** {@code pf,id} for events with an even value; {@code pfodd,id} to the side output for the others. */
public final class EvenOrOdd extends ProcessFunction<Event, String> {
    private static final long serialVersionUID = 1L;
    static final OutputTag<String> ODD = new OutputTag<>("odd") {};

    @Override
    public void processElement(Event event, Context ctx, Collector<String> out) {
        if (event.value() % 2 == 0) {
            out.collect("pf," + event.id());
        } else {
            ctx.output(ODD, "pfodd," + event.id());
        }
    }
}
