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
 * Reads one run written by {@link SpillWriter}, verifying each block's checksum before handing out its entries.
 * <p>
 * The buffer holds several blocks and is refilled with large sequential reads; entries are views into it. An
 * entry spanning blocks is assembled in a scratch array that grows to the largest such entry: those entries
 * were as large in memory when they were added, so this is the one allocation outside the budget.
 */
final class SpillReader implements RunCursor, AutoCloseable {
    private final SpillFiles files;
    private final SpillRun run;
    private final FileChannel channel;
    private final byte[] buffer;
    private final ByteBuffer bufferView;
    private final CRC32C crc = new CRC32C();
    private byte[] scratch = new byte[0];
    /** File offset of buffer[0], for error messages. */
    private long bufferFileOffset;
    private int filled;
    private int nextBlock;
    private int position;
    private int blockEnd;
    private long entriesLeft;

    private byte[] entryArray;
    private int keyOffset;
    private int keyLength;
    private int valueOffset;
    private int valueLength;
    private long keyPrefix;
    private long timestamp;

    SpillReader(SpillFiles files, SpillRun run, byte[] buffer) throws IOException {
        if (buffer.length < BLOCK_BYTES) {
            throw new IllegalArgumentException("read buffer smaller than a block");
        }
        this.files = files;
        this.run = run;
        this.buffer = buffer;
        this.bufferView = ByteBuffer.wrap(buffer);
        this.entriesLeft = run.entries();
        try {
            this.channel = FileChannel.open(run.file(), StandardOpenOption.READ);
        } catch (IOException e) {
            throw files.readFailed(run.file(), e);
        }
        try {
            readFileHeader();
        } catch (IOException | RuntimeException e) {
            channel.close();
            throw e;
        }
    }

    private void readFileHeader() throws IOException {
        if (!fill(SpillFormat.FILE_HEADER_BYTES)) {
            throw corrupt("it is shorter than the file header");
        }
        int magic = (int) INT_BIG_ENDIAN.get(buffer, 0);
        int version = (int) INT_BIG_ENDIAN.get(buffer, 4);
        if (magic != SpillFormat.MAGIC || version != SpillFormat.VERSION) {
            throw corrupt("unexpected file header " + Integer.toHexString(magic) + "/" + version);
        }
        nextBlock = SpillFormat.FILE_HEADER_BYTES;
        position = nextBlock;
        blockEnd = nextBlock;
    }

    @Override
    public boolean next() throws IOException {
        if (entriesLeft == 0) {
            if (position != blockEnd || fill(1)) {
                throw corrupt("it holds more than the " + run.entries() + " entries written");
            }
            return false;
        }
        if (position == blockEnd && !nextBlock()) {
            throw corrupt("it ends after " + (run.entries() - entriesLeft) + " of " + run.entries() + " entries");
        }
        // The header lies within the block: a spanning entry starts a fresh one (see SpillWriter).
        int keyField = EntryFormat.readVarInt(buffer, position);
        int keyLen = keyField >>> 1;
        int valueLen = EntryFormat.readVarInt(buffer, position + EntryFormat.varIntSize(keyField));
        long ts = ExternalSorter.NO_TIMESTAMP;
        if ((keyField & 1) != 0) {
            ts = EntryFormat.unZigZag(EntryFormat.readVarLong(buffer,
                    position + EntryFormat.varIntSize(keyField) + EntryFormat.varIntSize(valueLen)));
        }
        int header = EntryFormat.headerSize(keyLen, ts, valueLen);
        long size = (long) header + keyLen + valueLen;
        if (keyField < 0 || valueLen < 0 || size > EntryFormat.MAX_ENTRY_BYTES
                || (keyField & 1) != 0 && ts == ExternalSorter.NO_TIMESTAMP) {
            throw corrupt("an entry header at byte " + (bufferFileOffset + position) + " is invalid");
        }
        if (size <= blockEnd - position) {
            entryArray = buffer;
            keyOffset = position + header;
            position += (int) size;
        } else {
            assembleSpanningEntry((int) size);
            keyOffset = header;
        }
        keyLength = keyLen;
        valueOffset = keyOffset + keyLen;
        valueLength = valueLen;
        keyPrefix = KeyOrder.prefix(entryArray, keyOffset, keyLen);
        timestamp = ts;
        entriesLeft--;
        return true;
    }

    private void assembleSpanningEntry(int size) throws IOException {
        if (scratch.length < size) {
            scratch = new byte[size];
        }
        int copied = 0;
        while (true) {
            int chunk = Math.min(blockEnd - position, size - copied);
            System.arraycopy(buffer, position, scratch, copied, chunk);
            position += chunk;
            copied += chunk;
            if (copied == size) {
                break;
            }
            if (!nextBlock()) {
                throw corrupt("it ends inside an entry of " + size + " bytes");
            }
        }
        entryArray = scratch;
    }

    /** Makes the next block current after checking its checksum; false at a clean end of file. */
    private boolean nextBlock() throws IOException {
        if (!fill(BLOCK_HEADER_BYTES)) {
            if (filled > nextBlock) {
                throw corrupt("it ends inside a block header at byte " + (bufferFileOffset + nextBlock));
            }
            return false;
        }
        int length = (int) INT_BIG_ENDIAN.get(buffer, nextBlock);
        int expectedCrc = (int) INT_BIG_ENDIAN.get(buffer, nextBlock + 4);
        long blockOffset = bufferFileOffset + nextBlock;
        if (length <= 0 || length > MAX_PAYLOAD) {
            throw corrupt("the block at byte " + blockOffset + " declares an impossible length " + length);
        }
        if (!fill(BLOCK_HEADER_BYTES + length)) {
            throw corrupt("it ends inside the block at byte " + blockOffset);
        }
        crc.reset();
        crc.update(buffer, nextBlock, 4);
        crc.update(buffer, nextBlock + BLOCK_HEADER_BYTES, length);
        if ((int) crc.getValue() != expectedCrc) {
            throw corrupt("checksum mismatch in the block at byte " + blockOffset);
        }
        position = nextBlock + BLOCK_HEADER_BYTES;
        blockEnd = position + length;
        nextBlock = blockEnd;
        return true;
    }

    /**
     * Ensures {@code bytes} bytes from {@code nextBlock} are in the buffer; false if the file ends first. Moves
     * the unread tail to the front when needed, which is safe because it happens only when the current block
     * has been consumed.
     */
    private boolean fill(int bytes) throws IOException {
        if (filled - nextBlock >= bytes) {
            return true;
        }
        if (nextBlock + bytes > buffer.length) {
            System.arraycopy(buffer, nextBlock, buffer, 0, filled - nextBlock);
            bufferFileOffset += nextBlock;
            filled -= nextBlock;
            position -= nextBlock;
            blockEnd -= nextBlock;
            nextBlock = 0;
        }
        while (filled - nextBlock < bytes) {
            bufferView.limit(buffer.length).position(filled);
            int read;
            try {
                read = channel.read(bufferView);
            } catch (IOException e) {
                throw files.readFailed(run.file(), e);
            }
            if (read < 0) {
                return false;
            }
            filled += read;
        }
        return true;
    }

    private CorruptSpillFileException corrupt(String detail) {
        return files.corrupt(run.file(), detail);
    }

    Path file() {
        return run.file();
    }

    @Override
    public long keyPrefix() {
        return keyPrefix;
    }

    @Override
    public long timestamp() {
        return timestamp;
    }

    @Override
    public byte[] keyArray() {
        return entryArray;
    }

    @Override
    public int keyOffset() {
        return keyOffset;
    }

    @Override
    public int keyLength() {
        return keyLength;
    }

    @Override
    public byte[] valueArray() {
        return entryArray;
    }

    @Override
    public int valueOffset() {
        return valueOffset;
    }

    @Override
    public int valueLength() {
        return valueLength;
    }

    @Override
    public void close() throws IOException {
        channel.close();
    }
}
