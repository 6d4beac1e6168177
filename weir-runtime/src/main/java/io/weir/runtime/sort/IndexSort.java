package io.weir.runtime.sort;

/**
 * Sorts an {@link InMemorySortBuffer}'s index in place: introsort (median-of-three quicksort, insertion sort for
 * short ranges, heapsort when recursion gets too deep). It is not a stable algorithm and needs not be: the
 * buffer's order ends in the insertion-ordered pointer, so no two entries compare equal and any correct sort
 * yields the stable order. No allocation and no boxing; recursion depth stays logarithmic.
 */
final class IndexSort {
    private static final int INSERTION_SORT_THRESHOLD = 16;

    private IndexSort() {
    }

    static void sort(InMemorySortBuffer buffer, int size) {
        if (size > 1) {
            quickSort(buffer, 0, size - 1, 2 * (32 - Integer.numberOfLeadingZeros(size)));
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
