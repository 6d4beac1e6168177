package io.weir.runtime.operators;

import io.weir.api.common.OutputTag;
import io.weir.api.eventtime.TimestampAssigner;
import io.weir.api.functions.Collector;
import io.weir.api.functions.TimerService;
import io.weir.runtime.state.KeyedStateBackend;

/**
 * What the process-function operators tell their function about the record being processed: its timestamp,
 * its key, side outputs and the timer service. Each operator's {@code Context} subclass (one per function
 * kind, as the API requires) delegates here, so the behaviour is written once.
 */
final class ElementContext<O> {
    private final Output<O> output;
    private final TimestampedCollector<O> collector;
    private final KeyedStateBackend keyedState;
    private final UnsupportedTimerService timerService;

    /** {@code keyedState} is null for operators that are not keyed. */
    ElementContext(OperatorContext<O> context, KeyedStateBackend keyedState) {
        this.output = context.output();
        this.collector = new TimestampedCollector<>(output);
        this.keyedState = keyedState;
        this.timerService = new UnsupportedTimerService(context.operatorName(), context.processingClock());
    }

    /** Called before the function sees a record: its output inherits the record's timestamp. */
    Collector<O> forRecord(long timestamp) {
        collector.timestamp = timestamp;
        return collector;
    }

    Long timestamp() {
        long ts = collector.timestamp;
        return ts == TimestampAssigner.NO_TIMESTAMP ? null : ts;
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

    void advanceWatermark(long watermark) {
        timerService.advanceWatermark(watermark);
    }
}
