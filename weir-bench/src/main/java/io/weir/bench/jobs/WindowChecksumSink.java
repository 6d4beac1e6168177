package io.weir.bench.jobs;

import io.weir.api.connector.sink.Sink;
import io.weir.api.connector.sink.SinkWriter;
import io.weir.api.connector.sink.WriterInitContext;
import io.weir.api.tuple.Tuple2;
import io.weir.bench.common.KeyedChecksum;

import java.nio.file.Path;

/**
 * Folds every window result (key, its timestamp, value) into a {@link KeyedChecksum} and writes it as this
 * subtask's part at the end of input. Windows emit each result once in both modes, so every result counts. The
 * same sink exists for Flink in weir-bench/flink.
 */
final class WindowChecksumSink<K, V> implements Sink<Tuple2<K, V>> {
    private final String directory;

    WindowChecksumSink(Path directory) {
        this.directory = directory.toString();
    }

    @Override
    public SinkWriter<Tuple2<K, V>> createWriter(WriterInitContext context) {
        int subtask = context.getSubtaskId();
        return new SinkWriter<>() {
            private final KeyedChecksum checksum = new KeyedChecksum();

            @Override
            public void write(Tuple2<K, V> element, Context ctx) {
                Long timestamp = ctx.timestamp();
                if (timestamp == null) {
                    throw new IllegalStateException("A window result without a timestamp: " + element);
                }
                checksum.addWindowResult(element.f0, timestamp, element.f1);
            }

            @Override
            public void flush(boolean endOfInput) throws Exception {
                if (endOfInput) {
                    checksum.writePart(Path.of(directory), subtask);
                }
            }

            @Override
            public void close() {
                // Nothing to discard: a part is only written, atomically, at the end of input.
            }
        };
    }
}
