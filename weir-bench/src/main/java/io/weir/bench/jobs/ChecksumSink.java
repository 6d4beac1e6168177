package io.weir.bench.jobs;

import io.weir.api.connector.sink.Sink;
import io.weir.api.connector.sink.SinkWriter;
import io.weir.api.connector.sink.WriterInitContext;
import io.weir.api.tuple.Tuple2;
import io.weir.bench.common.KeyedChecksum;

import java.nio.file.Path;
import java.util.HashMap;

/**
 * Keeps the last value per key and, at the end of input, writes the {@link KeyedChecksum} of those final values
 * as this subtask's part. In STREAMING a rolling aggregation emits one update per record and in BATCH one
 * final record per key; keeping the last value per key makes both, and every engine, comparable. The same
 * sink exists for Flink in weir-bench/flink.
 */
final class ChecksumSink<K, V> implements Sink<Tuple2<K, V>> {
    private final String directory;

    ChecksumSink(Path directory) {
        this.directory = directory.toString();
    }

    @Override
    public SinkWriter<Tuple2<K, V>> createWriter(WriterInitContext context) {
        int subtask = context.getSubtaskId();
        return new SinkWriter<>() {
            private final HashMap<K, V> last = new HashMap<>();

            @Override
            public void write(Tuple2<K, V> element, Context ctx) {
                last.put(element.f0, element.f1);
            }

            @Override
            public void flush(boolean endOfInput) throws Exception {
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
        };
    }
}
