package io.weir.runtime.sort;

import java.util.Arrays;

/**
 * Holds entries in fixed-size segments and sorts an index over them.
 * <p>
 * Entries are appended in {@link EntryFormat} to 32 KB segments; an entry bigger than a segment gets an array of
 * its own, reserved in whole units. The index keeps two longs per entry, the key's normalized
 * {@link KeyOrder#prefix prefix} and a pointer {@code (array number << 32) | offset}, in segments of 2048
 * entries, so that growing it never copies and every byte is counted. Pointers grow in insertion order, which
 * makes them the stable tie-break: the index sort needs no extra sequence numbers.
 * <p>
 * Timestamps, the secondary sort key, live in a parallel index of one long per entry (segments of 4096), made
 * only once a run holds an entry with a timestamp: a run without any sorts exactly as if timestamps did not
 * exist, and one with them compares timestamps without touching the entries' bytes. Entries without a timestamp
 * count as {@link ExternalSorter#NO_TIMESTAMP} ({@code Long.MIN_VALUE}) there, so they come first within a key.
 * <p>
 * All memory comes from the {@link MemoryBudget}. When it runs out, {@link #tryAdd} refuses; the sorter then
 * spills and {@link #reset()}s, which keeps segments for reuse and returns only oversized arrays.
 */
final class InMemorySortBuffer {
    static final int SEGMENT_BYTES = MemoryBudget.UNIT_BYTES;
    private static final int INDEX_SHIFT = 11;
    private static final int INDEX_ENTRIES_PER_SEGMENT = 1 << INDEX_SHIFT;
    private static final int INDEX_MASK = INDEX_ENTRIES_PER_SEGMENT - 1;
    private static final int TIMESTAMP_SHIFT = 12;
    private static final int TIMESTAMPS_PER_SEGMENT = 1 << TIMESTAMP_SHIFT;
    private static final int TIMESTAMP_MASK = TIMESTAMPS_PER_SEGMENT - 1;

    private final MemoryBudget budget;
    /** Every standard segment this buffer holds, in use or ready for reuse after a reset. */
    private byte[][] segments = new byte[8][];
    private int segmentCount;
    private int segmentsInUse;
    /** The arrays holding this run's entries, in insertion order; the pointer's high half indexes this. */
    private byte[][] arrays = new byte[8][];
    private int arrayCount;
    private int oversizedUnits;
    private byte[] current;
    private int currentPosition;
    private long[][] index = new long[8][];
    private int indexSegments;
    /** Timestamps by entry, valid for this run's entries only if {@link #timestamped}; segments are kept for reuse. */
    private long[][] timestamps = new long[8][];
    private int timestampSegments;
    /** Whether an entry of this run has a timestamp; until then, the timestamp index is not written. */
    private boolean timestamped;
    private int size;

    InMemorySortBuffer(MemoryBudget budget) {
        this.budget = budget;
    }

    /**
     * Appends a copy of the entry, whose encoded size must not exceed {@link EntryFormat#MAX_ENTRY_BYTES}; false,
     * with nothing changed that matters, if the budget cannot hold it.
     */
    boolean tryAdd(byte[] key, int keyOffset, int keyLength, long timestamp,
                   byte[] value, int valueOffset, int valueLength) {
        if (size == indexSegments * INDEX_ENTRIES_PER_SEGMENT && !tryGrowIndex()) {
            return false;
        }
        boolean needsTimestamp = timestamped || timestamp != ExternalSorter.NO_TIMESTAMP;
        if (needsTimestamp && !tryHoldTimestamps(size + 1)) {
            return false;
        }
        long encodedSize = EntryFormat.encodedSize(keyLength, timestamp, valueLength);
        if (encodedSize > SEGMENT_BYTES) {
            if (!tryStartOversized(encodedSize)) {
                return false;
            }
        } else if (current == null || current.length - currentPosition < encodedSize) {
            if (!tryStartSegment()) {
                return false;
            }
        }
        long pointer = ((long) (arrayCount - 1) << 32) | currentPosition;
        currentPosition = EntryFormat.write(current, currentPosition, key, keyOffset, keyLength, timestamp,
                value, valueOffset, valueLength);
        if (needsTimestamp) {
            recordTimestamp(timestamp);
        }
        long[] indexSegment = index[size >>> INDEX_SHIFT];
        int slot = (size & INDEX_MASK) << 1;
        indexSegment[slot] = KeyOrder.prefix(key, keyOffset, keyLength);
        indexSegment[slot + 1] = pointer;
        size++;
        return true;
    }

    private boolean tryGrowIndex() {
        if (!budget.tryReserve(1)) {
            return false;
        }
        if (indexSegments == index.length) {
            index = Arrays.copyOf(index, indexSegments * 2);
        }
        index[indexSegments++] = new long[INDEX_ENTRIES_PER_SEGMENT * 2];
        return true;
    }

    /**
     * Room for {@code entries} timestamps: the first timestamp of a run needs room for those of all of its
     * earlier entries too. Segments made before a refusal stay, counted, for the next try.
     */
    private boolean tryHoldTimestamps(int entries) {
        while (timestampSegments * TIMESTAMPS_PER_SEGMENT < entries) {
            if (!budget.tryReserve(1)) {
                return false;
            }
            if (timestampSegments == timestamps.length) {
                timestamps = Arrays.copyOf(timestamps, timestampSegments * 2);
            }
            timestamps[timestampSegments++] = new long[TIMESTAMPS_PER_SEGMENT];
        }
        return true;
    }

    /** Stores the timestamp of entry {@code size}; a run's first timestamp marks its earlier entries as having none. */
    private void recordTimestamp(long timestamp) {
        if (!timestamped) {
            for (int filled = 0, s = 0; filled < size; s++) {
                int count = Math.min(TIMESTAMPS_PER_SEGMENT, size - filled);
                Arrays.fill(timestamps[s], 0, count, ExternalSorter.NO_TIMESTAMP);
                filled += count;
            }
            timestamped = true;
        }
        timestamps[size >>> TIMESTAMP_SHIFT][size & TIMESTAMP_MASK] = timestamp;
    }

    private boolean tryStartSegment() {
        if (segmentsInUse == segmentCount) {
            if (!budget.tryReserve(1)) {
                return false;
            }
            if (segmentCount == segments.length) {
                segments = Arrays.copyOf(segments, segmentCount * 2);
            }
            segments[segmentCount++] = new byte[SEGMENT_BYTES];
        }
        startArray(segments[segmentsInUse++]);
        return true;
    }

    private boolean tryStartOversized(long encodedSize) {
        int units = MemoryBudget.unitsFor(encodedSize);
        if (!budget.tryReserve(units)) {
            releaseSpareSegments();
            if (!budget.tryReserve(units)) {
                return false;
            }
        }
        oversizedUnits += units;
        startArray(new byte[(int) encodedSize]);
        return true;
    }

    /** Segments kept for reuse are worth less than room for an oversized entry right after a spill. */
    private void releaseSpareSegments() {
        budget.release(segmentCount - segmentsInUse);
        Arrays.fill(segments, segmentsInUse, segmentCount, null);
        segmentCount = segmentsInUse;
    }

    private void startArray(byte[] array) {
        if (arrayCount == arrays.length) {
            arrays = Arrays.copyOf(arrays, arrayCount * 2);
        }
        arrays[arrayCount++] = array;
        current = array;
        currentPosition = 0;
    }

    int size() {
        return size;
    }

    /** Units held now, including segments kept for reuse. */
    int unitsHeld() {
        return segmentCount + indexSegments + timestampSegments + oversizedUnits;
    }

    /** Sorts the index by key, then timestamp, and by insertion order among equal ones. */
    void sort() {
        IndexSort.sort(this, size);
    }

    /** Forgets all entries but keeps segments and index for the next run. */
    void reset() {
        Arrays.fill(arrays, 0, arrayCount, null);
        arrayCount = 0;
        budget.release(oversizedUnits);
        oversizedUnits = 0;
        segmentsInUse = 0;
        current = null;
        size = 0;
        timestamped = false;
    }

    /** Gives back what the current entries do not occupy, so a final merge beside them has room to read. */
    void releaseUnusedMemory() {
        releaseSpareSegments();
        int indexSegmentsNeeded = (size + INDEX_ENTRIES_PER_SEGMENT - 1) >>> INDEX_SHIFT;
        budget.release(indexSegments - indexSegmentsNeeded);
        Arrays.fill(index, indexSegmentsNeeded, indexSegments, null);
        indexSegments = indexSegmentsNeeded;
        int timestampSegmentsNeeded = timestamped ? (size + TIMESTAMPS_PER_SEGMENT - 1) >>> TIMESTAMP_SHIFT : 0;
        budget.release(timestampSegments - timestampSegmentsNeeded);
        Arrays.fill(timestamps, timestampSegmentsNeeded, timestampSegments, null);
        timestampSegments = timestampSegmentsNeeded;
    }

    /** Gives all memory back to the budget, for the merge's read buffers. */
    void releaseMemory() {
        reset();
        budget.release(segmentCount + indexSegments + timestampSegments);
        Arrays.fill(segments, null);
        segmentCount = 0;
        Arrays.fill(index, null);
        indexSegments = 0;
        Arrays.fill(timestamps, null);
        timestampSegments = 0;
    }

    long prefixAt(int i) {
        return index[i >>> INDEX_SHIFT][(i & INDEX_MASK) << 1];
    }

    long pointerAt(int i) {
        return index[i >>> INDEX_SHIFT][((i & INDEX_MASK) << 1) + 1];
    }

    /** Whether this run holds an entry with a timestamp, so that the order looks at timestamps at all. */
    boolean timestamped() {
        return timestamped;
    }

    /** Entry i's timestamp; only while {@link #timestamped()}. */
    long timestampAt(int i) {
        return timestamps[i >>> TIMESTAMP_SHIFT][i & TIMESTAMP_MASK];
    }

    /**
     * Order of entries i and j: prefix, then key bytes, then timestamp (if the run has any), then pointer, which
     * is insertion order.
     */
    int compare(int i, int j) {
        long[] a = index[i >>> INDEX_SHIFT];
        long[] b = index[j >>> INDEX_SHIFT];
        int aSlot = (i & INDEX_MASK) << 1;
        int bSlot = (j & INDEX_MASK) << 1;
        int c = Long.compareUnsigned(a[aSlot], b[bSlot]);
        if (c != 0) {
            return c;
        }
        long aPointer = a[aSlot + 1];
        long bPointer = b[bSlot + 1];
        if (!KeyOrder.decides(a[aSlot])) {
            c = compareKeys(aPointer, bPointer);
            if (c != 0) {
                return c;
            }
        }
        if (timestamped) {
            c = Long.compare(timestampAt(i), timestampAt(j));
            if (c != 0) {
                return c;
            }
        }
        return Long.compare(aPointer, bPointer);
    }

    private int compareKeys(long aPointer, long bPointer) {
        byte[] a = arrays[(int) (aPointer >>> 32)];
        int aPosition = (int) aPointer;
        int aLength = EntryFormat.readVarInt(a, aPosition) >>> 1;
        byte[] b = arrays[(int) (bPointer >>> 32)];
        int bPosition = (int) bPointer;
        int bLength = EntryFormat.readVarInt(b, bPosition) >>> 1;
        return KeyOrder.compareWithEqualPrefix(a, EntryFormat.keyOffset(a, aPosition), aLength,
                b, EntryFormat.keyOffset(b, bPosition), bLength);
    }

    void swap(int i, int j) {
        long[] a = index[i >>> INDEX_SHIFT];
        long[] b = index[j >>> INDEX_SHIFT];
        int aSlot = (i & INDEX_MASK) << 1;
        int bSlot = (j & INDEX_MASK) << 1;
        long prefix = a[aSlot];
        long pointer = a[aSlot + 1];
        a[aSlot] = b[bSlot];
        a[aSlot + 1] = b[bSlot + 1];
        b[bSlot] = prefix;
        b[bSlot + 1] = pointer;
        if (timestamped) {
            long[] at = timestamps[i >>> TIMESTAMP_SHIFT];
            long[] bt = timestamps[j >>> TIMESTAMP_SHIFT];
            int aIndex = i & TIMESTAMP_MASK;
            int bIndex = j & TIMESTAMP_MASK;
            long timestamp = at[aIndex];
            at[aIndex] = bt[bIndex];
            bt[bIndex] = timestamp;
        }
    }

    /** A cursor over the entries in index order; call after {@link #sort()}, valid until the next reset. */
    Cursor cursor() {
        return new Cursor();
    }

    /** Serves both as the merge's in-memory run and, when nothing spilled, as the sorter's result. */
    final class Cursor implements RunCursor, SortedEntries {
        /**
         * Entries this far ahead are touched before they are read. In sorted order entries lie at random places
         * in the segments, so reading one is a cache miss; a load of one that is needed only later overlaps
         * with the work on the current one (Java has no prefetch instruction). Spilling W3's sorted runs took
         * about half the CPU it did without this (8 ahead: three quarters; 32: no better than 16).
         */
        private static final int LOOKAHEAD = 16;
        private int position = -1;
        /** Sums the touched bytes, so that the loads are not optimised away. */
        private int touched;
        private byte[] array;
        private int keyOffset;
        private int keyLength;
        private int valueOffset;
        private int valueLength;
        private long timestamp;

        @Override
        public boolean next() {
            if (position + 1 >= size) {
                position = size;
                return false;
            }
            position++;
            int ahead = position + LOOKAHEAD;
            if (ahead < size) {
                long later = pointerAt(ahead);
                touched += arrays[(int) (later >>> 32)][(int) later];
            }
            long pointer = pointerAt(position);
            array = arrays[(int) (pointer >>> 32)];
            int p = (int) pointer;
            int keyField = EntryFormat.readVarInt(array, p);
            p += EntryFormat.varIntSize(keyField);
            keyLength = keyField >>> 1;
            valueLength = EntryFormat.readVarInt(array, p);
            p += EntryFormat.varIntSize(valueLength);
            if ((keyField & 1) != 0) {
                long zigZag = EntryFormat.readVarLong(array, p);
                p += EntryFormat.varLongSize(zigZag);
                timestamp = EntryFormat.unZigZag(zigZag);
            } else {
                timestamp = ExternalSorter.NO_TIMESTAMP;
            }
            keyOffset = p;
            valueOffset = keyOffset + keyLength;
            return true;
        }

        @Override
        public long timestamp() {
            return timestamp;
        }

        @Override
        public boolean keyEqualsPrevious() {
            if (position <= 0 || position >= size || prefixAt(position - 1) != prefixAt(position)) {
                return false;
            }
            return KeyOrder.decides(prefixAt(position)) || compareKeys(pointerAt(position - 1), pointerAt(position)) == 0;
        }

        @Override
        public long keyPrefix() {
            return prefixAt(position);
        }

        @Override
        public byte[] keyArray() {
            return array;
        }

        @Override
        public int keyOffset() {
            return keyOffset;
        }

        @Override
        public int keyLength() {
            return keyLength;
        }

        @Override
        public byte[] valueArray() {
            return array;
        }

        @Override
        public int valueOffset() {
            return valueOffset;
        }

        @Override
        public int valueLength() {
            return valueLength;
        }
    }
}
