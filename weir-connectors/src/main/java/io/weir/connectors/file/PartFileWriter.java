package io.weir.connectors.file;

import io.weir.api.connector.sink.CommittingSinkWriter;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Collection;
import java.util.List;

/**
 * Writes one subtask's lines to its hidden in-progress file; at the end of input seals it as a hidden pending file
 * for the {@link FileCommitter} to publish once the job succeeded. Used by one task thread only.
 *
 * <pre>
 *   open ──write*──▶ flush(true): force, close ──▶ prepareCommit: rename in-progress → pending ──▶ close
 *     └──────────────▶ close without prepareCommit: close, delete in-progress
 * </pre>
 */
final class PartFileWriter<T> implements CommittingSinkWriter<T, FileSinkCommittable> {
    private static final int BUFFER_BYTES = 1 << 16;

    private final Path inProgress;
    private final Path pending;
    private final String partName;
    private final Encoder<T> encoder;
    private final FileChannel channel;
    // Our own buffer rather than a BufferedWriter: no lock per call, one bulk write per 64 KB.
    private final byte[] buffer = new byte[BUFFER_BYTES];
    private final ByteBuffer bufferView = ByteBuffer.wrap(buffer);
    private int count;
    private boolean ended;
    private boolean prepared;
    private boolean closed;

    private PartFileWriter(Path inProgress, Path pending, String partName, Encoder<T> encoder, FileChannel channel) {
        this.inProgress = inProgress;
        this.pending = pending;
        this.partName = partName;
        this.encoder = encoder;
        this.channel = channel;
    }

    /**
     * Opens (truncating) the in-progress file; {@code pending} is what it becomes at the end of input, and
     * {@code partName} the name the committer gives it in the same directory.
     */
    static <T> PartFileWriter<T> open(Path inProgress, Path pending, String partName, Encoder<T> encoder)
            throws IOException {
        FileChannel channel;
        try {
            channel = FileChannel.open(inProgress, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                    StandardOpenOption.TRUNCATE_EXISTING);
        } catch (IOException e) {
            throw new IOException("FileSink cannot create its in-progress file '" + inProgress
                    + "'; check that the output directory is writable: " + e, e);
        }
        return new PartFileWriter<>(inProgress, pending, partName, encoder, channel);
    }

    @Override
    public void write(T element, Context context) throws Exception {
        if (ended || closed) {
            throw new IllegalStateException("FileSink writer for '" + inProgress + "' got a record after "
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

    /** Hands buffered bytes to the file; at the end of input also forces them to disk and closes the file. */
    @Override
    public void flush(boolean endOfInput) throws IOException {
        if (ended || closed) {
            return;
        }
        drainBuffer();
        if (!endOfInput) {
            return;
        }
        channel.force(false);
        channel.close();
        ended = true;
    }

    /** Renames the complete in-progress file to its pending name; it stays hidden until the job commits. */
    @Override
    public Collection<FileSinkCommittable> prepareCommit() throws IOException {
        if (!ended || prepared || closed) {
            throw new IllegalStateException("FileSink writer for '" + inProgress + "' can prepare its commit once, "
                    + "after flush(true) and before close()");
        }
        try {
            FileCommitter.move(inProgress, pending);
        } catch (IOException e) {
            throw new IOException("FileSink cannot seal '" + inProgress + "' as '" + pending + "'; was the output "
                    + "directory removed or made read-only while the job ran? " + e, e);
        }
        prepared = true;
        return List.of(new FileSinkCommittable(pending.getFileName().toString(), partName));
    }

    /** Without a preceding {@code prepareCommit}, discards the output: the in-progress file is deleted. */
    @Override
    public void close() throws IOException {
        if (closed) {
            return;
        }
        closed = true;
        if (!prepared) {
            try {
                channel.close();
            } finally {
                Files.deleteIfExists(inProgress);
            }
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
