package io.weir.bench.jmh;

import io.weir.api.state.ValueState;
import io.weir.api.state.ValueStateDescriptor;
import io.weir.runtime.exchange.KeyGroups;
import io.weir.runtime.state.HeapKeyedStateBackend;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;

/**
 * Accesses per second to STREAMING's keyed state, as W2's rolling sum makes them: subtask 0 of 2 (key groups
 * 0..63 of 128) holds a {@code ValueState<Long>} for its share of 100,000 Long keys; each access sets the current
 * key, then reads ({@code get}) or reads and writes ({@code getAndUpdate}) the value. Keys come in a seeded
 * random order, so the hash maps are hit as a shuffled stream hits them.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class StateAccessBenchmark {
    static final int ACCESSES = 1024;
    static final int MAX_PARALLELISM = 128;

    private HeapKeyedStateBackend backend;
    private ValueState<Long> state;
    private Long[] keys;
    private int next;

    @Setup
    public void prepare() throws Exception {
        int first = KeyGroups.firstKeyGroup(0, MAX_PARALLELISM, 2);
        int last = KeyGroups.lastKeyGroup(0, MAX_PARALLELISM, 2);
        backend = new HeapKeyedStateBackend(MAX_PARALLELISM, first, last, "StateAccessBenchmark (1/2)");
        state = backend.getOrCreateState(new ValueStateDescriptor<>("sum", Long.class));
        List<Long> owned = new ArrayList<>();
        for (long k = 0; k < 100_000; k++) {
            int keyGroup = KeyGroups.keyGroupOf(k, MAX_PARALLELISM);
            if (keyGroup >= first && keyGroup <= last) {
                owned.add(k);
            }
        }
        SplittableRandom random = new SplittableRandom(42);
        keys = new Long[1 << 20];
        for (int i = 0; i < keys.length; i++) {
            keys[i] = owned.get(random.nextInt(owned.size()));
        }
        // Every key has a value before measuring: the steady state of a long-running aggregation.
        for (Long key : owned) {
            backend.setCurrentKey(key);
            state.update(0L);
        }
    }

    @Benchmark
    @OperationsPerInvocation(ACCESSES)
    public long get() throws Exception {
        long sum = 0;
        int at = next;
        for (int i = 0; i < ACCESSES; i++) {
            backend.setCurrentKey(keys[at]);
            sum += state.value();
            at = (at + 1) & (keys.length - 1);
        }
        next = at;
        return sum;
    }

    @Benchmark
    @OperationsPerInvocation(ACCESSES)
    public void getAndUpdate() throws Exception {
        int at = next;
        for (int i = 0; i < ACCESSES; i++) {
            Long key = keys[at];
            backend.setCurrentKey(key);
            state.update(state.value() + key);
            at = (at + 1) & (keys.length - 1);
        }
        next = at;
    }
}
