package io.weir.runtime.operators;

import io.weir.api.common.OutputTag;
import io.weir.api.eventtime.TimestampAssigner;
import io.weir.api.functions.Collector;
import io.weir.api.functions.TimeDomain;
import io.weir.api.functions.TimerService;
import io.weir.runtime.state.KeyedStateBackend;
import io.weir.runtime.time.InternalTimer;
import io.weir.runtime.time.Triggerable;
import io.weir.runtime.time.VoidNamespace;

/**
 * What the process-function operators tell their function about the record being processed or the timer that
 * fired: its timestamp, its key, side outputs and the timer service. Each operator's {@code Context} subclass
 * (one per function kind, as the API requires) delegates here, so the behaviour is written once.
 */
final class ElementContext<O> {
    private final Output<O> output;
    private final TimestampedCollector<O> collector;
    private final KeyedStateBackend keyedState;
    private final TimerService timerService;
    private final NonKeyedTimerService nonKeyedTimers;
    /** Set while a timer fires: its time and domain; the context's timestamp is then the timer's. */
    private long timerTimestamp;
    private TimeDomain timerDomain;

    /**
     * @param keyedState null for operators that are not keyed
     * @param timerTarget the operator's timer callbacks, used when the operator is keyed
     */
    ElementContext(OperatorContext<O> context, KeyedStateBackend keyedState,
                   Triggerable<Object, VoidNamespace> timerTarget) {
        this.output = context.output();
        this.collector = new TimestampedCollector<>(output);
        this.keyedState = keyedState;
        if (keyedState != null && context.hasKeyedTimers()) {
            this.timerService = new KeyedTimerService(context.timerService(timerTarget));
            this.nonKeyedTimers = null;
        } else {
            this.nonKeyedTimers = new NonKeyedTimerService(context.operatorName(), context.processingTimeService());
            this.timerService = nonKeyedTimers;
        }
    }

    /** Called before the function sees a record: its output inherits the record's timestamp. */
    Collector<O> forRecord(long timestamp) {
        collector.timestamp = timestamp;
        timerDomain = null;
        return collector;
    }

    /**
     * Called before the function's {@code onTimer}: output of an event-time timer carries the timer's time,
     * output of a processing-time timer has no event timestamp.
     */
    Collector<O> forTimer(InternalTimer<?, ?> timer, TimeDomain domain) {
        timerTimestamp = timer.timestamp();
        timerDomain = domain;
        collector.timestamp = domain == TimeDomain.EVENT_TIME ? timer.timestamp() : TimestampAssigner.NO_TIMESTAMP;
        return collector;
    }

    /** The record's timestamp, or (in {@code onTimer}) the timer's time; null when there is none. */
    Long timestamp() {
        if (timerDomain != null) {
            return timerTimestamp;
        }
        long ts = collector.timestamp;
        return ts == TimestampAssigner.NO_TIMESTAMP ? null : ts;
    }

    TimeDomain timeDomain() {
        return timerDomain;
    }

    Object currentKey() {
        return keyedState.getCurrentKey();
    }

    <X> void output(OutputTag<X> tag, X value) {
        output.emitSide(tag, value, collector.timestamp);
    }

    TimerService timerService() {
        return timerService;
    }

    /** For operators that are not keyed, which learn event time only from the watermarks they see. */
    void advanceWatermark(long watermark) {
        if (nonKeyedTimers != null) {
            nonKeyedTimers.advanceWatermark(watermark);
        }
    }
}
