package io.weir.connectors.file;

import io.weir.api.connector.sink.SinkWriter;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;

/**
 * Writes one subtask's lines to its in-progress file and publishes it as a part file at the end of input.
 * Used by one task thread only.
 *
 * <pre>
 *   open ──write*──▶ flush(true): force, close, rename in-progress → part ──▶ close: nothing left to do
 *     └──────────────▶ close without flush(true): close, delete in-progress
 * </pre>
 */
final class PartFileWriter<T> implements SinkWriter<T> {
    private static final int BUFFER_BYTES = 1 << 16;

    private final Path inProgress;
    private final Path target;
    private final Encoder<T> encoder;
    private final FileChannel channel;
    // Our own buffer rather than a BufferedWriter: no lock per call, one bulk write per 64 KB.
    private final byte[] buffer = new byte[BUFFER_BYTES];
    private final ByteBuffer bufferView = ByteBuffer.wrap(buffer);
    private int count;
    private boolean committed;
    private boolean closed;

    private PartFileWriter(Path inProgress, Path target, Encoder<T> encoder, FileChannel channel) {
        this.inProgress = inProgress;
        this.target = target;
        this.encoder = encoder;
        this.channel = channel;
    }

    /** Opens (truncating) the in-progress file. */
    static <T> PartFileWriter<T> open(Path inProgress, Path target, Encoder<T> encoder) throws IOException {
        FileChannel channel;
        try {
            channel = FileChannel.open(inProgress, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                    StandardOpenOption.TRUNCATE_EXISTING);
        } catch (IOException e) {
            throw new IOException("FileSink cannot create its in-progress file '" + inProgress
                    + "'; check that the output directory is writable: " + e, e);
        }
        return new PartFileWriter<>(inProgress, target, encoder, channel);
    }

    @Override
    public void write(T element, Context context) throws Exception {
        if (committed || closed) {
            throw new IllegalStateException("FileSink writer for '" + target + "' got a record after "
                    + (closed ? "close()" : "flush(true)"));
        }
        // getBytes has a fast path for Latin-1 strings and handles surrogates; the copy is cheap next to I/O.
        byte[] line = encoder.encode(element).getBytes(StandardCharsets.UTF_8);
        if (line.length >= BUFFER_BYTES - count) {
            drainBuffer();
            if (line.length >= BUFFER_BYTES) {
                writeFully(ByteBuffer.wrap(line));
                buffer[count++] = '\n';
                return;
            }
        }
        System.arraycopy(line, 0, buffer, count, line.length);
        count += line.length;
        buffer[count++] = '\n';
    }

    /**
     * Hands buffered bytes to the file; at the end of input also forces them to disk and renames the file to
     * its part name, so the part file is complete whenever it exists.
     */
    @Override
    public void flush(boolean endOfInput) throws IOException {
        if (committed || closed) {
            return;
        }
        drainBuffer();
        if (!endOfInput) {
            return;
        }
        channel.force(false);
        channel.close();
        try {
            publish();
        } catch (IOException e) {
            throw new IOException("FileSink cannot publish '" + inProgress + "' as '" + target
                    + "'; was the output directory removed or made read-only while the job ran? " + e, e);
        }
        committed = true;
    }

    /** Without a preceding {@code flush(true)}, discards the output: the in-progress file is deleted. */
    @Override
    public void close() throws IOException {
        if (closed) {
            return;
        }
        closed = true;
        if (!committed) {
            try {
                channel.close();
            } finally {
                Files.deleteIfExists(inProgress);
            }
        }
    }

    private void publish() throws IOException {
        try {
            Files.move(inProgress, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (AtomicMoveNotSupportedException e) {
            // Only on a file system without atomic rename; a plain move is the best it offers.
            Files.move(inProgress, target, StandardCopyOption.REPLACE_EXISTING);
        }
    }

    private void drainBuffer() throws IOException {
        if (count > 0) {
            bufferView.clear().limit(count);
            writeFully(bufferView);
            count = 0;
        }
    }

    private void writeFully(ByteBuffer bytes) throws IOException {
        try {
            while (bytes.hasRemaining()) {
                channel.write(bytes);
            }
        } catch (IOException e) {
            // The JDK's message ("No space left on device") does not say which file or disk.
            throw new IOException("FileSink could not write its in-progress file '" + inProgress + "' (" + e
                    + "); is the disk of the output directory full? Free space there or choose another output "
                    + "directory.", e);
        }
    }
}
