package io.weir.runtime.sort;

import java.io.Closeable;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/**
 * Merges spilled runs: first, if there are more runs than may be open at once, intermediate passes that merge
 * groups of adjacent runs into bigger runs; then the final merge, read lazily through the returned cursor.
 * <p>
 * Groups are always adjacent runs, and each merged run takes the place of its group, so runs stay in
 * production order and the merge remains stable. A pass merges only as many runs as needed to get down to the
 * fan-in, so data is rewritten as little as possible.
 * <p>
 * Every reader takes a read buffer of one or more whole blocks from the {@link MemoryBudget}; the fan-in is
 * therefore bounded by memory as well as by the configured maximum.
 */
final class RunMerger {
    /** Beyond 256 KB per run, bigger reads stop paying off and the memory serves better elsewhere. */
    private static final int MAX_READ_UNITS_PER_RUN = 8;

    private final SpillFiles files;
    private final MemoryBudget budget;
    private final int maxFanIn;
    private int intermediatePasses;
    private long bytesWritten;

    RunMerger(SpillFiles files, MemoryBudget budget, int maxFanIn) {
        this.files = files;
        this.budget = budget;
        this.maxFanIn = maxFanIn;
    }

    /** How many runs can be merged at once with the memory free now. */
    int fanIn() {
        return Math.min(maxFanIn, budget.freeUnits());
    }

    /**
     * Merges adjacent runs until at most {@link #fanIn()} remain, writing through {@code writeBuffer}; deletes
     * each run once it has been merged. Returns the remaining runs, still in production order.
     */
    List<SpillRun> reduce(List<SpillRun> runs, byte[] writeBuffer) throws IOException {
        int fanIn = fanIn();
        if (fanIn < 2) {
            throw new IllegalStateException("merge needs read buffers for two runs, but only " + fanIn
                    + " memory units are free");
        }
        while (runs.size() > fanIn) {
            int excess = runs.size() - fanIn;
            List<SpillRun> merged = new ArrayList<>();
            int i = 0;
            while (i < runs.size()) {
                int group = Math.min(Math.min(fanIn, excess + 1), runs.size() - i);
                if (group >= 2) {
                    merged.add(mergeIntoOne(runs.subList(i, i + group), writeBuffer));
                    excess -= group - 1;
                    i += group;
                } else {
                    merged.add(runs.get(i++));
                }
            }
            runs = merged;
            intermediatePasses++;
        }
        return runs;
    }

    private SpillRun mergeIntoOne(List<SpillRun> group, byte[] writeBuffer) throws IOException {
        SpillRun result;
        try (MergingEntries merge = open(group, null)) {
            result = SpillWriter.writeRun(files, writeBuffer, writer -> writer.writeAll(merge));
        }
        bytesWritten += result.bytes();
        for (SpillRun run : group) {
            files.delete(run.file());
        }
        return result;
    }

    /**
     * Opens a merge over the spilled runs and, if not null, the in-memory run, which is the newest. The caller
     * must have left a memory unit free per spilled run.
     */
    MergingEntries open(List<SpillRun> spilled, RunCursor inMemory) throws IOException {
        int count = spilled.size();
        int unitsPerRun = Math.max(1, Math.min(MAX_READ_UNITS_PER_RUN, budget.freeUnits() / Math.max(1, count)));
        if (!budget.tryReserve(unitsPerRun * count)) {
            throw new IllegalStateException(count + " runs need read buffers, but only " + budget.freeUnits()
                    + " memory units are free");
        }
        Readers readers = new Readers(unitsPerRun * count);
        try {
            RunCursor[] cursors = new RunCursor[count + (inMemory == null ? 0 : 1)];
            for (int i = 0; i < count; i++) {
                cursors[i] = readers.open(spilled.get(i), new byte[unitsPerRun * MemoryBudget.UNIT_BYTES]);
            }
            if (inMemory != null) {
                cursors[count] = inMemory;
            }
            return new MergingEntries(cursors, readers);
        } catch (IOException | RuntimeException e) {
            try {
                readers.close();
            } catch (IOException suppressed) {
                e.addSuppressed(suppressed);
            }
            throw e;
        }
    }

    int intermediatePasses() {
        return intermediatePasses;
    }

    long bytesWritten() {
        return bytesWritten;
    }

    /** The open readers of one merge and the memory their buffers took, given back together. */
    private final class Readers implements Closeable {
        private final List<SpillReader> open = new ArrayList<>();
        private int reservedUnits;

        Readers(int reservedUnits) {
            this.reservedUnits = reservedUnits;
        }

        SpillReader open(SpillRun run, byte[] buffer) throws IOException {
            SpillReader reader = new SpillReader(files, run, buffer);
            open.add(reader);
            return reader;
        }

        @Override
        public void close() throws IOException {
            IOException failure = null;
            for (SpillReader reader : open) {
                try {
                    reader.close();
                } catch (IOException e) {
                    failure = failure == null ? e : failure;
                }
            }
            open.clear();
            budget.release(reservedUnits);
            reservedUnits = 0;
            if (failure != null) {
                throw failure;
            }
        }
    }
}
