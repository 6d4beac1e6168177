package io.weir.bench.flink;

import io.weir.bench.common.KeyedChecksum;
import org.apache.flink.api.connector.sink2.Sink;
import org.apache.flink.api.connector.sink2.SinkWriter;
import org.apache.flink.api.connector.sink2.WriterInitContext;
import org.apache.flink.api.java.tuple.Tuple2;

import java.io.IOException;
import java.nio.file.Path;
import java.util.HashMap;

/**
 * Flink's twin of Weir's benchmark ChecksumSink: keeps the last value per key and, at the end of input
 * ({@code flush(true)}), writes the {@link KeyedChecksum} of the final values as this subtask's part.
 */
final class FlinkChecksumSink<K, V> implements Sink<Tuple2<K, V>> {
    private static final long serialVersionUID = 1L;

    private final String directory;

    FlinkChecksumSink(Path directory) {
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
        private final HashMap<K, V> last = new HashMap<>();

        Writer(String directory, int subtask) {
            this.directory = directory;
            this.subtask = subtask;
        }

        @Override
        public void write(Tuple2<K, V> element, Context context) {
            // The fields, not the tuple: Flink may reuse tuple objects when object reuse is on.
            last.put(element.f0, element.f1);
        }

        @Override
        public void flush(boolean endOfInput) throws IOException {
            if (endOfInput) {
                KeyedChecksum checksum = new KeyedChecksum();
                checksum.addAll(last);
                checksum.writePart(Path.of(directory), subtask);
            }
        }

        @Override
        public void close() {
            // Nothing to discard: a part is only written, atomically, at the end of input.
        }
    }
}
