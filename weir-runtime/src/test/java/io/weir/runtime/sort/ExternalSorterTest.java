package io.weir.runtime.sort;

import io.weir.runtime.sort.SortTestData.Entry;
import io.weir.runtime.sort.SortTestData.KeyShape;
import io.weir.runtime.sort.SortTestData.Read;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;

import static io.weir.runtime.sort.SortTestData.addAll;
import static io.weir.runtime.sort.SortTestData.assertSortedLike;
import static io.weir.runtime.sort.SortTestData.drain;
import static io.weir.runtime.sort.SortTestData.entries;
import static org.assertj.core.api.Assertions.assertThat;

class ExternalSorterTest {
    private static final long KB = 1024;
    private static final long MB = 1024 * KB;

    @TempDir
    Path spillDir;

    private SortStatistics sortAndCompare(long memory, int maxFanIn, List<Entry> input) throws IOException {
        try (ExternalSorter sorter = new ExternalSorter(memory, spillDir, "test-sort", maxFanIn)) {
            addAll(sorter, input);
            List<Read> output = drain(sorter.finish());
            assertSortedLike(output, input);
            return sorter.statistics();
        } finally {
            assertThat(spillFiles()).as("spill files after close").isEmpty();
        }
    }

    private List<Path> spillFiles() throws IOException {
        try (Stream<Path> files = Files.list(spillDir)) {
            return files.toList();
        }
    }

    @Test
    void sortsInMemoryWhenEverythingFits() throws IOException {
        List<Entry> input = entries(1, 20_000, SortTestData.randomKeys(20), 12);
        SortStatistics stats = sortAndCompare(64 * MB, 128, input);
        assertThat(stats).isEqualTo(new SortStatistics(20_000, 0, 0, 0));
    }

    @ParameterizedTest
    @ValueSource(longs = {128 * 1024, 192 * 1024, 256 * 1024})
    void tinyBudgetSpillsManyRunsAndStillSortsCorrectly(long memory) throws IOException {
        List<Entry> input = entries(2, 60_000, SortTestData.randomKeys(20), 16);
        SortStatistics stats = sortAndCompare(memory, 128, input);
        assertThat(stats.spilledRuns()).isGreaterThan(10);
        assertThat(stats.bytesSpilled()).isPositive();
        assertThat(stats.mergePasses()).isGreaterThanOrEqualTo(1);
    }

    @Test
    void mergesInSeveralPassesWhenThereAreMoreRunsThanTheFanIn() throws IOException {
        List<Entry> input = entries(3, 100_000, SortTestData.randomKeys(16), 16);
        SortStatistics stats = sortAndCompare(256 * KB, 4, input);
        assertThat(stats.spilledRuns()).isGreaterThan(16);
        assertThat(stats.mergePasses()).isGreaterThanOrEqualTo(3);
    }

    @Test
    void mergesEverythingInOnePassWhenTheRunsFitTheFanIn() throws IOException {
        List<Entry> input = entries(4, 30_000, SortTestData.randomKeys(16), 16);
        SortStatistics stats = sortAndCompare(512 * KB, 128, input);
        assertThat(stats.spilledRuns()).isGreaterThan(1);
        assertThat(stats.mergePasses()).isEqualTo(1);
    }

    @ParameterizedTest
    @ValueSource(longs = {128 * 1024, 64 * 1024 * 1024})
    void ordersKeysThePrefixCannotTellApart(long memory) throws IOException {
        // empty keys, short keys, zero bytes, keys that are prefixes of others, shared 8+ byte prefixes, 0x80..0xFF
        List<Entry> input = entries(5, 40_000, SortTestData.prefixHostileKeys(), 4);
        sortAndCompare(memory, 128, input);
        sortAndCompare(memory, 3, input);
    }

    @Test
    void comparesBytesAsUnsigned() throws IOException {
        byte[][] keys = {{(byte) 0x80}, {0x7F}, {(byte) 0xFF}, {0}, {}, {(byte) 0x80, 0}, {0x7F, (byte) 0xFF}};
        List<Entry> input = new ArrayList<>();
        for (int i = 0; i < keys.length; i++) {
            input.add(new Entry(keys[i], new byte[]{(byte) i}));
        }
        try (ExternalSorter sorter = new ExternalSorter(ExternalSorter.MIN_MEMORY_BYTES, spillDir, "unsigned")) {
            addAll(sorter, input);
            List<Read> output = drain(sorter.finish());
            assertThat(output).extracting(read -> read.entry().value()[0])
                    .containsExactly((byte) 4, (byte) 3, (byte) 1, (byte) 6, (byte) 0, (byte) 5, (byte) 2);
        }
    }

    @ParameterizedTest
    @ValueSource(longs = {128 * 1024, 1024 * 1024, 64 * 1024 * 1024})
    void handlesOneKeyHoldingMostEntries(long memory) throws IOException {
        List<Entry> input = entries(6, 80_000, SortTestData.skewedKeys(), 8);
        sortAndCompare(memory, 128, input);
    }

    @ParameterizedTest
    @ValueSource(longs = {128 * 1024, 64 * 1024 * 1024})
    void equalKeysKeepInsertionOrderAcrossSpills(long memory) throws IOException {
        KeyShape threeKeys = random -> new byte[]{(byte) random.nextInt(3)};
        List<Entry> input = entries(7, 50_000, threeKeys, 0);
        try (ExternalSorter sorter = new ExternalSorter(memory, spillDir, "stability")) {
            addAll(sorter, input);
            int[] lastSequence = {-1, -1, -1};
            int distinctKeys = 0;
            SortedEntries sorted = sorter.finish();
            while (sorted.next()) {
                int key = sorted.keyArray()[sorted.keyOffset()];
                int sequence = ByteBuffer.wrap(sorted.valueArray(), sorted.valueOffset(), 4).getInt();
                assertThat(sequence).as("sequence of key %d", key).isGreaterThan(lastSequence[key]);
                lastSequence[key] = sequence;
                distinctKeys += sorted.keyEqualsPrevious() ? 0 : 1;
            }
            assertThat(distinctKeys).isEqualTo(3);
            if (memory == 128 * 1024) {
                assertThat(sorter.statistics().spilledRuns()).isGreaterThan(5);
            }
        }
    }

    @Test
    void sortsEntriesBiggerThanASegmentAndBiggerThanTheWholeBudget() throws IOException {
        Random random = new Random(8);
        List<Entry> input = new ArrayList<>();
        for (int i = 0; i < 400; i++) {
            int choice = random.nextInt(10);
            int valueSize = choice < 6 ? random.nextInt(64)
                    : choice < 9 ? 33_000 + random.nextInt(60_000)   // bigger than a 32 KB segment and block
                    : 150_000 + random.nextInt(100_000);             // bigger than the 128 KB budget
            int keySize = choice == 5 ? 40_000 : 1 + random.nextInt(12); // some keys alone exceed a block
            byte[] key = SortTestData.randomBytes(random, keySize);
            key[0] = (byte) random.nextInt(4);
            byte[] value = SortTestData.randomBytes(random, valueSize + 4);
            ByteBuffer.wrap(value).putInt(i);
            input.add(new Entry(key, value));
        }
        SortStatistics tiny = sortAndCompare(ExternalSorter.MIN_MEMORY_BYTES, 128, input);
        assertThat(tiny.spilledRuns()).isGreaterThan(10);
        sortAndCompare(4 * MB, 128, input);
        sortAndCompare(64 * MB, 128, input);
    }

    @Test
    void anEmptySorterYieldsNothing() throws IOException {
        try (ExternalSorter sorter = new ExternalSorter(ExternalSorter.MIN_MEMORY_BYTES, spillDir, "empty")) {
            SortedEntries sorted = sorter.finish();
            assertThat(sorted.next()).isFalse();
            assertThat(sorted.keyEqualsPrevious()).isFalse();
            assertThat(sorter.statistics()).isEqualTo(new SortStatistics(0, 0, 0, 0));
        }
    }

    @Test
    void emptyKeysAndValuesAreEntriesToo() throws IOException {
        List<Entry> input = List.of(new Entry(new byte[0], new byte[0]), new Entry(new byte[]{1}, new byte[0]),
                new Entry(new byte[0], new byte[]{2}));
        sortAndCompare(ExternalSorter.MIN_MEMORY_BYTES, 128, input);
    }

    @Test
    void copiesKeysAndValuesFromTheGivenRanges() throws IOException {
        byte[] keys = {9, 9, 3, 1, 9};
        byte[] values = {7, 5, 6, 7};
        try (ExternalSorter sorter = new ExternalSorter(ExternalSorter.MIN_MEMORY_BYTES, spillDir, "ranges")) {
            sorter.add(keys, 2, 1, values, 1, 2);
            sorter.add(keys, 3, 1, values, 0, 1);
            keys[2] = 0; // the sorter must have copied
            List<Read> output = drain(sorter.finish());
            assertThat(output).extracting(read -> read.entry().toString()).containsExactly("01=07", "03=0506");
        }
    }

    @Test
    void comparesTheCurrentKeyWithAGivenOne() throws IOException {
        try (ExternalSorter sorter = new ExternalSorter(ExternalSorter.MIN_MEMORY_BYTES, spillDir, "compare")) {
            sorter.add(new byte[]{5, 6}, new byte[0]);
            SortedEntries sorted = sorter.finish();
            assertThat(sorted.next()).isTrue();
            assertThat(sorted.compareKeyTo(new byte[]{0, 5, 6}, 1, 2)).isZero();
            assertThat(sorted.compareKeyTo(new byte[]{5}, 0, 1)).isPositive();
            assertThat(sorted.compareKeyTo(new byte[]{(byte) 0x80}, 0, 1)).isNegative();
        }
    }
}
