package io.weir.runtime.operators;

import io.weir.api.common.SimpleVersionedSerializer;
import io.weir.api.connector.sink.CommittingSinkWriter;
import io.weir.api.connector.sink.Sink;
import io.weir.api.connector.sink.SinkWriter;
import io.weir.api.connector.sink.SupportsCommitter;
import io.weir.api.connector.sink.WriterInitContext;
import io.weir.api.eventtime.TimestampAssigner;
import io.weir.api.eventtime.Watermark;
import io.weir.runtime.sink.CommittableEnvelope;
import io.weir.runtime.sink.PreparedCommittables;
import io.weir.runtime.time.WatermarkStatus;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

/**
 * Feeds a {@link SinkWriter}. The writer is flushed with {@code endOfInput=true} only when the whole input
 * was written; after a failure it is just closed, so it can discard what it has not committed. The writer of a
 * {@link SupportsCommitter} sink then prepares its commit, and its committables (in
 * {@link CommittableEnvelope}s) go to the job run's {@link PreparedCommittables} for the job to commit once it
 * succeeded.
 */
public final class SinkOperator<T> implements StreamOperator<Void>, OperatorInput<T> {
    private final Sink<T> sink;
    private final int sinkId;
    private final boolean publishAtEndOfInput;
    private final PreparedCommittables committables;
    private SinkWriter<T> writer;
    private OperatorRuntimeContext runtimeContext;
    private long currentTimestamp;
    private final SinkWriter.Context writerContext = () ->
            currentTimestamp == TimestampAssigner.NO_TIMESTAMP ? null : currentTimestamp;

    /**
     * {@code publishAtEndOfInput}: BATCH, where a retried task replays its input (see the writer contract);
     * {@code sinkId} names this sink in {@code committables}.
     */
    public SinkOperator(Sink<T> sink, int sinkId, boolean publishAtEndOfInput, PreparedCommittables committables) {
        this.sink = sink;
        this.sinkId = sinkId;
        this.publishAtEndOfInput = publishAtEndOfInput;
        this.committables = committables;
    }

    @Override
    public void open(OperatorContext<Void> context) throws Exception {
        OperatorRuntimeContext rc = context.runtimeContext();
        runtimeContext = rc;
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
            public String getJobId() {
                return committables.jobId();
            }

            @Override
            public boolean publishesAtEndOfInput() {
                return publishAtEndOfInput;
            }
        });
        if (sink instanceof SupportsCommitter<?> && !(writer instanceof CommittingSinkWriter<?, ?>)) {
            throw new IllegalStateException("Sink '" + context.operatorName() + "' (" + sink.getClass().getName() + ") has a "
                    + "committer, but its createWriter returned a " + writer.getClass().getName() + ", which is not a "
                    + "CommittingSinkWriter: return a CommittingSinkWriter so its output can be committed");
        }
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
        if (sink instanceof SupportsCommitter<?> committing) {
            prepareCommit(committing, (CommittingSinkWriter<?, ?>) writer);
        }
    }

    @SuppressWarnings("unchecked")
    private <C> void prepareCommit(SupportsCommitter<C> committing, CommittingSinkWriter<?, ?> committingWriter)
            throws Exception {
        Collection<C> prepared = ((CommittingSinkWriter<T, C>) committingWriter).prepareCommit();
        SimpleVersionedSerializer<C> serializer = committing.getCommittableSerializer();
        List<byte[]> envelopes = new ArrayList<>(prepared.size());
        for (C committable : prepared) {
            envelopes.add(CommittableEnvelope.wrap(serializer, committable));
        }
        committables.add(sinkId, runtimeContext.getIndexOfThisSubtask(), runtimeContext.getAttemptNumber(), envelopes);
    }

    @Override
    public void close() throws Exception {
        if (writer != null) {
            writer.close();
        }
    }
}
