package io.weir.runtime.operators;

import java.util.Arrays;

/**
 * Decides, record by record, whether a BATCH combiner (producer-side pre-aggregation) combines or lets the record
 * pass uncombined as its own partial. Combining pays only where keys repeat within the combiner's capacity.
 * Where they do not (keys nearly unique, or unique per window), every record costs a map entry that leaves
 * unchanged at the next flush, and entries held that long survive young collections and make the heap grow,
 * which costs more than the shuffle it was meant to save.
 *
 * <pre>
 *            pays (enough repeats)
 *  PROBING ───────────────────────▶ COMBINING ──┐ full flush that paid
 *     ▲  │ does not pay                  │   ◀──┘
 *     │  ▼                               │ full flush that did not pay
 *  PASSING ◀─────────────────────────────┘
 *     (a stretch of records; longer after each try that did not pay)
 * </pre>
 *
 * <ul>
 *   <li>PROBING, where a combiner starts unless told to combine from the start: records pass while a dry run counts their distinct combining hashes (key and
 *   timestamp) in a table of longs, holding no record. It pays if {@code 2 * capacity} records come before
 *   {@code capacity + 1} distinct hashes (a full combiner would have at least halved them), or early, at a power
 *   of two from {@value #EARLY_CHECK} records on, if the distinct hashes are at most a quarter.</li>
 *   <li>COMBINING: the combiner holds records; when it is full it flushes and reports whether the flush halved what
 *   it folded.</li>
 *   <li>PASSING: {@code rounds * capacity} records pass, {@code rounds} starting at {@value #FIRST_ROUNDS} and
 *   doubling with each try that did not pay, up to {@value #MAX_ROUNDS}; a try that pays resets it. Then probing
 *   again.</li>
 * </ul>
 * Outside COMBINING the combiner holds nothing, so a key's partials always leave in the order of its records.
 * Equal hashes of different keys only make the estimate optimistic; results never depend on the decisions.
 *
 * <p>Used by the combiner's task thread only.
 */
public final class AdaptiveCombining {
    static final int FIRST_ROUNDS = 4;
    static final int MAX_ROUNDS = 256;
    static final int EARLY_CHECK = 64;

    private enum Phase { PROBING, COMBINING, PASSING }

    private final int capacity;
    private Phase phase = Phase.PROBING;
    private int rounds = FIRST_ROUNDS;
    private long passLeft;
    /** Open addressing over non-zero hashes; made at the first probe, cleared for each next one. */
    private long[] probeTable;
    private int probeMask;
    private long probeRecords;
    private long probeDistinct;
    private long nextEarlyCheck = EARLY_CHECK;

    /**
     * @param capacity     the entries the combiner holds before it flushes
     * @param combineFirst start COMBINING rather than PROBING: for combiners whose keys usually repeat, so that
     *                     the common case runs one code path from the first record (a switch from probing to
     *                     combining after many records leaves the JIT with code compiled for the probe, which
     *                     measurably slowed a keyed sum), at the price of one full fill where they do not
     */
    public AdaptiveCombining(int capacity, boolean combineFirst) {
        if (capacity < 1) {
            throw new IllegalArgumentException("A combiner's capacity must be positive, was " + capacity);
        }
        this.capacity = capacity;
        if (combineFirst) {
            phase = Phase.COMBINING;
        } else {
            startProbe();
        }
    }

    /**
     * Whether the next record goes into the combiner; if not, the caller emits it as its own partial.
     *
     * @param hash the hash of what the record would be combined under (its key and timestamp)
     */
    public boolean combines(long hash) {
        switch (phase) {
            case COMBINING:
                return true;
            case PASSING:
                if (--passLeft <= 0) {
                    startProbe();
                }
                return false;
            default:
                probe(hash);
                return false;
        }
    }

    /** Whether the combiner is combining now; false right after a flush that did not pay. */
    public boolean combining() {
        return phase == Phase.COMBINING;
    }

    /**
     * Reports a flush of the full combiner (not the one at the end of input).
     *
     * @param folded   records (times the entries each went into) folded in since the last flush
     * @param partials entries the flush emitted
     */
    public void fullFlush(long folded, long partials) {
        if (folded >= 2 * partials) {
            rounds = FIRST_ROUNDS;
        } else {
            startPassing();
        }
    }

    private void probe(long hash) {
        probeRecords++;
        if (insert(hash == 0 ? 1 : hash)) {
            probeDistinct++;
        }
        if (probeDistinct > capacity) {
            startPassing();
        } else if (probeRecords >= 2L * capacity
                || probeRecords == nextEarlyCheck && probeDistinct * 4 <= probeRecords) {
            rounds = FIRST_ROUNDS;
            phase = Phase.COMBINING;
        } else if (probeRecords == nextEarlyCheck) {
            nextEarlyCheck *= 2;
        }
    }

    /** Adds a non-zero hash; whether it was new. */
    private boolean insert(long hash) {
        int slot = (int) (mix(hash) & probeMask);
        while (true) {
            long present = probeTable[slot];
            if (present == hash) {
                return false;
            }
            if (present == 0) {
                probeTable[slot] = hash;
                return true;
            }
            slot = (slot + 1) & probeMask;
        }
    }

    private static long mix(long h) {
        h ^= h >>> 33;
        h *= 0xff51afd7ed558ccdL;
        return h ^ (h >>> 33);
    }

    private void startPassing() {
        phase = Phase.PASSING;
        passLeft = (long) rounds * capacity;
        rounds = Math.min(rounds * 2, MAX_ROUNDS);
    }

    private void startProbe() {
        phase = Phase.PROBING;
        if (probeTable == null) {
            // At most capacity + 1 distinct hashes: a load factor of at most a half.
            int size = Integer.highestOneBit(Math.max(2, capacity + 1)) << 2;
            probeTable = new long[size];
            probeMask = size - 1;
        } else {
            Arrays.fill(probeTable, 0L);
        }
        probeRecords = 0;
        probeDistinct = 0;
        nextEarlyCheck = EARLY_CHECK;
    }

    /** Combines two hashes, e.g. a key's and a window's. */
    public static long hash(int first, long second) {
        return first * 0x9E3779B97F4A7C15L + second;
    }
}
