package io.weir.runtime.sort;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.zip.CRC32C;

import static io.weir.runtime.sort.SpillFormat.BLOCK_BYTES;
import static io.weir.runtime.sort.SpillFormat.BLOCK_HEADER_BYTES;
import static io.weir.runtime.sort.SpillFormat.INT_BIG_ENDIAN;
import static io.weir.runtime.sort.SpillFormat.MAX_PAYLOAD;

/**
 * Writes one sorted run in the {@link SpillFormat}. Blocks are assembled in a buffer of several blocks that is
 * written with one sequential call when full. The buffer is lent by the sorter (it is part of the memory
 * budget) and reused for every run. On failure the caller deletes the file through {@link SpillFiles}.
 */
final class SpillWriter implements AutoCloseable {
    private final SpillFiles files;
    private final Path file;
    private final FileChannel channel;
    private final byte[] buffer;
    private final ByteBuffer bufferView;
    private final CRC32C crc = new CRC32C();
    private int blockStart;
    private int position;
    private long entries;
    private long bytesWritten;

    SpillWriter(SpillFiles files, byte[] buffer) throws IOException {
        if (buffer.length < BLOCK_BYTES) {
            throw new IllegalArgumentException("write buffer smaller than a block");
        }
        this.files = files;
        this.file = files.create();
        this.buffer = buffer;
        this.bufferView = ByteBuffer.wrap(buffer);
        try {
            this.channel = FileChannel.open(file, StandardOpenOption.WRITE);
        } catch (IOException e) {
            throw files.writeFailed(file, e);
        }
        INT_BIG_ENDIAN.set(buffer, 0, SpillFormat.MAGIC);
        INT_BIG_ENDIAN.set(buffer, 4, SpillFormat.VERSION);
        blockStart = SpillFormat.FILE_HEADER_BYTES;
        if (buffer.length - blockStart < BLOCK_BYTES) {
            try {
                flushBuffer();
            } catch (IOException e) {
                channel.close();
                throw e;
            }
        }
        position = blockStart + BLOCK_HEADER_BYTES;
    }

    /** Fills a new run; what {@link #writeRun} calls back with the open writer. */
    @FunctionalInterface
    interface Entries {
        void writeTo(SpillWriter writer) throws IOException;
    }

    /** Writes one complete run; on any failure the partial file is closed and deleted before rethrowing. */
    static SpillRun writeRun(SpillFiles files, byte[] buffer, Entries entries) throws IOException {
        SpillWriter writer = new SpillWriter(files, buffer);
        try {
            entries.writeTo(writer);
            return writer.finish();
        } catch (IOException | RuntimeException | Error e) {
            try {
                writer.close();
                files.delete(writer.file);
            } catch (IOException cleanup) {
                e.addSuppressed(cleanup);
            }
            throw e;
        }
    }

    /** Copies every remaining entry of {@code source}, which must be in order, into this run. */
    void writeAll(RunCursor source) throws IOException {
        while (source.next()) {
            write(source.keyArray(), source.keyOffset(), source.keyLength(), source.timestamp(),
                    source.valueArray(), source.valueOffset(), source.valueLength());
        }
    }

    void write(byte[] key, int keyOffset, int keyLength, long timestamp, byte[] value, int valueOffset,
               int valueLength) throws IOException {
        long size = EntryFormat.encodedSize(keyLength, timestamp, valueLength);
        if (size <= MAX_PAYLOAD) {
            if (payloadLength() + size > MAX_PAYLOAD) {
                sealBlock();
            }
            position = EntryFormat.write(buffer, position, key, keyOffset, keyLength, timestamp,
                    value, valueOffset, valueLength);
        } else {
            writeSpanning(key, keyOffset, keyLength, timestamp, value, valueOffset, valueLength);
        }
        entries++;
    }

    /** Starts the entry on a fresh block, so its small header lies in one block, and lets it run on. */
    private void writeSpanning(byte[] key, int keyOffset, int keyLength, long timestamp, byte[] value,
                               int valueOffset, int valueLength) throws IOException {
        sealBlock();
        position = EntryFormat.writeHeader(buffer, position, keyLength, timestamp, valueLength);
        append(key, keyOffset, keyLength);
        append(value, valueOffset, valueLength);
        sealBlock();
    }

    private void append(byte[] source, int offset, int length) throws IOException {
        while (length > 0) {
            if (payloadLength() == MAX_PAYLOAD) {
                sealBlock();
            }
            int chunk = Math.min(length, MAX_PAYLOAD - payloadLength());
            System.arraycopy(source, offset, buffer, position, chunk);
            position += chunk;
            offset += chunk;
            length -= chunk;
        }
    }

    private int payloadLength() {
        return position - blockStart - BLOCK_HEADER_BYTES;
    }

    private void sealBlock() throws IOException {
        int length = payloadLength();
        if (length == 0) {
            return;
        }
        INT_BIG_ENDIAN.set(buffer, blockStart, length);
        crc.reset();
        crc.update(buffer, blockStart, 4);
        crc.update(buffer, blockStart + BLOCK_HEADER_BYTES, length);
        INT_BIG_ENDIAN.set(buffer, blockStart + 4, (int) crc.getValue());
        blockStart = position;
        if (buffer.length - blockStart < BLOCK_BYTES) {
            flushBuffer();
        }
        position = blockStart + BLOCK_HEADER_BYTES;
    }

    private void flushBuffer() throws IOException {
        bufferView.clear().limit(blockStart);
        try {
            while (bufferView.hasRemaining()) {
                channel.write(bufferView);
            }
        } catch (IOException e) {
            throw files.writeFailed(file, e);
        }
        bytesWritten += blockStart;
        blockStart = 0;
    }

    /** Writes what is buffered and closes the file; the run is then complete and may be read. */
    SpillRun finish() throws IOException {
        sealBlock();
        flushBuffer();
        try {
            channel.close();
        } catch (IOException e) {
            throw files.writeFailed(file, e);
        }
        return new SpillRun(file, entries, bytesWritten);
    }

    /** Releases the file handle without completing the run; idempotent, used on failure paths. */
    @Override
    public void close() throws IOException {
        channel.close();
    }
}
