package io.weir.runtime.exchange.blocking;

import io.weir.api.eventtime.TimestampAssigner;
import io.weir.runtime.exchange.ChannelSelector;
import io.weir.runtime.exchange.PartitionWriter;
import io.weir.runtime.serialization.DataOutputBuffer;
import io.weir.runtime.serialization.RecordSerializer;
import io.weir.runtime.serialization.WriteScope;
import io.weir.runtime.time.WatermarkStatus;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.zip.CRC32C;

/**
 * Writes the result partition of one producer subtask for one BLOCKING exchange: records are serialized
 * into an in-memory buffer per sub-partition; when all buffers together exceed the memory budget, each
 * non-empty one becomes a block appended to the single data file. {@link #finish()} writes the last blocks
 * and the index, and renames both files into place, data first and index last, so a partition
 * whose index exists is complete and a crashed writer leaves only {@code .inprogress} files.
 *
 * <p>The files are not forced to the device: a partition lives in its job's work directory, which the job
 * removes when it ends, and has to outlive only a failed task of this process, not an operating system crash
 * that ends the embedded job anyway (a lost partition is recomputed). Forcing them made the end of every
 * producing stage wait for the disk.
 *
 * <p>A broadcast partition (no selector) writes each record once, into one stream that every
 * sub-partition reads.
 *
 * <p>Memory: the buffers hold at most about the budget between spills; a buffer that grew far beyond its
 * share is shrunk after a spill, so that skewed sub-partitions do not pin memory, which bounds what stays
 * allocated to about twice the budget. Plus one I/O buffer (1 MB, less for a small budget) and the largest
 * record.
 *
 * <pre>
 *  WRITING --finish()--&gt; FINISHED       (abort() afterwards: no-op)
 *     |
 *     +----abort()----&gt; ABORTED        (also when finish() fails)
 * </pre>
 * Used by the producing task's thread only.
 */
public final class BlockingPartitionWriter implements PartitionWriter {
    public static final long DEFAULT_MEMORY_BUDGET = 16L << 20;

    private enum State {
        WRITING, FINISHED, ABORTED;

        boolean canMoveTo(State next) {
            return this == WRITING && next != WRITING;
        }
    }

    private final ResultPartitionFiles files;
    private final ChannelSelector selector;
    private final int subpartitions;
    private final RecordSerializer serializer;
    private final long memoryBudget;
    /** Per stream: one per sub-partition, or a single one for broadcast. */
    private final DataOutputBuffer[] buffers;
    private final WriteScope[] scopes;
    private final int[] bufferedRecords;
    private final int shrinkAbove;
    private final DataOutputBuffer record = new DataOutputBuffer(1024);
    private final BlockIndex index;
    private final FileChannel data;
    private final ByteBuffer io;
    private final CRC32C crc = new CRC32C();
    private long buffered;
    /** Bytes handed to the data file so far, including those still in {@link #io}. */
    private long fileLength;
    private State state = State.WRITING;

    /** {@code selector} null means broadcast. */
    public BlockingPartitionWriter(ResultPartitionFiles files, int subpartitions, ChannelSelector selector,
                                   RecordSerializer serializer, long memoryBudget) throws IOException {
        if (subpartitions < 1) {
            throw new IllegalArgumentException("A result partition needs at least one sub-partition, got "
                    + subpartitions);
        }
        if (memoryBudget < 1) {
            throw new IllegalArgumentException("The memory budget of a blocking partition writer must be positive, "
                    + "got " + memoryBudget);
        }
        this.files = files;
        this.subpartitions = subpartitions;
        this.selector = selector;
        this.serializer = serializer;
        this.memoryBudget = memoryBudget;
        int streams = selector == null ? 1 : subpartitions;
        long share = Math.max(64 << 10, memoryBudget / streams);
        this.shrinkAbove = (int) Math.min(Integer.MAX_VALUE - 16, 2 * share);
        int initialCapacity = (int) Math.min(share, 32 << 10);
        this.buffers = new DataOutputBuffer[streams];
        this.scopes = new WriteScope[streams];
        this.bufferedRecords = new int[streams];
        for (int s = 0; s < streams; s++) {
            buffers[s] = new DataOutputBuffer(initialCapacity);
            scopes[s] = serializer.newWriteScope();
        }
        this.index = new BlockIndex(subpartitions, selector == null);
        this.io = ByteBuffer.allocateDirect((int) Math.min(PartitionFormat.IO_BUFFER_SIZE,
                Math.max(64 << 10, memoryBudget)));
        Files.createDirectories(files.dataFile().toAbsolutePath().getParent());
        this.data = FileChannel.open(files.inProgressDataFile(), StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                StandardOpenOption.TRUNCATE_EXISTING);
    }

    public ResultPartitionFiles files() {
        return files;
    }

    public int numberOfSubpartitions() {
        return subpartitions;
    }

    /**
     * Buffers the record; may append blocks to the data file. A value that cannot be serialized throws
     * and leaves the partition as it was.
     */
    @Override
    public void emit(Object value, long timestamp) throws Exception {
        if (state != State.WRITING) {
            throw new IllegalStateException("Result partition " + files + " is " + state + ": no more records");
        }
        int stream = 0;
        if (selector != null && subpartitions > 1) {
            stream = selector.select(value);
            if (stream < 0 || stream >= subpartitions) {
                throw new IllegalStateException("The channel selector chose sub-partition " + stream + " of "
                        + subpartitions + " for a record of " + files);
            }
        }
        DataOutputBuffer valueBytes = record;
        valueBytes.reset();
        int flags = serializer.serialize(value, valueBytes, scopes[stream]) << 1;
        DataOutputBuffer buffer = buffers[stream];
        int start = buffer.position();
        if (timestamp != TimestampAssigner.NO_TIMESTAMP) {
            buffer.writeVarLong((long) valueBytes.position() << PartitionFormat.FLAG_BITS
                    | flags | PartitionFormat.HAS_TIMESTAMP);
            buffer.writeSignedVarLong(timestamp);
        } else {
            buffer.writeVarLong((long) valueBytes.position() << PartitionFormat.FLAG_BITS | flags);
        }
        buffer.writeBytes(valueBytes.data(), 0, valueBytes.position());
        bufferedRecords[stream]++;
        buffered += buffer.position() - start;
        if (buffered >= memoryBudget) {
            spill();
        }
    }

    /** Nothing to send early: a blocking partition becomes visible as a whole, on {@link #finish()}. */
    @Override
    public void flush() {
    }

    @Override
    public boolean hasPending() {
        return false;
    }

    /**
     * Dropped: in BATCH every input is complete before it is read, so event time is perfect and the only
     * watermark that matters is the final one, which the consumer derives from the end of its input.
     */
    @Override
    public void emitWatermark(long watermark) {
    }

    /** Dropped, like watermarks: a finished partition has no producer that could be idle. */
    @Override
    public void emitWatermarkStatus(WatermarkStatus status) {
    }

    /** Writes what is buffered and the index, and publishes the partition atomically. */
    @Override
    public void finish() {
        if (!state.canMoveTo(State.FINISHED)) {
            throw new IllegalStateException("Result partition " + files + " is already " + state);
        }
        try {
            spill();
            drain();
            data.close();
            try {
                index.write(files.inProgressIndexFile(), fileLength);
            } catch (IOException e) {
                throw writeFailed(files.inProgressIndexFile(), e);
            }
            Files.move(files.inProgressDataFile(), files.dataFile(), StandardCopyOption.ATOMIC_MOVE,
                    StandardCopyOption.REPLACE_EXISTING);
            Files.move(files.inProgressIndexFile(), files.indexFile(), StandardCopyOption.ATOMIC_MOVE,
                    StandardCopyOption.REPLACE_EXISTING);
            moveTo(State.FINISHED);
        } catch (IOException e) {
            abort();
            throw new UncheckedIOException("Cannot finish result partition " + files + " (is the work directory's "
                    + "disk full or read-only?): " + e, e);
        }
    }

    /**
     * Discards an unfinished partition: closes and deletes its in-progress files. After {@link #finish()}
     * it does nothing (delete a finished partition with {@link ResultPartitionFiles#delete()}).
     */
    public void abort() {
        if (!state.canMoveTo(State.ABORTED)) {
            return;
        }
        moveTo(State.ABORTED);
        try {
            data.close();
        } catch (IOException ignored) {
            // The files are deleted next; a failed close cannot make that worse.
        }
        try {
            Files.deleteIfExists(files.inProgressDataFile());
            Files.deleteIfExists(files.inProgressIndexFile());
            // A failure between the two renames of finish() leaves a published data file without index.
            Files.deleteIfExists(files.dataFile());
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot delete the in-progress files of result partition " + files, e);
        }
    }

    private void moveTo(State next) {
        if (!state.canMoveTo(next)) {
            throw new IllegalStateException("Result partition " + files + " cannot go from " + state + " to " + next);
        }
        state = next;
    }

    /** Appends one block per non-empty stream. Blocks of a spill are adjacent; the I/O buffer batches them. */
    private void spill() throws IOException {
        for (int s = 0; s < buffers.length; s++) {
            DataOutputBuffer buffer = buffers[s];
            if (buffer.position() == 0) {
                continue;
            }
            int length = buffer.position();
            crc.reset();
            crc.update(buffer.data(), 0, length);
            if (io.remaining() < PartitionFormat.BLOCK_HEADER_SIZE) {
                drain();
            }
            io.putInt(PartitionFormat.BLOCK_MAGIC);
            io.putInt(index.broadcast() ? PartitionFormat.ALL_SUBPARTITIONS : s);
            io.putInt(bufferedRecords[s]);
            io.putInt(length);
            io.putInt((int) crc.getValue());
            write(buffer.data(), length);
            index.add(s, fileLength, length, bufferedRecords[s]);
            fileLength += PartitionFormat.BLOCK_HEADER_SIZE + length;
            if (buffer.capacity() > shrinkAbove) {
                buffer.resetAndShrink(shrinkAbove / 2);
            } else {
                buffer.reset();
            }
            scopes[s].reset();
            bufferedRecords[s] = 0;
        }
        buffered = 0;
    }

    private void write(byte[] bytes, int length) throws IOException {
        int offset = 0;
        while (offset < length) {
            int n = Math.min(length - offset, io.remaining());
            io.put(bytes, offset, n);
            offset += n;
            if (!io.hasRemaining()) {
                drain();
            }
        }
    }

    private void drain() throws IOException {
        io.flip();
        try {
            while (io.hasRemaining()) {
                data.write(io);
            }
        } catch (IOException e) {
            throw writeFailed(files.inProgressDataFile(), e);
        }
        io.clear();
    }

    /**
     * The JDK's message for a full disk ("No space left on device") names neither the file nor the setting that
     * chose its directory; this one names both.
     */
    static IOException writeFailed(java.nio.file.Path file, IOException cause) {
        return new IOException("Cannot write result partition file '" + file + "' (" + cause + "). Is the disk "
                + "of that work directory full? Free space there, or point io.tmp.dirs at directories with more "
                + "room (several, separated by commas, share the files).", cause);
    }
}
