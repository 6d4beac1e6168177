package io.weir.connectors.file;

import io.weir.api.connector.sink.FileOutput;
import io.weir.api.connector.sink.Sink;
import io.weir.api.connector.sink.SinkWriter;
import io.weir.api.connector.sink.WriterInitContext;

import java.io.IOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Writes records as UTF-8 text lines into a directory, one file per sink subtask: {@code part-0},
 * {@code part-1}, ...
 *
 * <pre>{@code
 * counts.sinkTo(FileSink.forRowFormat("/out/counts", (Tuple2<String, Integer> t) -> t.f0 + "," + t.f1));
 * }</pre>
 *
 * <p><b>A part file appears only when its subtask finished successfully.</b> A subtask writes to a hidden
 * in-progress file ({@code .part-<subtask>-<attempt>.inprogress}) and, at the end of its input, closes it
 * and renames it atomically to {@code part-<subtask>}, replacing a file of that name left by an earlier
 * run. A subtask that fails or is cancelled deletes its in-progress file, so readers of the directory
 * never see half-written output (hidden files are also skipped by {@link FileSource}).
 *
 * <p>Output is published once, at the end of input: on an unbounded stream nothing appears until the job
 * ends, and a cancelled job publishes nothing. (Rolling part files on checkpoints needs a committer, which
 * this sink does not have yet.)
 *
 * <p>The directory is created if missing. The sink does not delete part files it does not write: when a
 * job re-runs into the same directory with a lower parallelism, the extra {@code part-N} files of the old
 * run remain, so point re-runs at an empty directory or clear it first.
 */
public final class FileSink<T> implements Sink<T>, FileOutput {
    private static final long serialVersionUID = 1L;

    private final String directory;
    private final Encoder<T> encoder;

    private FileSink(String directory, Encoder<T> encoder) {
        this.directory = directory;
        this.encoder = encoder;
    }

    /** Writes each record's {@code String.valueOf} as a line into {@code directory}. */
    public static <T> FileSink<T> forTextLines(Path directory) {
        return forRowFormat(directory, String::valueOf);
    }

    /** As {@link #forTextLines(Path)}; the path is parsed now, so a malformed one fails at once. */
    public static <T> FileSink<T> forTextLines(String directory) {
        return forTextLines(parse(directory));
    }

    /** Writes {@code encoder.encode(record)} as a line into {@code directory}. */
    public static <T> FileSink<T> forRowFormat(Path directory, Encoder<T> encoder) {
        if (directory == null || encoder == null) {
            throw new IllegalArgumentException("FileSink needs an output directory and an encoder");
        }
        return new FileSink<>(directory.toString(), encoder);
    }

    public static <T> FileSink<T> forRowFormat(String directory, Encoder<T> encoder) {
        return forRowFormat(parse(directory), encoder);
    }

    public Path getDirectory() {
        return Path.of(directory);
    }

    /** Lets the job be rejected when it is built if this directory lies inside one of its inputs. */
    @Override
    public Path outputDirectory() {
        return getDirectory();
    }

    /** Creates the directory if needed and opens this subtask's in-progress file, so a bad directory fails here. */
    @Override
    public SinkWriter<T> createWriter(WriterInitContext context) throws IOException {
        Path dir = Path.of(directory);
        prepareDirectory(dir);
        int subtask = context.getSubtaskId();
        int attempt = context.getAttemptNumber();
        // A failed attempt that died without close() leaves its in-progress file; it is garbage now.
        for (int earlier = 0; earlier < attempt; earlier++) {
            Files.deleteIfExists(dir.resolve(inProgressName(subtask, earlier)));
        }
        Path inProgress = dir.resolve(inProgressName(subtask, attempt));
        Path target = dir.resolve("part-" + subtask);
        return PartFileWriter.open(inProgress, target, encoder);
    }

    static String inProgressName(int subtask, int attempt) {
        return ".part-" + subtask + "-" + attempt + ".inprogress";
    }

    private static void prepareDirectory(Path dir) throws IOException {
        if (Files.exists(dir) && !Files.isDirectory(dir)) {
            throw new IOException("Output path '" + dir + "' of FileSink exists and is not a directory;"
                    + " choose another output directory or remove that file");
        }
        try {
            Files.createDirectories(dir);
        } catch (FileAlreadyExistsException e) {
            throw new IOException("Output path '" + dir + "' of FileSink cannot be created: '" + e.getFile()
                    + "' exists and is not a directory", e);
        } catch (IOException e) {
            throw new IOException("Output directory '" + dir + "' of FileSink cannot be created: " + e, e);
        }
        if (!Files.isWritable(dir)) {
            throw new IOException("Output directory '" + dir + "' of FileSink is not writable; check its permissions");
        }
    }

    private static Path parse(String directory) {
        if (directory == null) {
            throw new IllegalArgumentException("FileSink needs an output directory");
        }
        return Path.of(directory);
    }

    @Override
    public String toString() {
        return "FileSink[" + directory + "]";
    }
}
