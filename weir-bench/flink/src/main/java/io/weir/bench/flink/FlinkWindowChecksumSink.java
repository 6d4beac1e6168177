package io.weir.bench.flink;

import io.weir.bench.common.KeyedChecksum;
import org.apache.flink.api.connector.sink2.Sink;
import org.apache.flink.api.connector.sink2.SinkWriter;
import org.apache.flink.api.connector.sink2.WriterInitContext;
import org.apache.flink.api.java.tuple.Tuple2;

import java.io.IOException;
import java.nio.file.Path;

/**
 * Flink's twin of Weir's benchmark WindowChecksumSink: folds every window result (key, its timestamp, value) into
 * a {@link KeyedChecksum} and writes it as this subtask's part at the end of input.
 */
final class FlinkWindowChecksumSink<K, V> implements Sink<Tuple2<K, V>> {
    private static final long serialVersionUID = 1L;

    private final String directory;

    FlinkWindowChecksumSink(Path directory) {
        this.directory = directory.toString();
    }

    @Override
    public SinkWriter<Tuple2<K, V>> createWriter(WriterInitContext context) {
        return new Writer<>(directory, context.getTaskInfo().getIndexOfThisSubtask());
    }

    /** Flink 1.20 still declares this older factory abstract; it calls the one above when both exist. */
    @Override
    @Deprecated
    public SinkWriter<Tuple2<K, V>> createWriter(InitContext context) {
        return new Writer<>(directory, context.getTaskInfo().getIndexOfThisSubtask());
    }

    private static final class Writer<K, V> implements SinkWriter<Tuple2<K, V>> {
        private final String directory;
        private final int subtask;
        private final KeyedChecksum checksum = new KeyedChecksum();

        Writer(String directory, int subtask) {
            this.directory = directory;
            this.subtask = subtask;
        }

        @Override
        public void write(Tuple2<K, V> element, Context context) {
            Long timestamp = context.timestamp();
            if (timestamp == null) {
                throw new IllegalStateException("A window result without a timestamp: " + element);
            }
            checksum.addWindowResult(element.f0, timestamp, element.f1);
        }

        @Override
        public void flush(boolean endOfInput) throws IOException {
            if (endOfInput) {
                checksum.writePart(Path.of(directory), subtask);
            }
        }

        @Override
        public void close() {
        }
    }
}
