package io.weir.runtime.task;

import io.weir.runtime.exchange.ChannelEvent;
import io.weir.runtime.exchange.InputGate;
import io.weir.runtime.exchange.RecordBatch;

/**
 * STREAMING input: batches, watermarks and end-of-channel events from the task's inbox, in arrival order
 * over all channels, so that no input waits behind another.
 */
public final class PipelinedTaskInput implements TaskInput {
    private final InputGate gate;

    public PipelinedTaskInput(InputGate gate) {
        this.gate = gate;
    }

    @Override
    public void process(OperatorChain chain, TaskControl control) throws Exception {
        while (!gate.allEnded()) {
            long flushAt = control.nextFlushNanos();
            Object item = control.pollInbox(flushAt == Long.MAX_VALUE ? Long.MAX_VALUE
                    : Math.max(0, flushAt - System.nanoTime()));
            if (item != null) {
                dispatch(chain, control, item);
            }
            control.flushIfDue(System.nanoTime());
        }
    }

    private void dispatch(OperatorChain chain, TaskControl control, Object item) {
        if (item instanceof RecordBatch batch) {
            GuardedInput<Object> input = chain.headInput(gate.inputOf(batch.channel()));
            int size = batch.size();
            for (int i = 0; i < size; i++) {
                input.processElement(batch.value(i), batch.timestamp(i));
            }
            gate.release(batch.channel());
        } else if (item instanceof ChannelEvent.WatermarkEvent w) {
            long advanced = gate.onWatermark(w.channel(), w.watermark());
            if (advanced != Long.MIN_VALUE) {
                chain.headInputWatermark(gate.inputOf(w.channel()), advanced);
            }
        } else if (item instanceof ChannelEvent.EndOfChannel end) {
            int input = gate.inputOf(end.channel());
            if (gate.onEnd(end.channel())) {
                chain.headInputWatermark(input, Long.MAX_VALUE);
                chain.endHeadInput(input);
            } else {
                long advanced = gate.watermarkAfterEnd(end.channel());
                if (advanced != Long.MIN_VALUE) {
                    chain.headInputWatermark(input, advanced);
                }
            }
        } else {
            control.runMail(item);
        }
    }
}
