package io.weir.api.connector.sink.lib;

import io.weir.api.connector.sink.Sink;
import io.weir.api.connector.sink.SinkWriter;
import io.weir.api.connector.sink.WriterInitContext;

import java.util.concurrent.BlockingQueue;

/**
 * Hands records to the client thread of {@code executeAndCollect()} through a bounded queue, so a client
 * that reads slowly (or stops at a limit) backpressures the job instead of filling memory.
 * Works with the embedded executor, where client and job share a JVM.
 */
public final class CollectSink<T> implements Sink<T> {
    private final transient BlockingQueue<Object> queue;

    public CollectSink(BlockingQueue<Object> queue) {
        this.queue = queue;
    }

    @Override
    public SinkWriter<T> createWriter(WriterInitContext context) {
        if (queue == null) {
            throw new IllegalStateException("executeAndCollect() needs the embedded executor: its queue was not shipped");
        }
        return new SinkWriter<>() {
            @Override
            public void write(T element, Context ctx) throws InterruptedException {
                queue.put(element);
            }

            @Override
            public void flush(boolean endOfInput) {
            }

            @Override
            public void close() {
            }
        };
    }
}
