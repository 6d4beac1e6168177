package io.weir.api.environment;

import io.weir.api.common.CloseableIterator;
import io.weir.api.common.JobClient;
import io.weir.api.connector.sink.lib.CollectSink;
import io.weir.api.datastream.DataStream;

import java.util.NoSuchElementException;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletionException;
import java.util.concurrent.TimeUnit;

/**
 * Reads a running job's output on the client thread. Records arrive through a bounded queue; once the job
 * has finished and the queue is drained, iteration ends. A failed job makes {@link #hasNext()} throw.
 */
final class CollectingIterator<T> implements CloseableIterator<T> {
    private static final int CAPACITY = 8192;

    private final BlockingQueue<Object> queue = new ArrayBlockingQueue<>(CAPACITY);
    private final JobClient client;
    private volatile boolean jobDone;
    private volatile Throwable failure;
    private Object next;

    CollectingIterator(DataStream<T> stream, StreamExecutionEnvironment env, String jobName) throws Exception {
        // One sink subtask, as in Flink: each producer subtask's records reach it over one FIFO channel, so a
        // key's updates arrive in the order they were made even when the collected operator's parallelism
        // differs from the default. (Several sink subtasks would interleave them in the queue.)
        stream.sinkTo(new CollectSink<>(queue)).name("Collect Sink").setParallelism(1);
        this.client = env.executeAsync(jobName);
        client.getJobExecutionResult().whenComplete((result, error) -> {
            failure = error instanceof CompletionException && error.getCause() != null ? error.getCause() : error;
            jobDone = true;
        });
    }

    @Override
    public boolean hasNext() {
        while (next == null) {
            try {
                Object o = queue.poll(20, TimeUnit.MILLISECONDS);
                if (o != null) {
                    next = o;
                } else if (jobDone) {
                    // Everything the job emitted is in the queue once it has finished.
                    next = queue.poll();
                    if (next == null) {
                        throwIfFailed();
                        return false;
                    }
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                close();
                throw new IllegalStateException("Interrupted while waiting for the job's output", e);
            }
        }
        return true;
    }

    private void throwIfFailed() {
        Throwable f = failure;
        if (f != null) {
            throw new RuntimeException(f.getMessage(), f);
        }
    }

    @Override
    @SuppressWarnings("unchecked")
    public T next() {
        if (!hasNext()) {
            throw new NoSuchElementException();
        }
        T t = (T) next;
        next = null;
        return t;
    }

    @Override
    public void close() {
        if (!jobDone) {
            client.cancel().join();
        }
    }
}
