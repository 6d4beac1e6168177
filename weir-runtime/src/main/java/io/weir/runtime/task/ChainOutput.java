package io.weir.runtime.task;

import io.weir.api.common.OutputTag;
import io.weir.runtime.exchange.PartitionWriter;
import io.weir.runtime.operators.OperatorInput;
import io.weir.runtime.operators.Output;
import io.weir.runtime.time.WatermarkStatus;

import java.util.Map;

/**
 * An operator's output inside a task: calls the chained operators directly and feeds the exchanges that
 * leave the task. Side outputs have their own targets; a side output nobody reads is dropped. Watermarks and
 * watermark statuses go to every target, main and side: a watermark that does not advance is dropped (event
 * time never goes back), and an idle output becomes active before it sends a watermark.
 */
final class ChainOutput<T> implements Output<T> {
    /** Where one output (main or a side output) goes. */
    record Targets(OperatorInput<Object>[] chained, ChainedWatermarkTarget[] watermarkTargets, PartitionWriter[] writers) {
    }

    private final String operatorName;
    private final String subtask;
    private final OperatorInput<Object>[] chained;
    private final PartitionWriter[] writers;
    private final ChainedWatermarkTarget[] watermarkTargets;
    private final Map<OutputTag<?>, Targets> sideOutputs;
    private long watermark = Long.MIN_VALUE;
    private WatermarkStatus status = WatermarkStatus.ACTIVE;

    ChainOutput(String operatorName, String subtask, Targets main, Map<OutputTag<?>, Targets> sideOutputs) {
        this.operatorName = operatorName;
        this.subtask = subtask;
        this.chained = main.chained();
        this.writers = main.writers();
        this.watermarkTargets = main.watermarkTargets();
        this.sideOutputs = sideOutputs;
    }

    @Override
    public void emit(T value, long timestamp) {
        send(chained, writers, value, timestamp);
    }

    @Override
    public <X> void emitSide(OutputTag<X> tag, X value, long timestamp) {
        Targets targets = sideOutputs.get(tag);
        if (targets != null) {
            send(targets.chained(), targets.writers(), value, timestamp);
        }
    }

    private void send(OperatorInput<Object>[] inputs, PartitionWriter[] outs, Object value, long timestamp) {
        if (value == null) {
            throw new NullPointerException("Operator '" + operatorName + "' emitted null: records must not be null");
        }
        try {
            for (OperatorInput<Object> input : inputs) {
                input.processElement(value, timestamp);
            }
            for (PartitionWriter writer : outs) {
                writer.emit(value, timestamp);
            }
        } catch (OperatorException | TaskCancelledException e) {
            throw e;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new TaskCancelledException(e);
        } catch (Exception e) {
            // From a partitioner, i.e. the key selector of a keyBy after this operator.
            throw new OperatorException(operatorName, subtask, e);
        }
    }

    @Override
    public void emitWatermark(long watermark) {
        if (watermark <= this.watermark) {
            return;
        }
        emitWatermarkStatus(WatermarkStatus.ACTIVE);
        this.watermark = watermark;
        try {
            sendWatermark(watermarkTargets, writers, watermark);
            for (Targets side : sideOutputs.values()) {
                sendWatermark(side.watermarkTargets(), side.writers(), watermark);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new TaskCancelledException(e);
        }
    }

    private static void sendWatermark(ChainedWatermarkTarget[] targets, PartitionWriter[] outs, long watermark)
            throws InterruptedException {
        for (ChainedWatermarkTarget target : targets) {
            target.processWatermark(watermark);
        }
        for (PartitionWriter writer : outs) {
            writer.emitWatermark(watermark);
        }
    }

    @Override
    public void emitWatermarkStatus(WatermarkStatus status) {
        if (status == this.status) {
            return;
        }
        this.status = status;
        try {
            sendStatus(watermarkTargets, writers, status);
            for (Targets side : sideOutputs.values()) {
                sendStatus(side.watermarkTargets(), side.writers(), status);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new TaskCancelledException(e);
        }
    }

    private static void sendStatus(ChainedWatermarkTarget[] targets, PartitionWriter[] outs, WatermarkStatus status)
            throws InterruptedException {
        for (ChainedWatermarkTarget target : targets) {
            target.processWatermarkStatus(status);
        }
        for (PartitionWriter writer : outs) {
            writer.emitWatermarkStatus(status);
        }
    }
}
