package io.weir.runtime.task;

import io.weir.api.common.OutputTag;
import io.weir.runtime.exchange.PartitionWriter;
import io.weir.runtime.operators.OperatorInput;
import io.weir.runtime.operators.Output;

import java.util.Map;

/**
 * An operator's output inside a task: calls the chained operators directly and feeds the exchanges that
 * leave the task. Side outputs have their own targets; a side output nobody reads is dropped.
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
        try {
            for (ChainedWatermarkTarget target : watermarkTargets) {
                target.processWatermark(watermark);
            }
            for (PartitionWriter writer : writers) {
                writer.emitWatermark(watermark);
            }
            for (Targets side : sideOutputs.values()) {
                for (ChainedWatermarkTarget target : side.watermarkTargets()) {
                    target.processWatermark(watermark);
                }
                for (PartitionWriter writer : side.writers()) {
                    writer.emitWatermark(watermark);
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new TaskCancelledException(e);
        }
    }
}
