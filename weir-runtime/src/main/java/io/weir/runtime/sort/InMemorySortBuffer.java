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
 * All memory comes from the {@link MemoryBudget}. When it runs out, {@link #tryAdd} refuses; the sorter then
 * spills and {@link #reset()}s, which keeps segments for reuse and returns only oversized arrays.
 */
final class InMemorySortBuffer {
    static final int SEGMENT_BYTES = MemoryBudget.UNIT_BYTES;
    private static final int INDEX_SHIFT = 11;
    private static final int INDEX_ENTRIES_PER_SEGMENT = 1 << INDEX_SHIFT;
    private static final int INDEX_MASK = INDEX_ENTRIES_PER_SEGMENT - 1;

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
    private int size;

    InMemorySortBuffer(MemoryBudget budget) {
        this.budget = budget;
    }

    /**
     * Appends a copy of the entry, whose encoded size must not exceed {@link EntryFormat#MAX_ENTRY_BYTES}; false,
     * with nothing changed that matters, if the budget cannot hold it.
     */
    boolean tryAdd(byte[] key, int keyOffset, int keyLength, byte[] value, int valueOffset, int valueLength) {
        if (size == indexSegments * INDEX_ENTRIES_PER_SEGMENT && !tryGrowIndex()) {
            return false;
        }
        long encodedSize = EntryFormat.encodedSize(keyLength, valueLength);
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
        currentPosition = EntryFormat.write(current, currentPosition, key, keyOffset, keyLength,
                value, valueOffset, valueLength);
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
        return segmentCount + indexSegments + oversizedUnits;
    }

    /** Sorts the index by key, and by insertion order among equal keys. */
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
    }

    /** Gives back what the current entries do not occupy, so a final merge beside them has room to read. */
    void releaseUnusedMemory() {
        releaseSpareSegments();
        int indexSegmentsNeeded = (size + INDEX_ENTRIES_PER_SEGMENT - 1) >>> INDEX_SHIFT;
        budget.release(indexSegments - indexSegmentsNeeded);
        Arrays.fill(index, indexSegmentsNeeded, indexSegments, null);
        indexSegments = indexSegmentsNeeded;
    }

    /** Gives all memory back to the budget, for the merge's read buffers. */
    void releaseMemory() {
        reset();
        budget.release(segmentCount + indexSegments);
        Arrays.fill(segments, null);
        segmentCount = 0;
        Arrays.fill(index, null);
        indexSegments = 0;
    }

    long prefixAt(int i) {
        return index[i >>> INDEX_SHIFT][(i & INDEX_MASK) << 1];
    }

    long pointerAt(int i) {
        return index[i >>> INDEX_SHIFT][((i & INDEX_MASK) << 1) + 1];
    }

    /** Order of entries i and j: prefix, then key bytes, then pointer, which is insertion order. */
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
        if (KeyOrder.decides(a[aSlot])) {
            return Long.compare(aPointer, bPointer);
        }
        c = compareKeys(aPointer, bPointer);
        return c != 0 ? c : Long.compare(aPointer, bPointer);
    }

    private int compareKeys(long aPointer, long bPointer) {
        byte[] a = arrays[(int) (aPointer >>> 32)];
        int aPosition = (int) aPointer;
        int aLength = EntryFormat.readVarInt(a, aPosition);
        int aKey = aPosition + EntryFormat.varIntSize(aLength) + valueLengthSize(a, aPosition);
        byte[] b = arrays[(int) (bPointer >>> 32)];
        int bPosition = (int) bPointer;
        int bLength = EntryFormat.readVarInt(b, bPosition);
        int bKey = bPosition + EntryFormat.varIntSize(bLength) + valueLengthSize(b, bPosition);
        return KeyOrder.compareWithEqualPrefix(a, aKey, aLength, b, bKey, bLength);
    }

    /** Size of the value-length varint, found by skipping continuation bytes rather than decoding it. */
    private static int valueLengthSize(byte[] array, int entryPosition) {
        int p = entryPosition;
        while (array[p++] < 0) {
            // skips the key length
        }
        int start = p;
        while (array[p++] < 0) {
            // skips the value length
        }
        return p - start;
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
            keyLength = EntryFormat.readVarInt(array, p);
            p += EntryFormat.varIntSize(keyLength);
            valueLength = EntryFormat.readVarInt(array, p);
            keyOffset = p + EntryFormat.varIntSize(valueLength);
            valueOffset = keyOffset + keyLength;
            return true;
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
