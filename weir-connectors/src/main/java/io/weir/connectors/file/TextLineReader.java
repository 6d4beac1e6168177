package io.weir.connectors.file;

import io.weir.api.connector.source.InputStatus;
import io.weir.api.connector.source.ReaderOutput;
import io.weir.api.connector.source.SourceReader;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * Reads the UTF-8 lines of {@link FileSplit}s, on the task thread of one source subtask.
 *
 * <p>Which split reads a line: the one whose range holds the line's first byte. A split that starts at
 * offset {@code s > 0} therefore skips to just after the first {@code '\n'} at or after {@code s - 1} (if
 * the byte before {@code s} is a newline, a line starts exactly at {@code s} and is ours), and reads lines
 * while their first byte lies before its end, finishing the last one past the end if need be. Lines are
 * split on {@code '\n'} only; one trailing {@code '\r'} is dropped; a last line without a newline is a
 * record, a final newline does not start an empty one. Because {@code '\n'} never occurs inside a UTF-8
 * multi-byte sequence, cutting at newlines never cuts a character; malformed bytes decode to U+FFFD.
 *
 * <p>Bytes are read in large chunks into one reused array and each line is decoded straight from it.
 */
final class TextLineReader implements SourceReader<String, FileSplit> {
    /** Bounds the work of one {@link #pollNext} call so the task stays responsive to cancellation. */
    static final int MAX_LINES_PER_POLL = 1000;
    private static final int INITIAL_BUFFER_BYTES = 1 << 18;
    // Largest array size the JVM reliably allocates.
    private static final int MAX_BUFFER_BYTES = Integer.MAX_VALUE - 8;

    private byte[] buffer;
    /** Next unread byte in {@link #buffer}. */
    private int pos;
    /** End of the valid bytes in {@link #buffer}. */
    private int limit;
    /** File offset of {@code buffer[0]}. */
    private long bufferOffset;
    private boolean endOfFile;
    private long splitEnd;
    private FileSplit split;
    private FileChannel channel;

    TextLineReader() {
        this(INITIAL_BUFFER_BYTES);
    }

    /** For tests that force lines longer than the buffer. */
    TextLineReader(int initialBufferBytes) {
        this.buffer = new byte[initialBufferBytes];
    }

    @Override
    public void addSplit(FileSplit split) throws IOException {
        closeChannel();
        this.split = split;
        this.splitEnd = split.end();
        long readFrom = split.start() == 0 ? 0 : split.start() - 1;
        if (split.isStream()) {
            ReadOnceInputs.claim(split);
        }
        channel = FileChannel.open(Path.of(split.path()), StandardOpenOption.READ);
        if (readFrom > 0) {
            // Only regular files get here: a stream is one split from 0, and a pipe cannot seek at all.
            channel.position(readFrom);
        }
        bufferOffset = readFrom;
        pos = 0;
        limit = 0;
        endOfFile = false;
        if (split.start() > 0) {
            skipPastNewline();
        }
    }

    @Override
    public InputStatus pollNext(ReaderOutput<String> output) throws IOException {
        if (channel == null) {
            return InputStatus.END_OF_SPLIT;
        }
        for (int emitted = 0; emitted < MAX_LINES_PER_POLL && !splitDone(); emitted++) {
            int newline = indexOfNewline(pos);
            while (newline < 0 && !endOfFile) {
                int scanned = limit - pos;
                fill();
                newline = indexOfNewline(pos + scanned);
            }
            int lineEnd = newline < 0 ? limit : newline;
            int contentEnd = lineEnd > pos && buffer[lineEnd - 1] == '\r' ? lineEnd - 1 : lineEnd;
            output.collect(new String(buffer, pos, contentEnd - pos, StandardCharsets.UTF_8));
            pos = newline < 0 ? limit : newline + 1;
        }
        if (splitDone()) {
            closeChannel();
            return InputStatus.END_OF_SPLIT;
        }
        return InputStatus.MORE_AVAILABLE;
    }

    @Override
    public void close() throws IOException {
        closeChannel();
    }

    /** True when the next line would start at or after the split's end, or there is nothing left at all. */
    private boolean splitDone() throws IOException {
        if (bufferOffset + pos >= splitEnd) {
            return true;
        }
        if (pos == limit && !endOfFile) {
            fill();
        }
        return pos == limit && endOfFile;
    }

    private void skipPastNewline() throws IOException {
        while (true) {
            int newline = indexOfNewline(pos);
            if (newline >= 0) {
                pos = newline + 1;
                return;
            }
            pos = limit;
            if (endOfFile) {
                return;
            }
            fill();
        }
    }

    private int indexOfNewline(int from) {
        byte[] b = buffer;
        for (int i = from, n = limit; i < n; i++) {
            if (b[i] == '\n') {
                return i;
            }
        }
        return -1;
    }

    /**
     * Reads more bytes after {@link #limit}: first moves the unread tail to the front, and grows the buffer
     * only when a single line fills it.
     */
    private void fill() throws IOException {
        if (pos > 0) {
            System.arraycopy(buffer, pos, buffer, 0, limit - pos);
            bufferOffset += pos;
            limit -= pos;
            pos = 0;
        }
        if (limit == buffer.length) {
            if (buffer.length == MAX_BUFFER_BYTES) {
                throw new IOException("A line in '" + split.path() + "' starting at byte " + bufferOffset
                        + " is longer than " + MAX_BUFFER_BYTES + " bytes; is this a text file?");
            }
            byte[] bigger = new byte[(int) Math.min(MAX_BUFFER_BYTES, buffer.length * 2L)];
            System.arraycopy(buffer, 0, bigger, 0, limit);
            buffer = bigger;
        }
        int n = channel.read(ByteBuffer.wrap(buffer, limit, buffer.length - limit));
        if (n < 0) {
            endOfFile = true;
        } else {
            limit += n;
        }
    }

    private void closeChannel() throws IOException {
        if (channel != null) {
            FileChannel c = channel;
            channel = null;
            c.close();
        }
    }
}
