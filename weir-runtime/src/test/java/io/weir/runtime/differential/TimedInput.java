package io.weir.runtime.differential;

import io.weir.api.connector.source.lib.NumberSequenceSource;
import io.weir.api.datastream.DataStream;
import io.weir.api.environment.StreamExecutionEnvironment;
import io.weir.api.eventtime.Watermark;
import io.weir.api.eventtime.WatermarkGenerator;
import io.weir.api.eventtime.WatermarkOutput;
import io.weir.api.eventtime.WatermarkStrategy;
import io.weir.api.functions.MapFunction;

import java.io.Serializable;

/**
 * A seeded input of timestamped events for window jobs, like {@link InputSpec}: event {@code i} is a pure function
 * of the seed and {@code i}, so both modes read the same events and a test recomputes them as its oracle.
 *
 * <p>Event {@code i} has timestamp {@code i * step + jitter}, with the jitter in {@code [0, maxJitter)}: timestamps
 * are out of order, but never by more than {@code maxJitter}. The source's watermark, emitted with every event,
 * is {@code max timestamp - maxJitter - 1}; a source reader reads ascending indices, so no event is ever late and
 * STREAMING fires windows mid-stream while dropping nothing, as BATCH (which has no late data) does.
 */
record TimedInput(long seed, int records, int keys, long step, long maxJitter) implements Serializable {

    /** One event; {@code timestamp} repeats the event timestamp the record carries, for oracles. */
    record Event(int key, int value, long timestamp) implements Serializable {
    }

    /**
     * The events as BATCH hands them to a keyed operator: stably sorted by timestamp, so each key's events come
     * in timestamp order, equal timestamps in index (arrival) order.
     */
    static java.util.List<Event> inTimestampOrder(java.util.List<Event> events) {
        java.util.List<Event> sorted = new java.util.ArrayList<>(events);
        sorted.sort(java.util.Comparator.comparingLong(Event::timestamp));
        return sorted;
    }

    Event event(long index) {
        int key = (int) Math.floorMod(hash(index, 1), (long) keys);
        int value = (int) Math.floorMod(hash(index, 2), 1000L);
        long timestamp = index * step + Math.floorMod(hash(index, 3), maxJitter);
        return new Event(key, value, timestamp);
    }

    /** The events read in parallel, with timestamps and watermarks as described above. */
    DataStream<Event> source(StreamExecutionEnvironment env) {
        return source(env, -1);
    }

    /** The events read by one source subtask in index order, so every consumer receives a key's events in order. */
    DataStream<Event> sequentialSource(StreamExecutionEnvironment env) {
        return source(env, 1);
    }

    private DataStream<Event> source(StreamExecutionEnvironment env, int parallelism) {
        TimedInput spec = this;
        long bound = maxJitter;
        WatermarkStrategy<Long> strategy = WatermarkStrategy.<Long>forGenerator(() -> new EveryEvent(bound))
                .withTimestampAssigner((index, ts) -> spec.event(index).timestamp());
        var source = env.fromSource(new NumberSequenceSource(0, records - 1L), strategy, "Timed " + this);
        var events = source.map(new Generate(this)).name("Events");
        if (parallelism > 0) {
            source.setParallelism(parallelism);
            events.setParallelism(parallelism);
        }
        return events;
    }

    private long hash(long index, int stream) {
        long z = seed * 0x9E3779B97F4A7C15L + index * 0xD1B54A32D192ED03L + stream * 0x94D049BB133111EBL;
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }

    @Override
    public String toString() {
        return "timed(seed=" + seed + ", records=" + records + ", keys=" + keys + ", step=" + step + " ms, jitter<"
                + maxJitter + " ms)";
    }

    /** A watermark after every event: windows fire as soon as they may. */
    private static final class EveryEvent implements WatermarkGenerator<Long> {
        private final long bound;
        private long max = Long.MIN_VALUE;

        EveryEvent(long bound) {
            this.bound = bound;
        }

        @Override
        public void onEvent(Long event, long eventTimestamp, WatermarkOutput output) {
            if (eventTimestamp > max) {
                max = eventTimestamp;
                output.emitWatermark(new Watermark(max - bound - 1));
            }
        }

        @Override
        public void onPeriodicEmit(WatermarkOutput output) {
        }
    }

    private static final class Generate implements MapFunction<Long, Event> {
        private final TimedInput spec;

        Generate(TimedInput spec) {
            this.spec = spec;
        }

        @Override
        public Event map(Long index) {
            return spec.event(index);
        }
    }
}
