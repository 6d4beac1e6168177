package io.weir.runtime.operators;

import io.weir.api.config.Configuration;
import io.weir.api.connector.source.Boundedness;
import io.weir.api.connector.source.InputStatus;
import io.weir.api.connector.source.Source;
import io.weir.api.connector.source.SourceReader;
import io.weir.api.connector.source.SourceReaderContext;
import io.weir.api.connector.source.SourceSplit;
import io.weir.api.eventtime.WatermarkStrategy;
import io.weir.runtime.time.ProcessingTimeService;

import java.util.Optional;

/**
 * The head of a source task: pulls splits from the shared enumerator and records from its reader. The
 * {@link SourceReaderOutput} it gives the reader assigns timestamps and runs the watermark generators (one per
 * split output). Driven by the task loop through {@link #emitNext()} instead of an input. A reader of an
 * unbounded source that has no split is idle; at the end of a bounded input the source emits
 * {@code MAX_WATERMARK}.
 */
public final class SourceOperator<T, S extends SourceSplit> implements StreamOperator<T> {
    /** What {@link #emitNext()} did. */
    public enum Status { MORE_AVAILABLE, NOTHING_AVAILABLE, END_OF_INPUT }

    private final Source<T, S> source;
    private final WatermarkStrategy<T> watermarkStrategy;
    private final boolean runWatermarkGenerators;
    private final SharedSplitEnumerator<S> splits;
    private SourceReader<T, S> reader;
    private SourceReaderOutput<T> readerOutput;
    private int subtask;
    private boolean hasSplit;

    /** Without {@code runWatermarkGenerators} (BATCH) only the timestamp assigner runs. */
    public SourceOperator(Source<T, S> source, WatermarkStrategy<T> watermarkStrategy, boolean runWatermarkGenerators,
                          SharedSplitEnumerator<S> splits) {
        this.source = source;
        this.watermarkStrategy = watermarkStrategy;
        this.runWatermarkGenerators = runWatermarkGenerators;
        this.splits = splits;
    }

    @Override
    public void open(OperatorContext<T> context) throws Exception {
        OperatorRuntimeContext rc = context.runtimeContext();
        subtask = rc.getIndexOfThisSubtask();
        Configuration configuration = context.configuration();
        ProcessingTimeService processingTime = context.processingTimeService();
        readerOutput = new SourceReaderOutput<>(context.output(), watermarkStrategy,
                processingTime::currentProcessingTime, runWatermarkGenerators);
        reader = source.createReader(new SourceReaderContext() {
            @Override
            public int getIndexOfSubtask() {
                return rc.getIndexOfThisSubtask();
            }

            @Override
            public int getParallelism() {
                return rc.getNumberOfParallelSubtasks();
            }

            @Override
            public Configuration getConfiguration() {
                return configuration;
            }
        });
        reader.open();
    }

    @Override
    public OperatorInput<?> input(int index) {
        throw new IllegalStateException("A source has no inputs");
    }

    /** Emits what the reader has now (about a batch at most). */
    public Status emitNext() throws Exception {
        if (!hasSplit) {
            Optional<S> next = splits.nextSplit(subtask);
            if (next.isEmpty()) {
                if (source.getBoundedness() == Boundedness.BOUNDED) {
                    readerOutput.endOfInput();
                    return Status.END_OF_INPUT;
                }
                // An unbounded source with more readers than splits: this reader has nothing to wait for.
                readerOutput.waitingForSplit(true);
                return Status.NOTHING_AVAILABLE;
            }
            readerOutput.waitingForSplit(false);
            reader.addSplit(next.get());
            hasSplit = true;
        }
        InputStatus status = reader.pollNext(readerOutput);
        return switch (status) {
            case MORE_AVAILABLE -> Status.MORE_AVAILABLE;
            case NOTHING_AVAILABLE -> Status.NOTHING_AVAILABLE;
            case END_OF_SPLIT -> {
                hasSplit = false;
                yield Status.MORE_AVAILABLE;
            }
        };
    }

    /** Called every {@code pipeline.auto-watermark-interval} on the task thread. */
    public void emitPeriodicWatermark() {
        readerOutput.emitPeriodicWatermarks();
    }

    @Override
    public void close() throws Exception {
        if (reader != null) {
            reader.close();
        }
    }
}
