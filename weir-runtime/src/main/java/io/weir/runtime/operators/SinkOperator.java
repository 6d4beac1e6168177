package io.weir.runtime.operators;

import io.weir.api.connector.sink.Sink;
import io.weir.api.connector.sink.SinkWriter;
import io.weir.api.connector.sink.WriterInitContext;
import io.weir.api.eventtime.TimestampAssigner;
import io.weir.api.eventtime.Watermark;
import io.weir.runtime.time.WatermarkStatus;

/**
 * Feeds a {@link SinkWriter}. The writer is flushed with {@code endOfInput=true} only when the whole input
 * was written; after a failure it is just closed, so it can discard what it has not committed.
 */
public final class SinkOperator<T> implements StreamOperator<Void>, OperatorInput<T> {
    private final Sink<T> sink;
    private final boolean publishAtEndOfInput;
    private SinkWriter<T> writer;
    private long currentTimestamp;
    private final SinkWriter.Context writerContext = () ->
            currentTimestamp == TimestampAssigner.NO_TIMESTAMP ? null : currentTimestamp;

    /** {@code publishAtEndOfInput}: BATCH, where a retried task replays its input (see the writer contract). */
    public SinkOperator(Sink<T> sink, boolean publishAtEndOfInput) {
        this.sink = sink;
        this.publishAtEndOfInput = publishAtEndOfInput;
    }

    @Override
    public void open(OperatorContext<Void> context) throws Exception {
        OperatorRuntimeContext rc = context.runtimeContext();
        writer = sink.createWriter(new WriterInitContext() {
            @Override
            public int getSubtaskId() {
                return rc.getIndexOfThisSubtask();
            }

            @Override
            public int getNumberOfParallelSubtasks() {
                return rc.getNumberOfParallelSubtasks();
            }

            @Override
            public int getAttemptNumber() {
                return rc.getAttemptNumber();
            }

            @Override
            public String getJobName() {
                return rc.getJobName();
            }

            @Override
            public boolean publishesAtEndOfInput() {
                return publishAtEndOfInput;
            }
        });
    }

    @Override
    public OperatorInput<?> input(int index) {
        return this;
    }

    @Override
    public void processElement(T value, long timestamp) throws Exception {
        currentTimestamp = timestamp;
        writer.write(value, writerContext);
    }

    /** A sink has no downstream: the watermark ends at its writer. */
    @Override
    public void processWatermark(long watermark, Output<Void> output) throws Exception {
        writer.writeWatermark(new Watermark(watermark));
    }

    @Override
    public void processWatermarkStatus(WatermarkStatus status, Output<Void> output) {
    }

    @Override
    public void finish() throws Exception {
        writer.flush(true);
    }

    @Override
    public void close() throws Exception {
        if (writer != null) {
            writer.close();
        }
    }
}
