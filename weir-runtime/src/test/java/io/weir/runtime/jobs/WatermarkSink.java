package io.weir.runtime.jobs;

import io.weir.api.connector.sink.Sink;
import io.weir.api.connector.sink.SinkWriter;
import io.weir.api.connector.sink.WriterInitContext;
import io.weir.api.eventtime.Watermark;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Predicate;

/**
 * A sink for event-time tests: per subtask, the watermarks its writer received and each record with its
 * timestamp and the watermark at its arrival, in a JVM-wide {@link Run} named by the test. A test waits for a
 * condition on the run (woken by every write, never by sleeping) and then checks it.
 */
final class WatermarkSink<T> implements Sink<T> {
    private static final Map<String, Run> RUNS = new ConcurrentHashMap<>();

    private final String name;

    private WatermarkSink(String name) {
        this.name = name;
    }

    /** A sink recording into a fresh run {@code name}. */
    static <T> WatermarkSink<T> named(String name) {
        RUNS.put(name, new Run(name));
        return new WatermarkSink<>(name);
    }

    static Run run(String name) {
        return RUNS.get(name);
    }

    @Override
    public SinkWriter<T> createWriter(WriterInitContext context) {
        Run run = RUNS.get(name);
        int subtask = context.getSubtaskId();
        return new SinkWriter<>() {
            private long watermark = Long.MIN_VALUE;

            @Override
            public void write(T element, Context ctx) {
                run.record(subtask, new Arrival(element, ctx.timestamp(), watermark));
            }

            @Override
            public void writeWatermark(Watermark w) {
                watermark = w.timestamp();
                run.watermark(subtask, watermark);
            }

            @Override
            public void flush(boolean endOfInput) {
            }

            @Override
            public void close() {
            }
        };
    }

    /** A record, its event timestamp (null if none) and the sink's watermark when it arrived. */
    record Arrival(Object value, Long timestamp, long watermarkBefore) {
        boolean isLate() {
            return timestamp != null && timestamp <= watermarkBefore;
        }
    }

    /** What every subtask of one sink received. */
    static final class Run {
        private final String name;
        private final Map<Integer, List<Long>> watermarks = new TreeMap<>();
        private final Map<Integer, List<Arrival>> arrivals = new TreeMap<>();

        Run(String name) {
            this.name = name;
        }

        synchronized void record(int subtask, Arrival arrival) {
            arrivals.computeIfAbsent(subtask, s -> new ArrayList<>()).add(arrival);
            notifyAll();
        }

        synchronized void watermark(int subtask, long watermark) {
            watermarks.computeIfAbsent(subtask, s -> new ArrayList<>()).add(watermark);
            notifyAll();
        }

        /** Per subtask that received any, its watermarks in order. */
        synchronized Map<Integer, List<Long>> watermarks() {
            Map<Integer, List<Long>> copy = new TreeMap<>();
            watermarks.forEach((s, w) -> copy.put(s, List.copyOf(w)));
            return copy;
        }

        synchronized List<Arrival> arrivals() {
            List<Arrival> all = new ArrayList<>();
            arrivals.values().forEach(all::addAll);
            return all;
        }

        /** Waits until {@code subtasks} subtasks each have a watermark of at least {@code atLeast}. */
        void awaitWatermarks(int subtasks, long atLeast, Duration timeout) throws InterruptedException {
            await(run -> run.watermarks.values().stream().filter(w -> !w.isEmpty() && w.get(w.size() - 1) >= atLeast)
                    .count() >= subtasks, timeout, subtasks + " subtasks with a watermark of at least " + atLeast);
        }

        /** Waits until the records that arrived satisfy {@code condition}. */
        void awaitArrivals(Predicate<List<Arrival>> condition, Duration timeout, String what)
                throws InterruptedException {
            await(run -> condition.test(run.arrivals()), timeout, what);
        }

        private synchronized void await(Predicate<Run> condition, Duration timeout, String what)
                throws InterruptedException {
            long deadline = System.nanoTime() + timeout.toNanos();
            while (!condition.test(this)) {
                long left = deadline - System.nanoTime();
                if (left <= 0) {
                    throw new AssertionError("Sink '" + name + "' did not see " + what + " within " + timeout
                            + "; watermarks per subtask: " + watermarks);
                }
                wait(Math.max(1, left / 1_000_000));
            }
        }
    }
}
