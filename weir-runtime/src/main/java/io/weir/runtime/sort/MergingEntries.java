package io.weir.runtime.sort;

import java.io.Closeable;
import java.io.IOException;
import java.util.Arrays;

/**
 * Merges sorted runs with a binary min-heap of run cursors. The heap orders by key prefix, then key bytes, then
 * timestamp, then run number: runs are numbered in the order they were produced and an earlier run holds earlier
 * entries, so equal keys and timestamps come out in insertion order and the merge is stable.
 * <p>
 * Each step advances only the run that supplied the last entry and sifts it down: about log2(runs) comparisons
 * per entry, most of them decided by the prefixes cached beside the heap.
 */
final class MergingEntries implements SortedEntries, RunCursor, AutoCloseable {
    private final RunCursor[] runs;
    private final Closeable resources;
    private final RunCursor[] heap;
    private final int[] runNumbers;
    private final long[] prefixes;
    private int size;
    private boolean started;
    private byte[] previousKey = new byte[64];
    private int previousKeyLength = -1;
    private long previousPrefix;

    /**
     * @param runs      sorted runs, oldest first
     * @param resources closed with this merge (the runs' files and read buffers)
     */
    MergingEntries(RunCursor[] runs, Closeable resources) {
        this.runs = runs.clone();
        this.resources = resources;
        this.heap = new RunCursor[runs.length];
        this.runNumbers = new int[runs.length];
        this.prefixes = new long[runs.length];
    }

    @Override
    public boolean next() throws IOException {
        if (!started) {
            started = true;
            fillHeap();
            return size > 0;
        }
        if (size == 0) {
            return false;
        }
        rememberCurrentKey();
        RunCursor top = heap[0];
        if (top.next()) {
            prefixes[0] = top.keyPrefix();
        } else {
            size--;
            heap[0] = heap[size];
            runNumbers[0] = runNumbers[size];
            prefixes[0] = prefixes[size];
            heap[size] = null;
        }
        siftDown(0);
        return size > 0;
    }

    private void fillHeap() throws IOException {
        for (int run = 0; run < runs.length; run++) {
            if (runs[run].next()) {
                heap[size] = runs[run];
                runNumbers[size] = run;
                prefixes[size] = runs[run].keyPrefix();
                size++;
            }
        }
        for (int i = size / 2 - 1; i >= 0; i--) {
            siftDown(i);
        }
    }

    private void siftDown(int node) {
        while (true) {
            int child = 2 * node + 1;
            if (child >= size) {
                return;
            }
            if (child + 1 < size && less(child + 1, child)) {
                child++;
            }
            if (!less(child, node)) {
                return;
            }
            swap(node, child);
            node = child;
        }
    }

    private boolean less(int i, int j) {
        int c = Long.compareUnsigned(prefixes[i], prefixes[j]);
        if (c == 0 && !KeyOrder.decides(prefixes[i])) {
            RunCursor a = heap[i];
            RunCursor b = heap[j];
            c = KeyOrder.compareWithEqualPrefix(a.keyArray(), a.keyOffset(), a.keyLength(),
                    b.keyArray(), b.keyOffset(), b.keyLength());
        }
        if (c == 0) {
            c = Long.compare(heap[i].timestamp(), heap[j].timestamp());
        }
        if (c == 0) {
            c = Integer.compare(runNumbers[i], runNumbers[j]);
        }
        return c < 0;
    }

    private void swap(int i, int j) {
        RunCursor cursor = heap[i];
        heap[i] = heap[j];
        heap[j] = cursor;
        int run = runNumbers[i];
        runNumbers[i] = runNumbers[j];
        runNumbers[j] = run;
        long prefix = prefixes[i];
        prefixes[i] = prefixes[j];
        prefixes[j] = prefix;
    }

    /** The current key's bytes live in a run's buffer that the next step may overwrite, hence the copy. */
    private void rememberCurrentKey() {
        RunCursor top = heap[0];
        int length = top.keyLength();
        if (previousKey.length < length) {
            previousKey = new byte[Math.max(length, previousKey.length * 2)];
        }
        System.arraycopy(top.keyArray(), top.keyOffset(), previousKey, 0, length);
        previousKeyLength = length;
        previousPrefix = prefixes[0];
    }

    @Override
    public boolean keyEqualsPrevious() {
        if (size == 0 || previousKeyLength < 0 || previousPrefix != prefixes[0]) {
            return false;
        }
        if (KeyOrder.decides(previousPrefix)) {
            return true;
        }
        RunCursor top = heap[0];
        return Arrays.equals(previousKey, 0, previousKeyLength,
                top.keyArray(), top.keyOffset(), top.keyOffset() + top.keyLength());
    }

    @Override
    public long keyPrefix() {
        return prefixes[0];
    }

    @Override
    public long timestamp() {
        return heap[0].timestamp();
    }

    @Override
    public byte[] keyArray() {
        return heap[0].keyArray();
    }

    @Override
    public int keyOffset() {
        return heap[0].keyOffset();
    }

    @Override
    public int keyLength() {
        return heap[0].keyLength();
    }

    @Override
    public byte[] valueArray() {
        return heap[0].valueArray();
    }

    @Override
    public int valueOffset() {
        return heap[0].valueOffset();
    }

    @Override
    public int valueLength() {
        return heap[0].valueLength();
    }

    @Override
    public void close() throws IOException {
        resources.close();
    }
}
