package io.weir.bench.jmh;

import io.weir.api.tuple.Tuple2;
import io.weir.bench.common.Zipf;
import io.weir.runtime.serialization.DataInputView;
import io.weir.runtime.serialization.DataOutputBuffer;
import io.weir.runtime.serialization.ReadScope;
import io.weir.runtime.serialization.RecordSerializer;
import io.weir.runtime.serialization.WriteScope;
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
import org.openjdk.jmh.infra.Blackhole;

import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;

/**
 * Records per second through {@link RecordSerializer}, a block of {@value #BLOCK} records at a time with one
 * scope per block, as blocking partitions and sort buffers use it: W1's {@code Tuple2<String, Integer>} (words
 * drawn like W1's), W2's keys ({@code Long}), and a Java record with a long, a String and an int.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class SerializationBenchmark {
    static final int BLOCK = 1024;

    /** A Java record: serialized through its components, rebuilt through its canonical constructor. */
    public record Event(long id, String name, int count) {
    }

    @Param({"tuple2", "long", "record"})
    String type;

    private final Object[] values = new Object[BLOCK];
    private RecordSerializer serializer;
    private DataOutputBuffer out;
    private WriteScope writeScope;
    private ReadScope readScope;
    private DataInputView in;
    private byte[] block;
    private int blockLength;

    @Setup
    public void prepare() {
        SplittableRandom random = new SplittableRandom(42);
        Zipf zipf = new Zipf(100_000, random);
        for (int i = 0; i < BLOCK; i++) {
            String word = zipf.word(zipf.sample(random));
            values[i] = switch (type) {
                case "tuple2" -> Tuple2.of(word, 1 + random.nextInt(1000));
                case "long" -> random.nextLong(100_000);
                case "record" -> new Event(random.nextLong(), word, random.nextInt(1000));
                default -> throw new IllegalArgumentException("Unknown type " + type);
            };
        }
        serializer = new RecordSerializer(SerializationBenchmark.class.getClassLoader());
        out = new DataOutputBuffer(64 * 1024);
        writeScope = serializer.newWriteScope();
        readScope = serializer.newReadScope();
        in = new DataInputView();
        serialize();
        block = java.util.Arrays.copyOf(out.data(), out.position());
        blockLength = out.position();
    }

    @Benchmark
    @OperationsPerInvocation(BLOCK)
    public int serialize() {
        out.reset();
        writeScope.reset();
        for (Object value : values) {
            serializer.serialize(value, out, writeScope);
        }
        return out.position();
    }

    @Benchmark
    @OperationsPerInvocation(BLOCK)
    public void deserialize(Blackhole blackhole) {
        in.set(block, 0, blockLength);
        readScope.reset();
        for (int i = 0; i < BLOCK; i++) {
            blackhole.consume(serializer.deserialize(in, readScope));
        }
    }
}
