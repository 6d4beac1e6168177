package io.weir.runtime.sort;

import io.weir.api.eventtime.TimestampAssigner;
import io.weir.runtime.sort.SortTestData.KeyShape;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.Random;
import java.util.function.LongSupplier;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

/**
 * The sorter's secondary key: within a key, entries come in timestamp order, those without a timestamp first,
 * equal timestamps in insertion order; in memory, across spilled runs and through intermediate merge passes.
 */
class ExternalSorterTimestampTest {
    private static final long NONE = ExternalSorter.NO_TIMESTAMP;

    @TempDir
    Path spillDir;

    /** An entry with its timestamp; the value starts with the insertion sequence number. */
    record Entry(byte[] key, long timestamp, byte[] value) {
        int sequence() {
            return ByteBuffer.wrap(value).getInt();
        }

        @Override
        public String toString() {
            return HexFormat.of().formatHex(key) + "@" + (timestamp == NONE ? "none" : timestamp) + "#" + sequence();
        }
    }

    /** The reference: a stable sort by (key unsigned, timestamp), no timestamp as Long.MIN_VALUE. */
    private static List<Entry> reference(List<Entry> input) {
        List<Entry> sorted = new ArrayList<>(input);
        sorted.sort(Comparator.<Entry, byte[]>comparing(Entry::key, Arrays::compareUnsigned)
                .thenComparingLong(Entry::timestamp));
        return sorted;
    }

    private List<Entry> sort(long memory, int fanIn, List<Entry> input, SortStatistics[] statistics)
            throws IOException {
        try (ExternalSorter sorter = new ExternalSorter(memory, spillDir, "timestamps", fanIn)) {
            for (Entry e : input) {
                sorter.add(e.key(), 0, e.key().length, e.timestamp(), e.value(), 0, e.value().length);
            }
            SortedEntries sorted = sorter.finish();
            List<Entry> out = new ArrayList<>();
            byte[] previousKey = null;
            while (sorted.next()) {
                byte[] key = Arrays.copyOfRange(sorted.keyArray(), sorted.keyOffset(),
                        sorted.keyOffset() + sorted.keyLength());
                byte[] value = Arrays.copyOfRange(sorted.valueArray(), sorted.valueOffset(),
                        sorted.valueOffset() + sorted.valueLength());
                assertThat(sorted.keyEqualsPrevious()).as("keyEqualsPrevious at entry %d", out.size())
                        .isEqualTo(previousKey != null && Arrays.equals(previousKey, key));
                previousKey = key;
                out.add(new Entry(key, sorted.timestamp(), value));
            }
            if (statistics != null) {
                statistics[0] = sorter.statistics();
            }
            return out;
        } finally {
            try (Stream<Path> files = Files.list(spillDir)) {
                assertThat(files.toList()).as("spill files after close").isEmpty();
            }
        }
    }

    private static void assertSameOrder(List<Entry> actual, List<Entry> input) {
        List<Entry> expected = reference(input);
        assertThat(actual).as("entry count").hasSize(expected.size());
        for (int i = 0; i < expected.size(); i++) {
            Entry want = expected.get(i);
            Entry got = actual.get(i);
            if (!Arrays.equals(want.key(), got.key()) || want.timestamp() != got.timestamp()
                    || !Arrays.equals(want.value(), got.value())) {
                fail("entry " + i + " of " + expected.size() + ": expected " + want + " but was " + got
                        + (i > 0 ? " (previous: " + actual.get(i - 1) + ")" : ""));
            }
        }
    }

    private static List<Entry> entries(long seed, int count, KeyShape keys, LongSupplier timestamps) {
        Random random = new Random(seed);
        List<Entry> entries = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            byte[] value = new byte[4 + random.nextInt(9)];
            ByteBuffer.wrap(value).putInt(i);
            entries.add(new Entry(keys.next(random), timestamps.getAsLong(), value));
        }
        return entries;
    }

    private static Entry entry(String key, long timestamp, int sequence) {
        byte[] value = new byte[4];
        ByteBuffer.wrap(value).putInt(sequence);
        return new Entry(key.getBytes(StandardCharsets.UTF_8), timestamp, value);
    }

    @Test
    void sorterAndApiAgreeOnWhatNoTimestampIs() {
        assertThat(ExternalSorter.NO_TIMESTAMP).isEqualTo(TimestampAssigner.NO_TIMESTAMP);
    }

    @Test
    void deliversEachKeysEntriesInTimestampOrder() throws IOException {
        // Flink's sorted keyed input: (k1,3),(k1,1),(k2,1),(k1,4),(k2,3),(k1,2) gives k1 at 1,2,3,4, then k2 at 1,3
        List<Entry> input = List.of(entry("k1", 3, 0), entry("k1", 1, 1), entry("k2", 1, 2), entry("k1", 4, 3),
                entry("k2", 3, 4), entry("k1", 2, 5));
        List<Entry> out = sort(ExternalSorter.MIN_MEMORY_BYTES, 128, input, null);
        assertThat(out).extracting(e -> new String(e.key(), StandardCharsets.UTF_8) + "@" + e.timestamp())
                .containsExactly("k1@1", "k1@2", "k1@3", "k1@4", "k2@1", "k2@3");
    }

    @Test
    void putsEntriesWithoutTimestampFirstWithinTheirKeyInArrivalOrder() throws IOException {
        List<Entry> input = List.of(entry("k", 5, 0), entry("k", NONE, 1), entry("k", -7, 2), entry("k", NONE, 3),
                entry("k", 5, 4), entry("j", 1, 5), entry("j", NONE, 6));
        List<Entry> out = sort(ExternalSorter.MIN_MEMORY_BYTES, 128, input, null);
        assertThat(out).extracting(Entry::sequence).containsExactly(6, 5, 1, 3, 2, 0, 4);
        assertThat(out.get(0).timestamp()).isEqualTo(NONE);
    }

    @Test
    void runWithoutAnyTimestampKeepsInsertionOrderWithinKeys() throws IOException {
        List<Entry> input = entries(11, 20_000, random -> new byte[]{(byte) random.nextInt(5)}, () -> NONE);
        assertSameOrder(sort(64L << 20, 128, input, null), input);
    }

    static Stream<Arguments> shapes() {
        KeyShape fewShortKeys = random -> new byte[]{(byte) random.nextInt(4)};
        return Stream.of(
                Arguments.of("few short keys", fewShortKeys),
                Arguments.of("random keys", SortTestData.randomKeys(10)),
                Arguments.of("prefix-hostile keys", SortTestData.prefixHostileKeys()),
                Arguments.of("one long key holding most entries", SortTestData.skewedKeys()));
    }

    /** Timestamps with many ties, both signs, extremes, and a tenth without one. */
    private static LongSupplier mixedTimestamps(long seed) {
        Random random = new Random(seed);
        long[] extremes = {Long.MAX_VALUE, Long.MIN_VALUE + 1, 0, -1, 1L << 40};
        return () -> switch (random.nextInt(10)) {
            case 0 -> NONE;
            case 1 -> extremes[random.nextInt(extremes.length)];
            case 2, 3 -> random.nextInt(8) - 4;
            default -> 1_700_000_000_000L + random.nextInt(100_000);
        };
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("shapes")
    void matchesAStableSortByKeyAndTimestampInMemory(String name, KeyShape keys) throws IOException {
        List<Entry> input = entries(21, 30_000, keys, mixedTimestamps(22));
        SortStatistics[] stats = new SortStatistics[1];
        assertSameOrder(sort(64L << 20, 128, input, stats), input);
        assertThat(stats[0].spilledRuns()).isZero();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("shapes")
    void matchesAStableSortByKeyAndTimestampAcrossSpilledRuns(String name, KeyShape keys) throws IOException {
        List<Entry> input = entries(31, 40_000, keys, mixedTimestamps(32));
        SortStatistics[] stats = new SortStatistics[1];
        assertSameOrder(sort(128 * 1024, 128, input, stats), input);
        assertThat(stats[0].spilledRuns()).isGreaterThan(5);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("shapes")
    void matchesAStableSortByKeyAndTimestampThroughIntermediateMergePasses(String name, KeyShape keys)
            throws IOException {
        List<Entry> input = entries(41, 60_000, keys, mixedTimestamps(42));
        SortStatistics[] stats = new SortStatistics[1];
        assertSameOrder(sort(192 * 1024, 3, input, stats), input);
        assertThat(stats[0].mergePasses()).isGreaterThan(1);
    }

    @Test
    void ordersRunsThatStartWithoutTimestampsAndGainThemLater() throws IOException {
        // The first timestamp arrives after more entries than one segment of the timestamp index holds.
        KeyShape twoKeys = random -> new byte[]{(byte) random.nextInt(2)};
        Random random = new Random(51);
        List<Entry> input = new ArrayList<>(entries(52, 10_000, twoKeys, () -> NONE));
        for (Entry e : entries(53, 10_000, twoKeys, () -> random.nextInt(1000))) {
            input.add(new Entry(e.key(), e.timestamp(), ByteBuffer.allocate(4).putInt(10_000 + e.sequence()).array()));
        }
        assertSameOrder(sort(64L << 20, 128, input, null), input);
        assertSameOrder(sort(128 * 1024, 4, input, null), input);
    }

    @Test
    void ordersRunsWithTimestampsAmongRunsWithout() throws IOException {
        // Alternating stretches with and without timestamps: some spilled runs carry them and some do not.
        Random random = new Random(61);
        int[] index = {0};
        LongSupplier stretches = () -> (index[0]++ / 5_000) % 2 == 0 ? NONE : random.nextInt(50);
        List<Entry> input = entries(62, 40_000, random1 -> new byte[]{(byte) random1.nextInt(3)}, stretches);
        assertSameOrder(sort(128 * 1024, 128, input, null), input);
    }

    @Test
    void keepsEntriesBiggerThanABlockInTimestampOrder() throws IOException {
        List<Entry> input = new ArrayList<>();
        Random random = new Random(71);
        for (int i = 0; i < 40; i++) {
            byte[] value = new byte[4 + (i % 3 == 0 ? 70_000 : 10)];
            ByteBuffer.wrap(value).putInt(i);
            input.add(new Entry(new byte[]{(byte) (i % 2)}, i % 5 == 0 ? NONE : random.nextInt(10) - 5, value));
        }
        assertSameOrder(sort(ExternalSorter.MIN_MEMORY_BYTES * 2, 128, input, null), input);
    }
}
