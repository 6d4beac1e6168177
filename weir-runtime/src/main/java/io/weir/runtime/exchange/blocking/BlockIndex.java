package io.weir.runtime.exchange.blocking;

import io.weir.runtime.serialization.DataInputView;
import io.weir.runtime.serialization.DataOutputBuffer;
import io.weir.runtime.serialization.SerializationException;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Arrays;
import java.util.zip.CRC32C;

/**
 * Where each stream's blocks are in the data file, in write order. A stream is one sub-partition, or the
 * single stream of a broadcast partition that every sub-partition reads.
 * <pre>
 *  int magic "WIX1" | int version | int subpartitions | byte broadcast | long dataFileLength
 *  per stream:  int blockCount | long recordCount | per block: long offset | int payloadLength | int records
 *  int CRC32C of all the bytes before it
 * </pre>
 * Built by the writer's thread, then read-only.
 */
final class BlockIndex {
    private final int subpartitions;
    private final boolean broadcast;
    private final long[][] offsets;
    private final int[][] lengths;
    private final int[][] counts;
    private final int[] blocks;
    private final long[] records;

    BlockIndex(int subpartitions, boolean broadcast) {
        this.subpartitions = subpartitions;
        this.broadcast = broadcast;
        int streams = broadcast ? 1 : subpartitions;
        offsets = new long[streams][4];
        lengths = new int[streams][4];
        counts = new int[streams][4];
        blocks = new int[streams];
        records = new long[streams];
    }

    int subpartitions() {
        return subpartitions;
    }

    boolean broadcast() {
        return broadcast;
    }

    int streams() {
        return blocks.length;
    }

    int streamOf(int subpartition) {
        return broadcast ? 0 : subpartition;
    }

    int blockCount(int stream) {
        return blocks[stream];
    }

    long recordCount(int stream) {
        return records[stream];
    }

    long offset(int stream, int block) {
        return offsets[stream][block];
    }

    int payloadLength(int stream, int block) {
        return lengths[stream][block];
    }

    int records(int stream, int block) {
        return counts[stream][block];
    }

    void add(int stream, long offset, int payloadLength, int recordCount) {
        int n = blocks[stream];
        if (n == offsets[stream].length) {
            offsets[stream] = Arrays.copyOf(offsets[stream], n * 2);
            lengths[stream] = Arrays.copyOf(lengths[stream], n * 2);
            counts[stream] = Arrays.copyOf(counts[stream], n * 2);
        }
        offsets[stream][n] = offset;
        lengths[stream][n] = payloadLength;
        counts[stream][n] = recordCount;
        blocks[stream] = n + 1;
        records[stream] += recordCount;
    }

    void write(Path file, long dataFileLength) throws IOException {
        DataOutputBuffer out = new DataOutputBuffer(64 + 16 * Arrays.stream(blocks).sum());
        out.writeInt(PartitionFormat.INDEX_MAGIC);
        out.writeInt(PartitionFormat.INDEX_VERSION);
        out.writeInt(subpartitions);
        out.writeBoolean(broadcast);
        out.writeLong(dataFileLength);
        for (int s = 0; s < streams(); s++) {
            out.writeInt(blocks[s]);
            out.writeLong(records[s]);
            for (int b = 0; b < blocks[s]; b++) {
                out.writeLong(offsets[s][b]);
                out.writeInt(lengths[s][b]);
                out.writeInt(counts[s][b]);
            }
        }
        CRC32C crc = new CRC32C();
        crc.update(out.data(), 0, out.position());
        out.writeInt((int) crc.getValue());
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                StandardOpenOption.TRUNCATE_EXISTING)) {
            ByteBuffer bytes = ByteBuffer.wrap(out.data(), 0, out.position());
            while (bytes.hasRemaining()) {
                channel.write(bytes);
            }
        }
    }

    /** Reads and verifies the index of {@code files}, and checks the data file's length against it. */
    static BlockIndex read(ResultPartitionFiles files, long dataFileLength) {
        Path file = files.indexFile();
        byte[] bytes;
        try {
            bytes = java.nio.file.Files.readAllBytes(file);
        } catch (NoSuchFileException e) {
            throw new MissingPartitionException(files, "Result partition index " + file + " does not exist: its "
                    + "producer did not finish, or the partition was deleted", e);
        } catch (IOException e) {
            throw new CorruptPartitionException(files, "Cannot read result partition index " + file + ": " + e, e);
        }
        if (bytes.length < 29) {
            throw corrupt(files, "is " + bytes.length + " bytes, shorter than any index (truncated)", null);
        }
        CRC32C crc = new CRC32C();
        crc.update(bytes, 0, bytes.length - 4);
        DataInputView in = new DataInputView(bytes);
        in.skip(bytes.length - 4);
        int stored = in.readInt();
        if (stored != (int) crc.getValue()) {
            throw corrupt(files, String.format("fails its checksum (stored %08x, computed %08x): truncated or "
                    + "damaged", stored, (int) crc.getValue()), null);
        }
        in.set(bytes, 0, bytes.length - 4);
        try {
            if (in.readInt() != PartitionFormat.INDEX_MAGIC || in.readInt() != PartitionFormat.INDEX_VERSION) {
                throw corrupt(files, "is not a Weir result partition index of version "
                        + PartitionFormat.INDEX_VERSION, null);
            }
            BlockIndex index = new BlockIndex(in.readInt(), in.readBoolean());
            long expectedLength = in.readLong();
            if (expectedLength != dataFileLength) {
                throw new CorruptPartitionException(files, "Result partition data file " + files.dataFile() + " is "
                        + dataFileLength + " bytes but its index says " + expectedLength + ": the file was "
                        + "truncated or overwritten", null);
            }
            for (int s = 0; s < index.streams(); s++) {
                int n = in.readInt();
                long recordCount = in.readLong();
                for (int b = 0; b < n; b++) {
                    index.add(s, in.readLong(), in.readInt(), in.readInt());
                }
                if (index.records[s] != recordCount) {
                    throw corrupt(files, "counts " + recordCount + " records for stream " + s + " but its blocks "
                            + "hold " + index.records[s], null);
                }
            }
            if (in.remaining() != 0) {
                throw corrupt(files, "has " + in.remaining() + " unexpected trailing bytes", null);
            }
            return index;
        } catch (SerializationException e) {
            throw corrupt(files, "ends early: " + e.getMessage(), e);
        }
    }

    private static CorruptPartitionException corrupt(ResultPartitionFiles files, String what, Throwable cause) {
        return new CorruptPartitionException(files, "Result partition index " + files.indexFile() + " " + what, cause);
    }
}
