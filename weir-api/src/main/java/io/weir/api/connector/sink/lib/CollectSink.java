package io.weir.api.connector.sink.lib;

import io.weir.api.connector.sink.Sink;
import io.weir.api.connector.sink.SinkWriter;
import io.weir.api.connector.sink.WriterInitContext;

import java.util.concurrent.BlockingQueue;

/**
 * Hands records to the client thread of {@code executeAndCollect()} through a bounded queue, so a client
 * that reads slowly (or stops at a limit) backpressures the job instead of filling memory.
 * Works with the embedded executor, where client and job share a JVM. In BATCH a writer keeps its records
 * until its input ended and hands them over then, so a retried attempt never delivers records twice.
 */
public final class CollectSink<T> implements Sink<T> {
    private static final long serialVersionUID = 1L;

    private final transient BlockingQueue<Object> queue;

    public CollectSink(BlockingQueue<Object> queue) {
        this.queue = queue;
    }

    @Override
    public SinkWriter<T> createWriter(WriterInitContext context) {
        if (queue == null) {
            throw new IllegalStateException("executeAndCollect() needs the embedded executor: its queue was not shipped");
        }
        if (context.publishesAtEndOfInput()) {
            return new SinkWriter<>() {
                private final java.util.List<T> attempt = new java.util.ArrayList<>();

                @Override
                public void write(T element, Context ctx) {
                    attempt.add(element);
                }

                @Override
                public void flush(boolean endOfInput) throws InterruptedException {
                    if (endOfInput) {
                        for (T element : attempt) {
                            queue.put(element);
                        }
                        attempt.clear();
                    }
                }

                @Override
                public void close() {
                    attempt.clear();
                }
            };
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
