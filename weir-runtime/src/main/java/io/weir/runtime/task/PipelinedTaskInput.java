package io.weir.runtime.task;

import io.weir.runtime.exchange.ChannelEvent;
import io.weir.runtime.exchange.InputGate;
import io.weir.runtime.exchange.RecordBatch;
import io.weir.runtime.time.WatermarkCombiner;
import io.weir.runtime.time.WatermarkStatus;

/**
 * STREAMING input: batches, watermarks, watermark statuses and end-of-channel events from the task's inbox,
 * in arrival order over all channels, so that no input waits behind another. The gate combines each input's
 * channels; the chain combines the inputs.
 */
public final class PipelinedTaskInput implements TaskInput {
    private final InputGate gate;

    public PipelinedTaskInput(InputGate gate) {
        this.gate = gate;
    }

    @Override
    public void process(OperatorChain chain, TaskControl control) throws Exception {
        HeadInput[] headInputs = new HeadInput[chain.numberOfHeadInputs()];
        for (int i = 0; i < headInputs.length; i++) {
            headInputs[i] = new HeadInput(chain, i);
        }
        while (!gate.allEnded()) {
            long flushAt = control.nextFlushNanos();
            Object item = control.pollInbox(flushAt == Long.MAX_VALUE ? Long.MAX_VALUE
                    : Math.max(0, flushAt - System.nanoTime()));
            if (item != null) {
                dispatch(chain, control, headInputs, item);
            }
            control.flushIfDue(System.nanoTime());
        }
    }

    private void dispatch(OperatorChain chain, TaskControl control, HeadInput[] headInputs, Object item) {
        if (item instanceof RecordBatch batch) {
            GuardedInput<Object> input = chain.headInput(gate.inputOf(batch.channel()));
            int size = batch.size();
            for (int i = 0; i < size; i++) {
                input.processElement(batch.value(i), batch.timestamp(i));
            }
            gate.release(batch.channel());
        } else if (item instanceof ChannelEvent.WatermarkEvent w) {
            gate.onWatermark(w.channel(), w.watermark(), headInputs[gate.inputOf(w.channel())]);
        } else if (item instanceof ChannelEvent.WatermarkStatusEvent s) {
            gate.onWatermarkStatus(s.channel(), s.status(), headInputs[gate.inputOf(s.channel())]);
        } else if (item instanceof ChannelEvent.EndOfChannel end) {
            int input = gate.inputOf(end.channel());
            if (gate.onEnd(end.channel(), headInputs[input])) {
                chain.headInputWatermark(input, Long.MAX_VALUE);
                chain.endHeadInput(input);
            }
        } else {
            control.runMail(item);
        }
    }

    /** One logical input of the head: where the gate reports that input's combined watermark and status. */
    private record HeadInput(OperatorChain chain, int input) implements WatermarkCombiner.Listener {
        @Override
        public void onWatermark(long watermark) {
            chain.headInputWatermark(input, watermark);
        }

        @Override
        public void onStatus(WatermarkStatus status) {
            chain.headInputWatermarkStatus(input, status);
        }
    }
}
