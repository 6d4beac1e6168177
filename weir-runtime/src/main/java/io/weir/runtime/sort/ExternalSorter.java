package io.weir.runtime.sort;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Sorts entries of (key bytes, optional timestamp, value bytes) by key and then timestamp within a fixed memory
 * budget, spilling sorted runs to disk when memory is full and merging them at the end. Entries without a
 * timestamp ({@link #NO_TIMESTAMP}, which is {@code Long.MIN_VALUE}) come before a key's timestamped ones; entries
 * with equal key and timestamp keep the order in which they were added. A run with no timestamp at all sorts
 * by key alone, at the cost it had before timestamps existed.
 * <p>
 * Single-threaded: one task thread adds, finishes, reads and closes. Lifecycle, changed only by
 * {@link #moveTo}:
 * <pre>
 * ADDING ──finish()──▶ READING ──close()──▶ CLOSED
 *   │ │                                      ▲
 *   │ └──────────────close()─────────────────┤
 *   └──a failed add/finish──▶ FAILED ─close()┘
 * </pre>
 * {@link #close()} deletes every spill file in every phase, also after a failure or before {@code finish()}.
 * <p>
 * Memory: the budget is cut into 32 KB units; record segments, the sort index, the spill write buffer and the
 * merge's read buffers are all taken from it, so the footprint never exceeds the budget. Outside it are only
 * small fixed bookkeeping and, when an entry bigger than a block is read back from disk, the array that
 * reassembles it (see {@link SpillReader}).
 */
public final class ExternalSorter implements AutoCloseable {
    /** The setting that sizes a sorter's memory; named in errors so users know what to raise. */
    public static final String MEMORY_SETTING = "execution.sort.memory";
    /** The setting that chooses the spill directory; named in errors about it. */
    public static final String SPILL_DIRECTORY_SETTING = SpillFiles.SPILL_DIRECTORY_SETTING;
    public static final int SEGMENT_BYTES = MemoryBudget.UNIT_BYTES;
    /**
     * The write buffer, an index segment and two record segments while adding (with timestamps, one of the record
     * segments holds them instead); read buffers for at least three runs while merging. Fewer would leave a merge
     * that cannot make progress.
     */
    public static final int MIN_SEGMENTS = 4;
    public static final long MIN_MEMORY_BYTES = (long) MIN_SEGMENTS * SEGMENT_BYTES;
    public static final int DEFAULT_MAX_FAN_IN = 128;
    /** The timestamp of an entry that has none; the same value as the API's {@code TimestampAssigner.NO_TIMESTAMP}. */
    public static final long NO_TIMESTAMP = Long.MIN_VALUE;

    private static final Logger LOG = LoggerFactory.getLogger(ExternalSorter.class);
    /** Up to 256 KB per write call; a sixteenth of a small budget at most. */
    private static final int MAX_WRITE_BUFFER_UNITS = 8;

    private enum Phase {
        ADDING, READING, FAILED, CLOSED;

        boolean canMoveTo(Phase next) {
            return switch (this) {
                case ADDING -> next != ADDING;
                case READING, FAILED -> next == CLOSED;
                case CLOSED -> false;
            };
        }
    }

    private final String name;
    private final MemoryBudget budget;
    private final InMemorySortBuffer buffer;
    private final SpillFiles files;
    private final RunMerger merger;
    private final int maxFanIn;
    private final List<SpillRun> runs = new ArrayList<>();
    private int writeBufferUnits;
    private byte[] writeBuffer;
    private MergingEntries merge;
    private Phase phase = Phase.ADDING;
    private long entries;
    private int spilledRuns;
    private long bytesSpilled;
    private int mergePasses;

    public ExternalSorter(long memoryBytes, Path spillDirectory, String name) {
        this(memoryBytes, spillDirectory, name, DEFAULT_MAX_FAN_IN);
    }

    /**
     * @param memoryBytes    the whole footprint allowed, at least {@link #MIN_MEMORY_BYTES}
     * @param spillDirectory where sorted runs go when memory is full; touched only then
     * @param name           names this sorter (usually operator and subtask) in errors, logs and file names
     * @param maxFanIn       most runs merged at once, bounding open files; at least 2
     */
    public ExternalSorter(long memoryBytes, Path spillDirectory, String name, int maxFanIn) {
        this.name = Objects.requireNonNull(name, "name");
        Objects.requireNonNull(spillDirectory, "spillDirectory");
        if (memoryBytes < MIN_MEMORY_BYTES) {
            throw new IllegalArgumentException("Sort '" + name + "' was given " + memoryBytes
                    + " bytes of memory, but needs at least " + MIN_MEMORY_BYTES + " bytes (" + MIN_SEGMENTS
                    + " segments of " + SEGMENT_BYTES / 1024 + " KB); raise the setting '" + MEMORY_SETTING + "'.");
        }
        if (maxFanIn < 2) {
            throw new IllegalArgumentException("Sort '" + name + "': the merge fan-in must be at least 2, was "
                    + maxFanIn);
        }
        int totalUnits = (int) Math.min(memoryBytes / SEGMENT_BYTES, Integer.MAX_VALUE);
        this.maxFanIn = maxFanIn;
        this.budget = new MemoryBudget(totalUnits);
        this.writeBufferUnits = Math.max(1, Math.min(MAX_WRITE_BUFFER_UNITS, totalUnits / 16));
        budget.tryReserve(writeBufferUnits);
        this.buffer = new InMemorySortBuffer(budget);
        this.files = new SpillFiles(spillDirectory, name);
        this.merger = new RunMerger(files, budget, maxFanIn);
    }

    /** Adds an entry without a timestamp; key and value are copied, so the caller may reuse its arrays right away. */
    public void add(byte[] key, int keyOffset, int keyLength, byte[] value, int valueOffset, int valueLength)
            throws IOException {
        add(key, keyOffset, keyLength, NO_TIMESTAMP, value, valueOffset, valueLength);
    }

    /**
     * Adds an entry that sorts by key, then by {@code timestamp} ({@link #NO_TIMESTAMP} for none); key and value
     * are copied, so the caller may reuse its arrays right away.
     */
    public void add(byte[] key, int keyOffset, int keyLength, long timestamp, byte[] value, int valueOffset,
                    int valueLength) throws IOException {
        requirePhase(Phase.ADDING, "add");
        Objects.checkFromIndexSize(keyOffset, keyLength, key.length);
        Objects.checkFromIndexSize(valueOffset, valueLength, value.length);
        if (keyLength > EntryFormat.MAX_KEY_BYTES
                || EntryFormat.encodedSize(keyLength, timestamp, valueLength) > EntryFormat.MAX_ENTRY_BYTES) {
            throw new IllegalArgumentException("Sort '" + name + "' cannot hold an entry with a " + keyLength
                    + "-byte key and a " + valueLength + "-byte value: a key may have at most "
                    + EntryFormat.MAX_KEY_BYTES + " bytes and both together at most "
                    + EntryFormat.MAX_ENTRY_BYTES + " bytes");
        }
        if (!buffer.tryAdd(key, keyOffset, keyLength, timestamp, value, valueOffset, valueLength)) {
            try {
                addAfterSpilling(key, keyOffset, keyLength, timestamp, value, valueOffset, valueLength);
            } catch (IOException | RuntimeException | Error e) {
                moveTo(Phase.FAILED);
                throw e;
            }
        }
        entries++;
    }

    public void add(byte[] key, byte[] value) throws IOException {
        add(key, 0, key.length, value, 0, value.length);
    }

    private void addAfterSpilling(byte[] key, int keyOffset, int keyLength, long timestamp, byte[] value,
                                  int valueOffset, int valueLength) throws IOException {
        if (buffer.size() > 0) {
            spillBuffer();
            if (buffer.tryAdd(key, keyOffset, keyLength, timestamp, value, valueOffset, valueLength)) {
                return;
            }
        }
        // Bigger than the whole budget: it becomes a run of its own, which is sorted by definition.
        addRun(SpillWriter.writeRun(files, writeBuffer(), writer ->
                writer.write(key, keyOffset, keyLength, timestamp, value, valueOffset, valueLength)));
    }

    private void spillBuffer() throws IOException {
        buffer.sort();
        InMemorySortBuffer.Cursor sorted = buffer.cursor();
        addRun(SpillWriter.writeRun(files, writeBuffer(), writer -> writer.writeAll(sorted)));
        buffer.reset();
    }

    private void addRun(SpillRun run) {
        runs.add(run);
        spilledRuns++;
        bytesSpilled += run.bytes();
        LOG.debug("Sort '{}' spilled run {} with {} entries ({} bytes) to {}", name, spilledRuns, run.entries(),
                run.bytes(), run.file());
    }

    private byte[] writeBuffer() {
        if (writeBuffer == null) {
            writeBuffer = new byte[writeBufferUnits * SEGMENT_BYTES];
        }
        return writeBuffer;
    }

    /**
     * Ends adding and returns all entries in order: straight from memory if nothing spilled, otherwise through a
     * merge of the spilled runs (after intermediate passes if there are more runs than the fan-in) and the
     * entries still in memory.
     */
    public SortedEntries finish() throws IOException {
        requirePhase(Phase.ADDING, "finish");
        try {
            SortedEntries result;
            if (runs.isEmpty()) {
                buffer.sort();
                result = buffer.cursor();
            } else {
                result = mergeRuns();
            }
            moveTo(Phase.READING);
            return result;
        } catch (IOException | RuntimeException | Error e) {
            moveTo(Phase.FAILED);
            throw e;
        }
    }

    private SortedEntries mergeRuns() throws IOException {
        buffer.releaseUnusedMemory();
        int freeWithoutWriteBuffer = budget.freeUnits() + writeBufferUnits;
        boolean mergeWithMemory = buffer.size() > 0 && runs.size() < maxFanIn
                && runs.size() <= freeWithoutWriteBuffer;
        if (mergeWithMemory) {
            // The entries in memory join the merge as the newest run: nothing more is written.
            releaseWriteBuffer();
            buffer.sort();
            merge = merger.open(runs, buffer.cursor());
        } else {
            // Too many runs to merge beside the buffer: spill it too, so the whole budget serves read buffers.
            if (buffer.size() > 0) {
                spillBuffer();
            }
            buffer.releaseMemory();
            List<SpillRun> reduced = merger.reduce(List.copyOf(runs), writeBuffer());
            runs.clear();
            runs.addAll(reduced);
            releaseWriteBuffer();
            merge = merger.open(runs, null);
        }
        mergePasses = merger.intermediatePasses() + 1;
        LOG.debug("Sort '{}' merges {} entries: {} spilled runs, {} bytes spilled, {} merge passes", name, entries,
                spilledRuns, bytesSpilled + merger.bytesWritten(), mergePasses);
        return merge;
    }

    private void releaseWriteBuffer() {
        budget.release(writeBufferUnits);
        writeBufferUnits = 0;
        writeBuffer = null;
    }

    public SortStatistics statistics() {
        return new SortStatistics(entries, spilledRuns, bytesSpilled + merger.bytesWritten(), mergePasses);
    }

    /** Spill files that exist now; for tests and diagnostics. */
    int spillFileCount() {
        return files.liveFiles();
    }

    /**
     * Closes open runs and deletes every spill file; the cursor from {@link #finish()} becomes unusable.
     * Idempotent. Throws {@link UncheckedIOException} only if a file could not be deleted, after trying all.
     */
    @Override
    public void close() {
        if (phase == Phase.CLOSED) {
            return;
        }
        moveTo(Phase.CLOSED);
        IOException closeFailure = null;
        try {
            if (merge != null) {
                merge.close();
            }
        } catch (IOException e) {
            closeFailure = e;
        } finally {
            try {
                files.deleteAll();
            } finally {
                buffer.releaseMemory();
            }
        }
        if (closeFailure != null) {
            throw new UncheckedIOException("Sort '" + name + "' could not close its spill files", closeFailure);
        }
    }

    private void requirePhase(Phase required, String operation) {
        if (phase != required) {
            throw new IllegalStateException("Sort '" + name + "' cannot " + operation + " in phase " + phase
                    + (phase == Phase.FAILED ? " (an earlier call failed; close it)" : ""));
        }
    }

    private void moveTo(Phase next) {
        if (!phase.canMoveTo(next)) {
            throw new IllegalStateException("Sort '" + name + "' cannot move from " + phase + " to " + next);
        }
        phase = next;
    }
}
