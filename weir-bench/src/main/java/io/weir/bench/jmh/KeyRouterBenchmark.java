package io.weir.bench.jmh;

import io.weir.api.functions.KeySelector;
import io.weir.api.tuple.Tuple2;
import io.weir.bench.common.Zipf;
import io.weir.runtime.exchange.ChannelSelector;
import io.weir.runtime.exchange.KeyGroups;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;

/**
 * Records per second through keyed routing, key -&gt; hash -&gt; key group -&gt; subtask, for W1's String keys and
 * W2's Long keys, 128 key groups (the default maxParallelism) over 2 consumers: {@code route} goes through
 * {@link ChannelSelector#byKey} with a key-selector lambda, as a keyed exchange does; {@code keyGroupOnly} calls
 * {@link KeyGroups} directly, so the difference is the cost of the selector and lambda. The Strings are the same
 * objects on every call, so their hash codes are cached after the first; in a job each token is a new String,
 * hashed once when it is routed.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class KeyRouterBenchmark {
    static final int BLOCK = 1024;

    @Param({"string", "long"})
    String keyType;

    private final Object[] records = new Object[BLOCK];
    private final Object[] keys = new Object[BLOCK];
    private ChannelSelector selector;

    @Setup
    public void prepare() {
        SplittableRandom random = new SplittableRandom(42);
        Zipf zipf = new Zipf(100_000, random);
        for (int i = 0; i < BLOCK; i++) {
            Object key = keyType.equals("string") ? zipf.word(zipf.sample(random)) : (Object) random.nextLong(100_000);
            keys[i] = key;
            records[i] = Tuple2.of(key, 1);
        }
        KeySelector<Tuple2<Object, Integer>, Object> byF0 = t -> t.f0;
        selector = ChannelSelector.byKey(byF0, 128, 2);
    }

    @Benchmark
    @OperationsPerInvocation(BLOCK)
    public int route() throws Exception {
        int sum = 0;
        for (Object record : records) {
            sum += selector.select(record);
        }
        return sum;
    }

    @Benchmark
    @OperationsPerInvocation(BLOCK)
    public int keyGroupOnly() {
        int sum = 0;
        for (Object key : keys) {
            sum += KeyGroups.subtaskOf(KeyGroups.keyGroupOf(key, 128), 128, 2);
        }
        return sum;
    }
}
