package io.weir.examples.sensors;

import io.weir.api.functions.Collector;
import io.weir.api.functions.KeyedProcessFunction;
import io.weir.api.functions.OpenContext;
import io.weir.api.state.MapState;
import io.weir.api.state.MapStateDescriptor;

import java.util.ArrayList;
import java.util.List;

/**
 * Raises an alarm when a sensor has sent nothing for {@code timeout} of event time. Each reading sets an event-time
 * timer at its time plus the timeout; when a timer fires, the alarm is raised only if no reading came in the
 * timeout before it. The answer depends only on the readings' timestamps, not on the order they arrived in or on
 * how far the watermark had got, so STREAMING and BATCH raise the same alarms. At the end of a bounded input every
 * sensor falls silent, so each one's last reading raises a final alarm.
 */
public final class SilenceDetector extends KeyedProcessFunction<String, Reading, Alarm> {
    private static final long serialVersionUID = 1L;

    private final long timeoutMillis;
    /** The key's reading times that a pending timer may still need (a set: the values are unused). */
    private transient MapState<Long, Boolean> readingTimes;

    public SilenceDetector(long timeoutMillis) {
        if (timeoutMillis <= 0) {
            throw new IllegalArgumentException("The silence timeout must be positive, was " + timeoutMillis + " ms");
        }
        this.timeoutMillis = timeoutMillis;
    }

    @Override
    public void open(OpenContext openContext) {
        readingTimes = getRuntimeContext().getMapState(
                new MapStateDescriptor<>("reading times", Long.class, Boolean.class));
    }

    @Override
    public void processElement(Reading reading, Context ctx, Collector<Alarm> out) throws Exception {
        readingTimes.put(reading.timestamp(), Boolean.TRUE);
        ctx.timerService().registerEventTimeTimer(reading.timestamp() + timeoutMillis);
    }

    @Override
    public void onTimer(long alarmAt, OnTimerContext ctx, Collector<Alarm> out) throws Exception {
        long lastReading = alarmAt - timeoutMillis;
        boolean heardSince = false;
        List<Long> obsolete = new ArrayList<>();
        for (Long t : readingTimes.keys()) {
            if (t > lastReading && t <= alarmAt) {
                heardSince = true;
            } else if (t < lastReading) {
                // Timers fire in time order: no later timer looks this far back.
                obsolete.add(t);
            }
        }
        if (!heardSince) {
            out.collect(new Alarm(ctx.getCurrentKey(), lastReading, alarmAt));
        }
        for (Long t : obsolete) {
            readingTimes.remove(t);
        }
    }
}
