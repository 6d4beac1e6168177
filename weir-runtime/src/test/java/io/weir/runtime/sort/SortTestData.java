package io.weir.runtime.sort;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

/** Seeded inputs and the reference the sorter must match: a plain stable sort of a list. */
final class SortTestData {

    record Entry(byte[] key, byte[] value) {
        @Override
        public String toString() {
            return HexFormat.of().formatHex(key) + "=" + HexFormat.of().formatHex(value);
        }
    }

    /** What the cursor said about an entry, copied out because its views die on the next step. */
    record Read(Entry entry, boolean keyEqualsPrevious) {
    }

    interface KeyShape {
        byte[] next(Random random);
    }

    private SortTestData() {
    }

    /** Values start with the insertion sequence number, so stability failures are easy to read. */
    static List<Entry> entries(long seed, int count, KeyShape keys, int maxExtraValueBytes) {
        Random random = new Random(seed);
        List<Entry> entries = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            byte[] value = new byte[4 + (maxExtraValueBytes == 0 ? 0 : random.nextInt(maxExtraValueBytes + 1))];
            ByteBuffer.wrap(value).putInt(i);
            entries.add(new Entry(keys.next(random), value));
        }
        return entries;
    }

    static KeyShape randomKeys(int maxLength) {
        return random -> randomBytes(random, random.nextInt(maxLength + 1));
    }

    /**
     * Keys that defeat the 8-byte prefix: a few long common prefixes, keys shorter than 8 bytes, empty keys,
     * keys that are prefixes of other keys, trailing zero bytes, and bytes >= 0x80.
     */
    static KeyShape prefixHostileKeys() {
        byte[][] stems = {
                {},
                {0},
                {0, 0},
                {(byte) 0x80},
                {(byte) 0xFF, (byte) 0xFF, (byte) 0xFF, (byte) 0xFF, (byte) 0xFF, (byte) 0xFF, (byte) 0xFF},
                {1, 2, 3, 4, 5, 6, 7, 8},
                {1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12},
                {(byte) 0x7F, (byte) 0x80, (byte) 0x7F, (byte) 0x80, (byte) 0x7F, (byte) 0x80, (byte) 0x7F, (byte) 0x80},
        };
        byte[] tailAlphabet = {0, 1, (byte) 0x7F, (byte) 0x80, (byte) 0xFE, (byte) 0xFF};
        return random -> {
            byte[] stem = stems[random.nextInt(stems.length)];
            int tail = random.nextInt(4);
            byte[] key = Arrays.copyOf(stem, stem.length + tail);
            for (int i = stem.length; i < key.length; i++) {
                key[i] = tailAlphabet[random.nextInt(tailAlphabet.length)];
            }
            return key;
        };
    }

    /** One key holds about 90% of the entries. */
    static KeyShape skewedKeys() {
        byte[] hot = {'h', 'o', 't', '-', 'k', 'e', 'y', '-', '1'};
        return random -> random.nextInt(10) < 9 ? hot.clone() : randomBytes(random, 1 + random.nextInt(12));
    }

    static byte[] randomBytes(Random random, int length) {
        byte[] bytes = new byte[length];
        random.nextBytes(bytes);
        return bytes;
    }

    static void addAll(ExternalSorter sorter, List<Entry> entries) throws IOException {
        for (Entry entry : entries) {
            sorter.add(entry.key(), entry.value());
        }
    }

    static List<Read> drain(SortedEntries sorted) throws IOException {
        List<Read> reads = new ArrayList<>();
        while (sorted.next()) {
            byte[] key = Arrays.copyOfRange(sorted.keyArray(), sorted.keyOffset(),
                    sorted.keyOffset() + sorted.keyLength());
            byte[] value = Arrays.copyOfRange(sorted.valueArray(), sorted.valueOffset(),
                    sorted.valueOffset() + sorted.valueLength());
            reads.add(new Read(new Entry(key, value), sorted.keyEqualsPrevious()));
        }
        assertThat(sorted.next()).as("next() after the end").isFalse();
        return reads;
    }

    /** The reference: {@link List#sort} is stable, so equal keys stay in insertion order. */
    static List<Entry> stableSorted(List<Entry> entries) {
        List<Entry> sorted = new ArrayList<>(entries);
        sorted.sort((a, b) -> Arrays.compareUnsigned(a.key(), b.key()));
        return sorted;
    }

    static void assertSortedLike(List<Read> actual, List<Entry> input) {
        List<Entry> expected = stableSorted(input);
        assertThat(actual).as("entry count").hasSize(expected.size());
        for (int i = 0; i < expected.size(); i++) {
            Entry want = expected.get(i);
            Read got = actual.get(i);
            if (!Arrays.equals(want.key(), got.entry().key()) || !Arrays.equals(want.value(), got.entry().value())) {
                fail("entry " + i + " of " + expected.size() + ": expected " + want + " but was " + got.entry()
                        + (i > 0 ? " (previous: " + actual.get(i - 1).entry() + ")" : ""));
            }
            boolean sameKey = i > 0 && Arrays.equals(expected.get(i - 1).key(), want.key());
            if (got.keyEqualsPrevious() != sameKey) {
                fail("entry " + i + ": keyEqualsPrevious() was " + got.keyEqualsPrevious() + ", expected " + sameKey);
            }
        }
    }
}
