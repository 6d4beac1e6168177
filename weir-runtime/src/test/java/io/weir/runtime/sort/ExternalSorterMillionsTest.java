package io.weir.runtime.sort;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.SplittableRandom;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Millions of small entries under a 1 MB budget: many runs, an intermediate merge pass, and a check of order,
 * stability, count and content without keeping the input in memory.
 */
class ExternalSorterMillionsTest {
    private static final int ENTRIES = 3_000_000;
    private static final int DISTINCT_KEYS = 1 << 20;
    private static final VarHandle LONG = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.BIG_ENDIAN);

    @TempDir
    Path spillDir;

    /** 8 to 16 bytes, a pure function of the key number so the output can be checked against it. */
    private static int writeKey(long keyNumber, byte[] target) {
        long mixed = keyNumber * 0x9E3779B97F4A7C15L;
        LONG.set(target, 0, mixed);
        int extra = (int) (keyNumber % 9);
        for (int i = 0; i < extra; i++) {
            target[8 + i] = (byte) (mixed >>> (8 * i));
        }
        return 8 + extra;
    }

    private static long entryHash(long keyNumber, long sequence) {
        long h = keyNumber * 0xC2B2AE3D27D4EB4FL + sequence;
        return h ^ (h >>> 29);
    }

    @Test
    void sortsThreeMillionEntriesInOneMegabyte() throws IOException {
        SplittableRandom random = new SplittableRandom(42);
        byte[] key = new byte[16];
        byte[] value = new byte[16];
        long inputChecksum = 0;
        try (ExternalSorter sorter = new ExternalSorter(1024 * 1024, spillDir, "millions")) {
            for (long sequence = 0; sequence < ENTRIES; sequence++) {
                long keyNumber = random.nextInt(DISTINCT_KEYS);
                int keyLength = writeKey(keyNumber, key);
                LONG.set(value, 0, sequence);
                LONG.set(value, 8, keyNumber);
                sorter.add(key, 0, keyLength, value, 0, value.length);
                inputChecksum += entryHash(keyNumber, sequence);
            }

            SortedEntries sorted = sorter.finish();
            byte[] previousKey = new byte[16];
            int previousKeyLength = -1;
            long previousSequence = -1;
            byte[] expectedKey = new byte[16];
            long count = 0;
            long outputChecksum = 0;
            while (sorted.next()) {
                assertThat(sorted.valueLength()).isEqualTo(16);
                long sequence = (long) LONG.get(sorted.valueArray(), sorted.valueOffset());
                long keyNumber = (long) LONG.get(sorted.valueArray(), sorted.valueOffset() + 8);
                int expectedLength = writeKey(keyNumber, expectedKey);
                if (sorted.compareKeyTo(expectedKey, 0, expectedLength) != 0) {
                    throw new AssertionError("entry " + count + ": key does not belong to its value");
                }
                boolean sameKey = previousKeyLength >= 0
                        && sorted.compareKeyTo(previousKey, 0, previousKeyLength) == 0;
                if (previousKeyLength >= 0 && !sameKey && sorted.compareKeyTo(previousKey, 0, previousKeyLength) < 0) {
                    throw new AssertionError("entry " + count + " is smaller than the one before");
                }
                if (sameKey && sequence <= previousSequence) {
                    throw new AssertionError("entry " + count + ": equal keys out of insertion order");
                }
                if (sorted.keyEqualsPrevious() != sameKey) {
                    throw new AssertionError("entry " + count + ": keyEqualsPrevious() was " + !sameKey);
                }
                previousKeyLength = sorted.keyLength();
                System.arraycopy(sorted.keyArray(), sorted.keyOffset(), previousKey, 0, previousKeyLength);
                previousSequence = sequence;
                outputChecksum += entryHash(keyNumber, sequence);
                count++;
            }
            assertThat(count).isEqualTo(ENTRIES);
            assertThat(outputChecksum).isEqualTo(inputChecksum);

            SortStatistics stats = sorter.statistics();
            assertThat(stats.entries()).isEqualTo(ENTRIES);
            assertThat(stats.spilledRuns()).isGreaterThan(100);
            assertThat(stats.mergePasses()).isGreaterThanOrEqualTo(2);
            assertThat(stats.bytesSpilled()).as("at least every entry once").isGreaterThan(ENTRIES * 26L);
        }
        try (Stream<Path> left = Files.list(spillDir)) {
            assertThat(left).isEmpty();
        }
    }
}
