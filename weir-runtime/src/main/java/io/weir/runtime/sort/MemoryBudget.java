package io.weir.runtime.sort;

/**
 * Counts the sorter's memory in units of one segment ({@value #UNIT_BYTES} bytes). Every array the sorter
 * keeps for longer than one call (record segments, index segments, oversized entries, spill write and read
 * buffers) is reserved here first, so the footprint never exceeds the configured budget.
 */
final class MemoryBudget {
    static final int UNIT_BYTES = 32 * 1024;

    private final int totalUnits;
    private int reservedUnits;

    MemoryBudget(int totalUnits) {
        this.totalUnits = totalUnits;
    }

    boolean tryReserve(int units) {
        if (units > totalUnits - reservedUnits) {
            return false;
        }
        reservedUnits += units;
        return true;
    }

    void release(int units) {
        if (units < 0 || units > reservedUnits) {
            throw new IllegalStateException("releasing " + units + " units, but only " + reservedUnits
                    + " are reserved");
        }
        reservedUnits -= units;
    }

    int freeUnits() {
        return totalUnits - reservedUnits;
    }

    int totalUnits() {
        return totalUnits;
    }

    static int unitsFor(long bytes) {
        return (int) ((bytes + UNIT_BYTES - 1) / UNIT_BYTES);
    }
}
