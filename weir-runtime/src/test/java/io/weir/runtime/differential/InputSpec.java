package io.weir.runtime.differential;

import io.weir.api.connector.source.lib.CollectionSource;
import io.weir.api.datastream.DataStream;
import io.weir.api.environment.StreamExecutionEnvironment;
import io.weir.api.eventtime.WatermarkStrategy;
import io.weir.api.functions.MapFunction;
import io.weir.api.tuple.Tuple2;

import java.io.Serializable;
import java.util.List;
import java.util.function.BiConsumer;

/**
 * A seeded, reproducible input of {@code (key, value)} pairs. Record {@code i} is a pure function of the seed and
 * {@code i} (a SplitMix64 hash, so that parallel source readers need no shared random generator), hence both
 * modes and every parallelism read exactly the same records, and a test can recompute them as its oracle.
 *
 * <p>Keys are ints in {@code [0, keys)}; values are ints in {@code [0, 1000)}, small so that sums cannot
 * overflow and min/max see many ties.
 *
 * @param shape        how keys are spread: {@code UNIFORM}, {@code SKEWED} (half of all records have key 0, the
 *                     rest are log-uniform over the other keys, a Zipf-like tail) or {@code SINGLE} (every record
 *                     has key {@code 7})
 * @param seed         printed in every assertion message, so that a failure can be replayed
 * @param records      how many; 0 gives a source that emits nothing
 * @param keys         the key space for {@code UNIFORM} and {@code SKEWED}
 */
record InputSpec(Shape shape, long seed, int records, int keys) implements Serializable {
    static final int VALUE_BOUND = 1000;

    enum Shape { UNIFORM, SKEWED, SINGLE }

    static InputSpec uniform(long seed, int records, int keys) {
        return new InputSpec(Shape.UNIFORM, seed, records, keys);
    }

    static InputSpec skewed(long seed, int records, int keys) {
        return new InputSpec(Shape.SKEWED, seed, records, keys);
    }

    static InputSpec singleKey(long seed, int records) {
        return new InputSpec(Shape.SINGLE, seed, records, 1);
    }

    static InputSpec empty(long seed) {
        return new InputSpec(Shape.UNIFORM, seed, 0, 1);
    }

    int keyOf(long index) {
        return switch (shape) {
            case UNIFORM -> (int) Math.floorMod(hash(index, 1), (long) keys);
            case SINGLE -> 7;
            case SKEWED -> {
                long h = hash(index, 1);
                if ((h & 1) == 0 || keys == 1) {
                    yield 0;
                }
                double u = (h >>> 11) * 0x1.0p-53;
                yield Math.min(keys - 1, Math.max(1, (int) Math.pow(keys, u)));
            }
        };
    }

    int valueOf(long index) {
        return (int) Math.floorMod(hash(index, 2), (long) VALUE_BOUND);
    }

    Tuple2<Integer, Integer> record(long index) {
        return Tuple2.of(keyOf(index), valueOf(index));
    }

    /** Calls {@code action} with every record's key and value, in index order: the oracle's view of the input. */
    void forEach(BiConsumer<Integer, Integer> action) {
        for (long i = 0; i < records; i++) {
            action.accept(keyOf(i), valueOf(i));
        }
    }

    /** The records as a stream read in parallel (at the environment's parallelism), in no particular order. */
    DataStream<Tuple2<Integer, Integer>> source(StreamExecutionEnvironment env) {
        return indices(env, -1).map(new Generate(this)).name("Generate " + this);
    }

    /**
     * The records read by one source subtask in index order and generated at parallelism 1, so every consumer
     * receives them in index order: for jobs whose outputs depend on the order of a key's records.
     */
    DataStream<Tuple2<Integer, Integer>> sequentialSource(StreamExecutionEnvironment env) {
        return indices(env, 1).map(new Generate(this)).setParallelism(1).name("Generate " + this);
    }

    private DataStream<Long> indices(StreamExecutionEnvironment env, int parallelism) {
        var source = records == 0
                ? env.fromSource(new CollectionSource<Long>(List.of()), WatermarkStrategy.noWatermarks(), "Empty Source")
                : env.fromSequence(0, records - 1L);
        if (parallelism > 0) {
            source.setParallelism(parallelism);
        }
        return source;
    }

    private long hash(long index, int stream) {
        long z = seed * 0x9E3779B97F4A7C15L + index * 0xD1B54A32D192ED03L + stream * 0x94D049BB133111EBL;
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }

    @Override
    public String toString() {
        return switch (shape) {
            case SINGLE -> "single-key(seed=" + seed + ", records=" + records + ")";
            default -> (records == 0 ? "empty" : shape.name().toLowerCase()) + "(seed=" + seed + ", records="
                    + records + ", keys=" + keys + ")";
        };
    }

    /** Index to record, on the source side. */
    private static final class Generate implements MapFunction<Long, Tuple2<Integer, Integer>> {
        private final InputSpec spec;

        Generate(InputSpec spec) {
            this.spec = spec;
        }

        @Override
        public Tuple2<Integer, Integer> map(Long index) {
            return spec.record(index);
        }
    }
}
