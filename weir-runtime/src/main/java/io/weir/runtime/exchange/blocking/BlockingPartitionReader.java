package io.weir.runtime.exchange.blocking;

import io.weir.api.eventtime.TimestampAssigner;
import io.weir.runtime.serialization.DataInputView;
import io.weir.runtime.serialization.DataOutputBuffer;
import io.weir.runtime.serialization.ReadScope;
import io.weir.runtime.serialization.RecordSerializer;
import io.weir.runtime.serialization.SerializationException;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.StandardOpenOption;
import java.util.zip.CRC32C;

/**
 * Reads one sub-partition of a finished result partition, record by record in write order:
 * <pre>
 *  try (var reader = new BlockingPartitionReader(files, subpartition, serializer)) {
 *      while (reader.next()) { use(reader.value(), reader.timestamp()); }
 *  }
 * </pre>
 * Each of the sub-partition's blocks is read whole, with large sequential reads, and checked against its
 * CRC32C before any record in it is used. The index is verified on open, and the data file's length
 * against it, so a truncated file is caught before the first record.
 *
 * <p>Values are decoded lazily: a consumer that only copies {@link #recordBytes()} (a sorter) pays no
 * deserialization for records that do not introduce classes. Used by one thread.
 */
public final class BlockingPartitionReader implements AutoCloseable {
    private final ResultPartitionFiles files;
    private final int subpartition;
    private final RecordSerializer serializer;
    private final BlockIndex index;
    private final int stream;
    private final FileChannel data;
    private final ByteBuffer io;
    private final CRC32C crc = new CRC32C();
    private final ReadScope scope;
    private final DataInputView records = new DataInputView();
    private final DataInputView valueView = new DataInputView();
    private final DataInputView bytesView = new DataInputView();
    private final DataOutputBuffer standalone = new DataOutputBuffer();
    private byte[] block = new byte[0];
    private int nextBlock;
    private long blockOffset = -1;
    private int recordsLeftInBlock;

    private int flags;
    private long timestamp;
    private int valueStart;
    private int valueLength;
    private boolean decoded;
    private Object value;
    private boolean positioned;

    /**
     * Opens sub-partition {@code subpartition} of the partition in {@code files}.
     *
     * @throws MissingPartitionException if the partition is not complete (index or data file missing)
     * @throws CorruptPartitionException if the index fails its checksum or the data file has the wrong length
     */
    public BlockingPartitionReader(ResultPartitionFiles files, int subpartition, RecordSerializer serializer) {
        this.files = files;
        this.subpartition = subpartition;
        this.serializer = serializer;
        this.scope = serializer.newReadScope();
        if (!Files.exists(files.indexFile())) {
            throw new MissingPartitionException(files, "Result partition index " + files.indexFile() + " does not "
                    + "exist: its producer did not finish, or the partition was deleted", null);
        }
        FileChannel channel;
        try {
            channel = FileChannel.open(files.dataFile(), StandardOpenOption.READ);
        } catch (NoSuchFileException e) {
            throw new MissingPartitionException(files, "Result partition data file " + files.dataFile()
                    + " does not exist although its index does: it was deleted", e);
        } catch (IOException e) {
            throw new CorruptPartitionException(files, "Cannot open result partition data file " + files.dataFile()
                    + ": " + e, e);
        }
        try {
            this.index = BlockIndex.read(files, channel.size());
        } catch (IOException | RuntimeException e) {
            closeQuietly(channel);
            if (e instanceof ResultPartitionException r) {
                throw r;
            }
            throw new CorruptPartitionException(files, "Cannot read result partition " + files + ": " + e, e);
        }
        if (subpartition < 0 || subpartition >= index.subpartitions()) {
            closeQuietly(channel);
            throw new IllegalArgumentException("Result partition " + files + " has " + index.subpartitions()
                    + " sub-partitions; there is no sub-partition " + subpartition);
        }
        this.stream = index.streamOf(subpartition);
        this.data = channel;
        // A consumer may hold many readers open at once (one per producer): a small sub-partition gets a
        // buffer the size of its largest block, not 1 MB.
        int largestBlock = 0;
        for (int b = 0; b < index.blockCount(stream); b++) {
            largestBlock = Math.max(largestBlock, index.payloadLength(stream, b));
        }
        this.io = ByteBuffer.allocateDirect((int) Math.min(PartitionFormat.IO_BUFFER_SIZE,
                (long) PartitionFormat.BLOCK_HEADER_SIZE + largestBlock));
    }

    public int subpartition() {
        return subpartition;
    }

    /** Records in this sub-partition, from the index. */
    public long recordCount() {
        return index.recordCount(stream);
    }

    /** Moves to the next record; false at the end of the sub-partition. */
    public boolean next() {
        while (recordsLeftInBlock == 0) {
            if (nextBlock == index.blockCount(stream)) {
                positioned = false;
                return false;
            }
            loadBlock(nextBlock++);
        }
        try {
            long header = records.readVarLong();
            flags = (int) header & ((1 << PartitionFormat.FLAG_BITS) - 1);
            long length = header >>> PartitionFormat.FLAG_BITS;
            timestamp = (flags & PartitionFormat.HAS_TIMESTAMP) != 0 ? records.readSignedVarLong()
                    : TimestampAssigner.NO_TIMESTAMP;
            if (length > records.remaining()) {
                throw corruptBlock("a record of " + length + " bytes overruns the block", null);
            }
            valueStart = records.position();
            valueLength = (int) length;
            records.skip(valueLength);
        } catch (SerializationException e) {
            throw corruptBlock("a record header does not parse: " + e.getMessage(), e);
        }
        if (--recordsLeftInBlock == 0 && records.remaining() != 0) {
            throw corruptBlock(records.remaining() + " bytes follow the last record", null);
        }
        positioned = true;
        decoded = false;
        value = null;
        if ((flags & PartitionFormat.DEFINES_CLASSES) != 0) {
            // Later records of the block refer to the classes it names: keep the dictionary complete even
            // if this value is never asked for.
            decode();
        }
        return true;
    }

    /** The current record's value, deserialized on first call. */
    public Object value() {
        checkPositioned();
        if (!decoded) {
            decode();
        }
        return value;
    }

    /** The current record's timestamp, or {@link TimestampAssigner#NO_TIMESTAMP}. */
    public long timestamp() {
        checkPositioned();
        return timestamp;
    }

    /**
     * The current record's value as serialized bytes that stand alone (read them with
     * {@link RecordSerializer#deserializeStandalone}), so that a sorter can copy them instead of
     * serializing the value again. Usually the bytes in the block, without copy; re-serialized only when
     * the value refers to a class introduced by an earlier record of its block. Valid until {@link #next()}.
     */
    public DataInputView recordBytes() {
        checkPositioned();
        if ((flags & PartitionFormat.REFERS_TO_EARLIER_CLASSES) == 0) {
            return bytesView.set(block, valueStart, valueLength);
        }
        standalone.reset();
        serializer.serializeStandalone(value(), standalone);
        return bytesView.set(standalone.data(), 0, standalone.position());
    }

    @Override
    public void close() {
        closeQuietly(data);
    }

    private void decode() {
        valueView.set(block, valueStart, valueLength);
        try {
            value = serializer.deserialize(valueView, scope);
        } catch (SerializationException e) {
            throw new SerializationException("Cannot read a record of result partition " + files.dataFile()
                    + " (block at offset " + blockOffset + "): " + e.getMessage(), e);
        }
        if (valueView.remaining() != 0) {
            throw corruptBlock("a record's value ends " + valueView.remaining() + " bytes before its length says", null);
        }
        decoded = true;
    }

    private void loadBlock(int b) {
        long offset = index.offset(stream, b);
        int length = index.payloadLength(stream, b);
        int count = index.records(stream, b);
        blockOffset = offset;
        int total = PartitionFormat.BLOCK_HEADER_SIZE + length;
        if (block.length < total) {
            block = new byte[Math.max(total, Math.min(Integer.MAX_VALUE - 16, block.length * 2))];
        }
        readFully(offset, total);
        DataInputView header = records.set(block, 0, PartitionFormat.BLOCK_HEADER_SIZE);
        int magic = header.readInt();
        int sub = header.readInt();
        int headerCount = header.readInt();
        int headerLength = header.readInt();
        int storedCrc = header.readInt();
        int expectedSub = index.broadcast() ? PartitionFormat.ALL_SUBPARTITIONS : stream;
        if (magic != PartitionFormat.BLOCK_MAGIC || sub != expectedSub || headerCount != count
                || headerLength != length) {
            throw corruptBlock(String.format("its header (magic %08x, sub-partition %d, %d records, %d bytes) does "
                    + "not match the index (sub-partition %d, %d records, %d bytes)", magic, sub, headerCount,
                    headerLength, expectedSub, count, length), null);
        }
        crc.reset();
        crc.update(block, PartitionFormat.BLOCK_HEADER_SIZE, length);
        if ((int) crc.getValue() != storedCrc) {
            throw corruptBlock(String.format("checksum mismatch (stored %08x, computed %08x)", storedCrc,
                    (int) crc.getValue()), null);
        }
        records.set(block, PartitionFormat.BLOCK_HEADER_SIZE, length);
        recordsLeftInBlock = count;
        scope.reset();
        if (count == 0 && length != 0) {
            throw corruptBlock("it holds " + length + " bytes but no records", null);
        }
    }

    /** Positional reads through one direct buffer: large sequential requests, no temporary buffers. */
    private void readFully(long offset, int length) {
        int filled = 0;
        try {
            while (filled < length) {
                io.clear();
                io.limit(Math.min(io.capacity(), length - filled));
                while (io.hasRemaining()) {
                    if (data.read(io, offset + filled + io.position()) < 0) {
                        throw corruptBlock("the file ends inside the block (truncated)", null);
                    }
                }
                io.flip();
                int n = io.remaining();
                io.get(block, filled, n);
                filled += n;
            }
        } catch (IOException e) {
            throw new CorruptPartitionException(files, "Cannot read result partition data file " + files.dataFile()
                    + " at offset " + (offset + filled) + ": " + e, e);
        }
    }

    private CorruptPartitionException corruptBlock(String what, Throwable cause) {
        return new CorruptPartitionException(files, "Result partition data file " + files.dataFile()
                + " is corrupt: block at offset " + blockOffset + " (sub-partition " + subpartition + "): " + what,
                cause);
    }

    private void checkPositioned() {
        if (!positioned) {
            throw new IllegalStateException("No current record: call next() first, and only while it returns true");
        }
    }

    private static void closeQuietly(FileChannel channel) {
        try {
            channel.close();
        } catch (IOException ignored) {
            // Read-only: nothing is lost.
        }
    }
}
