package io.weir.runtime.sort;

import java.util.Arrays;

/**
 * Sorts an {@link InMemorySortBuffer}'s index in place. The order is (prefix unsigned, then key bytes, then
 * timestamp if the run has any, then pointer), and the pointer is insertion order, so no two entries compare equal
 * and any correct sort yields the stable order: neither algorithm below needs to be stable.
 *
 * <p>Large ranges go through an in-place most-significant-byte radix sort of the 8-byte prefixes (American flag
 * sort: count a byte's values, then move each entry to its bucket by swaps), a byte position on which all of a
 * range's entries agree costing one counting pass. Buckets below {@value #RADIX_THRESHOLD} entries, and ranges
 * whose prefixes are all equal, finish with an introsort on the full order (median-of-three quicksort,
 * insertion sort for short ranges, heapsort when recursion gets too deep). Typical keys differ in two or three
 * prefix bytes, so the radix passes replace the twenty-odd partition passes of a quicksort over a million
 * entries, each comparing 16-byte index entries. In a run with timestamps, a range whose prefixes are equal and
 * decide the key (keys of at most 7 bytes) goes on through the 8 bytes of the timestamps (sign bit flipped, so
 * that unsigned byte order is signed order): a key with many records is ordered in time by radix passes too. No allocation per entry and no boxing; recursion depth stays
 * bounded (at most 16 radix levels, logarithmic introsort).
 */
final class IndexSort {
    private static final int INSERTION_SORT_THRESHOLD = 16;

    private IndexSort() {
    }

    /** Ranges at most this long skip the radix passes. */
    static final int RADIX_THRESHOLD = 64;
    private static final int PREFIX_BYTES = 8;
    /** Radix levels: the prefix's bytes, then the timestamp's. */
    private static final int LEVELS = 2 * PREFIX_BYTES;
    private static final int RADIX = 256;

    static void sort(InMemorySortBuffer buffer, int size) {
        if (size > RADIX_THRESHOLD) {
            radixSort(buffer, 0, size, 0, new int[LEVELS][RADIX], new int[RADIX]);
        } else {
            introSort(buffer, 0, size);
        }
    }

    /**
     * Sorts entries [lo, hi), whose radix keys agree on their first {@code level} bytes: the prefix's bytes, and
     * from level 8 on (equal prefixes that decide the key) the timestamp's.
     */
    private static void radixSort(InMemorySortBuffer b, int lo, int hi, int level, int[][] ends, int[] next) {
        while (true) {
            if (hi - lo <= RADIX_THRESHOLD || level == LEVELS
                    || level == PREFIX_BYTES && !(b.timestamped() && KeyOrder.decides(b.prefixAt(lo)))) {
                introSort(b, lo, hi);
                return;
            }
            boolean onTimestamp = level >= PREFIX_BYTES;
            int[] end = ends[level];
            int shift = 56 - 8 * (level & (PREFIX_BYTES - 1));
            Arrays.fill(end, 0);
            for (int i = lo; i < hi; i++) {
                end[(int) (radixKey(b, i, onTimestamp) >>> shift) & 0xFF]++;
            }
            if (end[(int) (radixKey(b, lo, onTimestamp) >>> shift) & 0xFF] == hi - lo) {
                // every entry has the same byte here: on to the next one, with no pass over the buckets
                level++;
                continue;
            }
            int position = lo;
            for (int d = 0; d < RADIX; d++) {
                next[d] = position;
                position += end[d];
                end[d] = position;
            }
            for (int d = 0; d < RADIX; d++) {
                // entries before next[d] are in bucket d; the one at next[d] goes where its byte says
                while (next[d] < end[d]) {
                    int i = next[d];
                    int target = (int) (radixKey(b, i, onTimestamp) >>> shift) & 0xFF;
                    if (target == d) {
                        next[d]++;
                    } else {
                        b.swap(i, next[target]++);
                    }
                }
            }
            int start = lo;
            for (int d = 0; d < RADIX; d++) {
                if (end[d] - start > 1) {
                    radixSort(b, start, end[d], level + 1, ends, next);
                }
                start = end[d];
            }
            return;
        }
    }

    /** The prefix, or the timestamp with its sign bit flipped so that its unsigned bytes sort as signed longs. */
    private static long radixKey(InMemorySortBuffer b, int i, boolean onTimestamp) {
        return onTimestamp ? b.timestampAt(i) ^ Long.MIN_VALUE : b.prefixAt(i);
    }

    /** Sorts entries [lo, hi) by the full order. */
    private static void introSort(InMemorySortBuffer b, int lo, int hi) {
        int size = hi - lo;
        if (size > 1) {
            quickSort(b, lo, hi - 1, 2 * (32 - Integer.numberOfLeadingZeros(size)));
        }
    }

    private static void quickSort(InMemorySortBuffer b, int lo, int hi, int depthLeft) {
        while (hi - lo > INSERTION_SORT_THRESHOLD) {
            if (depthLeft-- == 0) {
                heapSort(b, lo, hi);
                return;
            }
            int j = partition(b, lo, hi);
            // recurse into the smaller side, loop on the larger, so the stack stays O(log n)
            if (j - lo < hi - j) {
                quickSort(b, lo, j - 1, depthLeft);
                lo = j + 1;
            } else {
                quickSort(b, j + 1, hi, depthLeft);
                hi = j - 1;
            }
        }
        insertionSort(b, lo, hi);
    }

    /** Partitions around the median of lo, mid and hi; returns the pivot's final position. */
    private static int partition(InMemorySortBuffer b, int lo, int hi) {
        int mid = (lo + hi) >>> 1;
        if (b.compare(mid, lo) < 0) {
            b.swap(mid, lo);
        }
        if (b.compare(hi, mid) < 0) {
            b.swap(hi, mid);
            if (b.compare(mid, lo) < 0) {
                b.swap(mid, lo);
            }
        }
        // the pivot waits at lo while the rest is partitioned; hi, not smaller than it, stops the upward scan
        b.swap(lo, mid);
        int i = lo;
        int j = hi + 1;
        while (true) {
            do {
                i++;
            } while (i < hi && b.compare(i, lo) < 0);
            do {
                j--;
            } while (b.compare(lo, j) < 0);
            if (i >= j) {
                break;
            }
            b.swap(i, j);
        }
        b.swap(lo, j);
        return j;
    }

    private static void insertionSort(InMemorySortBuffer b, int lo, int hi) {
        for (int i = lo + 1; i <= hi; i++) {
            for (int j = i; j > lo && b.compare(j, j - 1) < 0; j--) {
                b.swap(j, j - 1);
            }
        }
    }

    private static void heapSort(InMemorySortBuffer b, int lo, int hi) {
        int n = hi - lo + 1;
        for (int i = n / 2 - 1; i >= 0; i--) {
            siftDown(b, lo, i, n);
        }
        for (int end = n - 1; end > 0; end--) {
            b.swap(lo, lo + end);
            siftDown(b, lo, 0, end);
        }
    }

    private static void siftDown(InMemorySortBuffer b, int lo, int node, int n) {
        while (true) {
            int child = 2 * node + 1;
            if (child >= n) {
                return;
            }
            if (child + 1 < n && b.compare(lo + child + 1, lo + child) > 0) {
                child++;
            }
            if (b.compare(lo + node, lo + child) >= 0) {
                return;
            }
            b.swap(lo + node, lo + child);
            node = child;
        }
    }
}
