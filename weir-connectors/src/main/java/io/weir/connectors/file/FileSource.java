package io.weir.connectors.file;

import io.weir.api.connector.source.Boundedness;
import io.weir.api.connector.source.FileInput;
import io.weir.api.connector.source.QueueSplitEnumerator;
import io.weir.api.connector.source.Source;
import io.weir.api.connector.source.SourceReader;
import io.weir.api.connector.source.SourceReaderContext;
import io.weir.api.connector.source.SplitEnumerator;

import java.io.IOException;
import java.nio.file.Path;
import java.util.concurrent.ThreadLocalRandom;

/**
 * A bounded source of the lines of a text file, or of every file below a directory, decoded as UTF-8.
 *
 * <pre>{@code
 * DataStream<String> lines = env.fromSource(
 *         FileSource.forTextLines("/data/logs").withBlockSize(64 << 20),
 *         WatermarkStrategy.noWatermarks(), "logs");
 * }</pre>
 *
 * <p>A directory is read recursively; files and directories whose names start with '.' or '_' are skipped
 * (in-progress output of {@link FileSink}, {@code _SUCCESS} markers and the like). Files are cut into blocks
 * of {@link #withBlockSize block size} bytes, so one large file is still read in parallel; readers take the
 * next block when they finish one, so a slow reader does not hold the job back. Every line is emitted
 * exactly once, without its line terminator ({@code "\n"} or {@code "\r\n"}); empty lines are empty
 * strings. Lines of one block arrive in file order; blocks are spread over readers, so across the whole
 * input there is no order unless the source runs with parallelism 1.
 *
 * <p>The input path may also be a stream: a pipe ({@code /dev/stdin} fed by {@code cat file | ...}), a FIFO
 * ({@code mkfifo}) or a device. A stream has no size to cut into blocks, so it is one split, read by one reader
 * from its start to its end of file (a FIFO is read once its writer opens it), which bounds the input.
 * A stream can be read only once: a restart or retry that would read it again fails, saying so, rather than
 * reading what is left; save such input to a file when the job has a restart strategy.
 *
 * <p>The input is listed when the job starts: a path that does not exist or a file that cannot be read
 * fails the job then; so does a directory holding a dangling symbolic link or a FIFO, socket or device (each
 * named in the error). An empty directory is a job that reads nothing.
 */
public final class FileSource implements Source<String, FileSplit>, FileInput {
    private static final long serialVersionUID = 1L;

    public static final long DEFAULT_BLOCK_SIZE = 32L << 20;

    private final String path;
    private final long blockSize;
    /** Identifies this source's read of a stream input across its copies (see {@link ReadOnceInputs}). */
    private final String streamId;

    private FileSource(String path, long blockSize, String streamId) {
        this.path = path;
        this.blockSize = blockSize;
        this.streamId = streamId;
    }

    /** The lines of the file, or of every visible file below the directory, at {@code path}. */
    public static FileSource forTextLines(Path path) {
        if (path == null) {
            throw new IllegalArgumentException("FileSource.forTextLines needs a path");
        }
        // Not UUID.randomUUID(): its SecureRandom is slow to seed, and the id need only differ between sources.
        String streamId = Long.toHexString(System.nanoTime()) + "-"
                + Long.toHexString(ThreadLocalRandom.current().nextLong());
        return new FileSource(path.toString(), DEFAULT_BLOCK_SIZE, streamId);
    }

    /** As {@link #forTextLines(Path)}; the path is parsed now, so a malformed one fails at once. */
    public static FileSource forTextLines(String path) {
        if (path == null) {
            throw new IllegalArgumentException("FileSource.forTextLines needs a path");
        }
        return forTextLines(Path.of(path));
    }

    /**
     * A copy that cuts files into blocks of at most {@code bytes} (default {@value #DEFAULT_BLOCK_SIZE}).
     * Smaller blocks spread one big file over more readers; each block costs an open and a seek.
     */
    public FileSource withBlockSize(long bytes) {
        if (bytes < 1) {
            throw new IllegalArgumentException("FileSource block size must be at least 1 byte, got " + bytes);
        }
        return new FileSource(path, bytes, streamId);
    }

    public Path getPath() {
        return Path.of(path);
    }

    @Override
    public Path inputPath() {
        return getPath();
    }

    public long getBlockSize() {
        return blockSize;
    }

    @Override
    public Boundedness getBoundedness() {
        return Boundedness.BOUNDED;
    }

    /** Lists the input now; see the class comment for what fails. */
    @Override
    public SplitEnumerator<FileSplit> createEnumerator(int parallelism) throws IOException {
        return new QueueSplitEnumerator<>(FileSplitter.split(Path.of(path), blockSize, streamId));
    }

    @Override
    public SourceReader<String, FileSplit> createReader(SourceReaderContext context) {
        return new TextLineReader();
    }

    @Override
    public String toString() {
        return "FileSource[" + path + ", blockSize=" + blockSize + "]";
    }
}
