package io.weir.testjobs;

import io.weir.api.functions.Collector;
import io.weir.api.functions.KeyedCoProcessFunction;
import io.weir.api.functions.OpenContext;
import io.weir.api.state.ValueState;
import io.weir.api.state.ValueStateDescriptor;

/**
 * Keyed state of two connected inputs: counts each key's events and probes, and emits
 * {@code kcoproc,key,events,probes} from an event-time timer after the last record.
 */
public final class CountBothSides extends KeyedCoProcessFunction<String, Event, Probe, String> {
    private static final long serialVersionUID = 1L;
    /** Later than every record of the job's inputs: the timer fires when the input ends. */
    static final long AFTER_ALL_INPUT = Long.MAX_VALUE / 2;
    private transient ValueState<Long> events;
    private transient ValueState<Long> probes;

    @Override
    public void open(OpenContext openContext) {
        events = getRuntimeContext().getState(new ValueStateDescriptor<>("events", Long.class, 0L));
        probes = getRuntimeContext().getState(new ValueStateDescriptor<>("probes", Long.class, 0L));
    }

    @Override
    public void processElement1(Event value, Context ctx, Collector<String> out) throws Exception {
        events.update(events.value() + 1);
        ctx.timerService().registerEventTimeTimer(AFTER_ALL_INPUT);
    }

    @Override
    public void processElement2(Probe value, Context ctx, Collector<String> out) throws Exception {
        probes.update(probes.value() + 1);
        ctx.timerService().registerEventTimeTimer(AFTER_ALL_INPUT);
    }

    @Override
    public void onTimer(long timestamp, OnTimerContext ctx, Collector<String> out) throws Exception {
        out.collect("kcoproc," + ctx.getCurrentKey() + "," + events.value() + "," + probes.value());
    }
}
