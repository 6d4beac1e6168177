package io.weir.tests.jobs;

import io.weir.api.common.SimpleVersionedSerializer;
import io.weir.api.connector.sink.Committer;
import io.weir.api.connector.sink.CommitterInitContext;
import io.weir.api.connector.sink.CommittingSinkWriter;
import io.weir.api.connector.sink.Sink;
import io.weir.api.connector.sink.SupportsCommitter;
import io.weir.api.connector.sink.WriterInitContext;
import io.weir.api.eventtime.Watermark;
import io.weir.connectors.file.FileSink;
import io.weir.connectors.file.FileSinkCommittable;

import java.io.IOException;
import java.util.Collection;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;

/**
 * A {@link FileSink} whose last subtask fails at the end of its input, but only after subtask 0 has prepared its
 * part file: the job then fails after another sink subtask's part was complete.
 */
public final class FailingFileSink<T> implements Sink<T>, SupportsCommitter<FileSinkCommittable> {
    private static final long serialVersionUID = 1L;
    /** Per job run: counted down when subtask 0 prepared its commit. */
    private static final Map<String, CountDownLatch> FIRST_PREPARED = new ConcurrentHashMap<>();

    private final FileSink<T> files;

    public FailingFileSink(FileSink<T> files) {
        this.files = files;
    }

    @Override
    public CommittingSinkWriter<T, FileSinkCommittable> createWriter(WriterInitContext context) throws IOException {
        CommittingSinkWriter<T, FileSinkCommittable> writer = files.createWriter(context);
        CountDownLatch firstPrepared = FIRST_PREPARED.computeIfAbsent(context.getJobId(), id -> new CountDownLatch(1));
        int subtask = context.getSubtaskId();
        boolean fails = subtask > 0 && subtask == context.getNumberOfParallelSubtasks() - 1;
        return new CommittingSinkWriter<>() {
            @Override
            public void write(T element, Context ctx) throws Exception {
                writer.write(element, ctx);
            }

            @Override
            public void writeWatermark(Watermark watermark) throws Exception {
                writer.writeWatermark(watermark);
            }

            @Override
            public void flush(boolean endOfInput) throws Exception {
                writer.flush(endOfInput);
                if (endOfInput && fails) {
                    firstPrepared.await();
                    throw new IOException("sink subtask " + subtask + " fails after subtask 0 prepared its part file");
                }
            }

            @Override
            public Collection<FileSinkCommittable> prepareCommit() throws IOException, InterruptedException {
                Collection<FileSinkCommittable> prepared = writer.prepareCommit();
                if (subtask == 0) {
                    firstPrepared.countDown();
                }
                return prepared;
            }

            @Override
            public void close() throws Exception {
                writer.close();
            }
        };
    }

    @Override
    public Committer<FileSinkCommittable> createCommitter(CommitterInitContext context) throws IOException {
        return files.createCommitter(context);
    }

    @Override
    public SimpleVersionedSerializer<FileSinkCommittable> getCommittableSerializer() {
        return files.getCommittableSerializer();
    }
}
