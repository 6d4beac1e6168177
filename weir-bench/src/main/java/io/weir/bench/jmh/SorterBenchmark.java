package io.weir.bench.jmh;

import io.weir.api.tuple.Tuple2;
import io.weir.bench.common.Zipf;
import io.weir.runtime.serialization.DataOutputBuffer;
import io.weir.runtime.serialization.RecordSerializer;
import io.weir.runtime.sort.ExternalSorter;
import io.weir.runtime.sort.SortedEntries;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;

/**
 * Entries per second through BATCH's {@link ExternalSorter}: add {@value #ENTRIES} W1-like entries (key = a
 * Zipf-drawn word as serialized key bytes, value = its serialized {@code Tuple2<String, Integer>}), finish, and
 * read every entry back in key order. At 64 MB (the default {@code execution.sort.memory}) they fit in memory; at
 * 4 MB the sorter spills sorted runs to a temporary directory and merges them.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(value = 1, jvmArgsAppend = {"-Xmx2g"})
public class SorterBenchmark {
    static final int ENTRIES = 1_000_000;

    @Param({"64", "4"})
    int memoryMb;

    private byte[][] keys;
    private byte[][] values;
    private int[] ranks;
    private Path spillDirectory;

    @Setup(Level.Trial)
    public void prepare() throws IOException {
        SplittableRandom random = new SplittableRandom(42);
        Zipf zipf = new Zipf(100_000, random);
        RecordSerializer serializer = new RecordSerializer(SorterBenchmark.class.getClassLoader());
        DataOutputBuffer out = new DataOutputBuffer();
        keys = new byte[zipf.size()][];
        values = new byte[zipf.size()][];
        for (int rank = 0; rank < zipf.size(); rank++) {
            out.reset();
            serializer.serializeKey(zipf.word(rank), out);
            keys[rank] = Arrays.copyOf(out.data(), out.position());
            out.reset();
            serializer.serializeStandalone(Tuple2.of(zipf.word(rank), 1), out);
            values[rank] = Arrays.copyOf(out.data(), out.position());
        }
        ranks = new int[ENTRIES];
        for (int i = 0; i < ENTRIES; i++) {
            ranks[i] = zipf.sample(random);
        }
        spillDirectory = Files.createTempDirectory("weir-bench-sort");
    }

    @TearDown(Level.Trial)
    public void removeSpillDirectory() throws IOException {
        // The sorter deletes its own spill files on close; only the empty directory is left.
        Files.deleteIfExists(spillDirectory);
    }

    @Benchmark
    @OperationsPerInvocation(ENTRIES)
    public long sortAndRead() throws IOException {
        try (ExternalSorter sorter = new ExternalSorter((long) memoryMb << 20, spillDirectory, "bench")) {
            for (int rank : ranks) {
                sorter.add(keys[rank], values[rank]);
            }
            SortedEntries sorted = sorter.finish();
            long distinctKeys = 0;
            while (sorted.next()) {
                if (!sorted.keyEqualsPrevious()) {
                    distinctKeys++;
                }
            }
            return distinctKeys;
        }
    }
}
