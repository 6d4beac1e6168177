package io.weir.runtime.jobs;

import io.weir.api.connector.sink.Sink;
import io.weir.api.connector.sink.SinkWriter;
import io.weir.api.connector.sink.WriterInitContext;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;

/**
 * A sink for job tests: every subtask appends its records to a JVM-wide queue named by the test, so that a
 * job can have several collected outputs (a main and a side output, say) and be run with {@code execute()}.
 * Records of one subtask keep their order in the queue. Tests call {@link #clearAll()} before each job.
 */
final class CollectingSink<T> implements Sink<T> {
    private static final Map<String, Queue<Object>> RESULTS = new ConcurrentHashMap<>();

    private final String name;

    private CollectingSink(String name) {
        this.name = name;
    }

    /** A sink collecting into the queue {@code name}, which starts empty. */
    static <T> CollectingSink<T> named(String name) {
        RESULTS.put(name, new ConcurrentLinkedQueue<>());
        return new CollectingSink<>(name);
    }

    static void clearAll() {
        RESULTS.clear();
    }

    /** What the sink {@code name} received, in arrival order. */
    @SuppressWarnings("unchecked")
    static <T> List<T> results(String name) {
        Queue<Object> queue = RESULTS.get(name);
        if (queue == null) {
            throw new IllegalArgumentException("No collecting sink named '" + name + "' in this test");
        }
        return new ArrayList<>((Queue<T>) (Queue<?>) queue);
    }

    @Override
    public SinkWriter<T> createWriter(WriterInitContext context) {
        Queue<Object> queue = RESULTS.get(name);
        return new SinkWriter<>() {
            @Override
            public void write(T element, Context ctx) {
                queue.add(element);
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
