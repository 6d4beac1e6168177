package io.weir.connectors.file;

import io.weir.api.common.SimpleVersionedSerializer;
import io.weir.api.connector.sink.Committer;
import io.weir.api.connector.sink.CommitterInitContext;
import io.weir.api.connector.sink.CommittingSinkWriter;
import io.weir.api.connector.sink.FileOutput;
import io.weir.api.connector.sink.Sink;
import io.weir.api.connector.sink.SupportsCommitter;
import io.weir.api.connector.sink.WriterInitContext;

import java.io.IOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Writes records as UTF-8 text lines into a directory, one part file per sink subtask: {@code part-0-0},
 * {@code part-1-0}, ... ({@code part-<subtask>-<n>}).
 *
 * <pre>{@code
 * counts.sinkTo(FileSink.forRowFormat("/out/counts", (Tuple2<String, Integer> t) -> t.f0 + "," + t.f1));
 * }</pre>
 *
 * <p><b>Part files appear only when the whole job succeeded</b>, all of them together. Each subtask writes a
 * hidden in-progress file ({@code .part-<subtask>-<job id>-<attempt>.inprogress}, unique per job run) and, at the
 * end of its input, renames it to a hidden pending file ({@code ....pending}). After every task of the job finished,
 * the job's {@link FileCommitter} renames the pending files to their part names. A job that fails or is cancelled
 * publishes nothing, and its hidden files are removed; readers of the directory never see uncommitted data (hidden
 * files are also skipped by {@link FileSource}). On an unbounded stream nothing appears until the job ends (rolling
 * part files on checkpoints comes with checkpoints).
 *
 * <p><b>One job at a time per directory.</b> The committer locks the directory (the hidden file
 * {@code .weir-sink.lock}) when the job starts and releases it when the job ends: a second job on the same
 * directory fails at once, naming the directory and the job that holds it. A lock left by a killed process is taken
 * over, and what that process left (hidden files; a commit it was in the middle of) is cleaned up or finished.
 *
 * <p><b>A successful run replaces the output of earlier runs</b>: its commit deletes the {@code part-*} files it does
 * not write (for example those of an earlier run with a higher parallelism), so the directory then holds exactly its
 * own part files. Other files in the directory are left alone.
 *
 * <p>The directory is created if missing.
 */
public final class FileSink<T> implements Sink<T>, SupportsCommitter<FileSinkCommittable>, FileOutput {
    private static final long serialVersionUID = 1L;
    private static final String IN_PROGRESS = ".inprogress";
    private static final String PENDING = ".pending";

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
    public CommittingSinkWriter<T, FileSinkCommittable> createWriter(WriterInitContext context) throws IOException {
        Path dir = Path.of(directory);
        prepareDirectory(dir);
        String base = hiddenName(context.getSubtaskId(), context.getJobId(), context.getAttemptNumber());
        return PartFileWriter.open(dir.resolve(base + IN_PROGRESS), dir.resolve(base + PENDING),
                partName(context.getSubtaskId()), encoder);
    }

    /** Creates the directory if needed and locks it for the job's run (see the class comment). */
    @Override
    public Committer<FileSinkCommittable> createCommitter(CommitterInitContext context) throws IOException {
        Path dir = Path.of(directory);
        prepareDirectory(dir);
        return FileCommitter.open(dir, context.getJobId());
    }

    @Override
    public SimpleVersionedSerializer<FileSinkCommittable> getCommittableSerializer() {
        return new FileSinkCommittableSerializer();
    }

    /** Hidden, and unique per job run, subtask and attempt; a job id is hex digits, so the name parses back. */
    static String hiddenName(int subtask, String jobId, int attempt) {
        return ".part-" + subtask + "-" + jobId + "-" + attempt;
    }

    static String partName(int subtask) {
        return "part-" + subtask + "-0";
    }

    /** Whether {@code name} is an in-progress or pending file of the job {@code jobId} (of any job when null). */
    static boolean isHiddenPartFile(String name, String jobId) {
        if (!name.startsWith(".part-") || !(name.endsWith(IN_PROGRESS) || name.endsWith(PENDING))) {
            return false;
        }
        return jobId == null || name.contains("-" + jobId + "-");
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
