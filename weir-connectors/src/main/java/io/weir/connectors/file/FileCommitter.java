package io.weir.connectors.file;

import io.weir.api.connector.sink.Committer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Publishes a {@link FileSink}'s part files once the job succeeded, and owns its output directory for the job's
 * whole run (through an {@link OutputDirectoryLock}).
 *
 * <p><b>A commit replaces the output of earlier runs.</b> Part files in the directory that this commit does not
 * write ({@code part-*} of an earlier run, e.g. one with a higher parallelism) are deleted, so after a successful
 * job the directory holds exactly that job's part files. Other files are left alone.
 *
 * <p><b>A commit survives a crash.</b> It first writes a journal ({@code .weir-commit-<job>}, atomically, by
 * rename) listing the files to delete and the renames, then applies it, then deletes it. Every step can be applied
 * again: a deleted file is gone, a renamed pending file is found under its part name. The next job that takes
 * the directory over applies any journal left by a process that died in the middle of its commit, so the directory
 * ends with that run's complete output, never half of it.
 *
 * <pre>
 *   open       lock the directory; finish a dead run's journal; delete hidden leftovers of dead runs
 *   commit     journal ─▶ delete other part-* ─▶ rename .pending → part-S-N ─▶ delete journal
 *   close      delete this run's hidden files that were not committed; release the lock
 * </pre>
 */
final class FileCommitter implements Committer<FileSinkCommittable> {
    private static final Logger LOG = LoggerFactory.getLogger(FileCommitter.class);
    static final String JOURNAL_PREFIX = ".weir-commit-";
    private static final String JOURNAL_HEADER = "weir-file-sink-commit 1";
    private static final String JOURNAL_END = "end";
    private static final Pattern PART_FILE = Pattern.compile("part-\\d+(-\\d+)?");

    private final Path directory;
    private final String jobId;
    private final OutputDirectoryLock lock;
    private boolean closed;

    private FileCommitter(Path directory, String jobId, OutputDirectoryLock lock) {
        this.directory = directory;
        this.jobId = jobId;
        this.lock = lock;
    }

    /**
     * Locks {@code directory} for the job {@code jobId} and cleans up after runs that died in it.
     *
     * @throws IOException naming the directory (and the owning job) if another job writes it
     */
    static FileCommitter open(Path directory, String jobId) throws IOException {
        OutputDirectoryLock lock = OutputDirectoryLock.acquire(directory, jobId);
        try {
            // Holding the lock, every journal and hidden part file here belongs to a run that is no longer running.
            for (Path journal : list(directory, name -> name.startsWith(JOURNAL_PREFIX))) {
                if (journal.getFileName().toString().endsWith(".tmp")) {
                    Files.deleteIfExists(journal); // its commit never started: nothing visible changed
                } else {
                    LOG.info("Output directory '{}': finishing the commit that {} was making when it ended", directory,
                            lock.previousOwner() == null ? "an earlier job" : lock.previousOwner());
                    apply(directory, journal);
                }
            }
            deleteHiddenPartFiles(directory, null);
            return new FileCommitter(directory, jobId, lock);
        } catch (IOException | RuntimeException e) {
            try {
                lock.close();
            } catch (IOException closeFailure) {
                e.addSuppressed(closeFailure);
            }
            throw e;
        }
    }

    @Override
    public void commit(Collection<CommitRequest<FileSinkCommittable>> requests) throws IOException {
        if (closed) {
            throw new IllegalStateException("FileSink committer of '" + directory + "' is closed");
        }
        Set<String> parts = new HashSet<>();
        List<String> renames = new ArrayList<>();
        for (CommitRequest<FileSinkCommittable> request : requests) {
            FileSinkCommittable c = request.getCommittable();
            if (!parts.add(c.partFile())) {
                request.signalFailedWithKnownReason(new IOException("Two committables of FileSink '" + directory
                        + "' publish the same part file '" + c.partFile() + "'"));
                return;
            }
            boolean pending = Files.exists(directory.resolve(c.pendingFile()));
            if (!pending && !Files.exists(directory.resolve(c.partFile()))) {
                request.signalFailedWithKnownReason(new NoSuchFileException(directory.resolve(c.pendingFile())
                        .toString(), null, "FileSink's pending part file is gone (was the output directory changed"
                        + " while the job ran?)"));
                return;
            }
            if (!pending) {
                request.signalAlreadyCommitted();
            }
            renames.add("rename " + c.pendingFile() + " " + c.partFile());
        }
        List<String> journal = new ArrayList<>();
        journal.add(JOURNAL_HEADER);
        for (Path old : list(directory, name -> PART_FILE.matcher(name).matches() && !parts.contains(name))) {
            journal.add("delete " + old.getFileName());
        }
        journal.addAll(renames);
        journal.add(JOURNAL_END);
        Path journalFile = writeJournal(journal);
        apply(directory, journalFile);
    }

    private Path writeJournal(List<String> lines) throws IOException {
        Path target = directory.resolve(JOURNAL_PREFIX + jobId);
        Path tmp = directory.resolve(JOURNAL_PREFIX + jobId + ".tmp");
        try (FileChannel out = FileChannel.open(tmp, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                StandardOpenOption.TRUNCATE_EXISTING)) {
            out.write(java.nio.ByteBuffer.wrap((String.join("\n", lines) + "\n").getBytes(StandardCharsets.UTF_8)));
            out.force(true);
        }
        move(tmp, target);
        syncDirectory(directory);
        return target;
    }

    /** Applies a journal; every step may already have been done. Deletes the journal at the end. */
    private static void apply(Path directory, Path journal) throws IOException {
        List<String> lines = Files.readAllLines(journal, StandardCharsets.UTF_8);
        if (lines.isEmpty() || !lines.get(0).equals(JOURNAL_HEADER) || !lines.get(lines.size() - 1).equals(JOURNAL_END)) {
            throw new IOException("FileSink commit journal '" + journal + "' is damaged; the output directory may hold"
                    + " part files of two runs. Remove the directory's contents and run the job again.");
        }
        for (String line : lines.subList(1, lines.size() - 1)) {
            String[] step = line.split(" ");
            if (step[0].equals("delete") && step.length == 2) {
                Files.deleteIfExists(directory.resolve(step[1]));
            } else if (step[0].equals("rename") && step.length == 3) {
                Path pending = directory.resolve(step[1]);
                if (Files.exists(pending)) {
                    move(pending, directory.resolve(step[2]));
                }
            } else {
                throw new IOException("FileSink commit journal '" + journal + "' has an unknown step '" + line + "'");
            }
        }
        syncDirectory(directory);
        Files.deleteIfExists(journal);
    }

    /**
     * Deletes this run's hidden files (its uncommitted output), then releases the directory. A commit of this run
     * that was journaled but failed while being applied is decided: it is applied again here, and if that fails too,
     * its journal and pending files stay for the next job on the directory to finish.
     */
    @Override
    public void close() throws IOException {
        if (closed) {
            return;
        }
        closed = true;
        try {
            Path journal = directory.resolve(JOURNAL_PREFIX + jobId);
            if (Files.exists(journal)) {
                try {
                    apply(directory, journal);
                } catch (IOException e) {
                    LOG.warn("Output directory '{}': the commit of job {} could not be completed ({}); the next job"
                            + " on this directory completes it", directory, jobId, e.toString());
                    return;
                }
            }
            deleteHiddenPartFiles(directory, jobId);
        } finally {
            lock.close();
        }
    }

    /** In-progress and pending files of the job {@code jobId}, or of any job when it is null. */
    private static void deleteHiddenPartFiles(Path directory, String jobId) throws IOException {
        for (Path file : list(directory, name -> FileSink.isHiddenPartFile(name, jobId))) {
            Files.deleteIfExists(file);
        }
    }

    private static List<Path> list(Path directory, java.util.function.Predicate<String> names) throws IOException {
        List<Path> files = new ArrayList<>();
        try (DirectoryStream<Path> entries = Files.newDirectoryStream(directory)) {
            for (Path entry : entries) {
                if (names.test(entry.getFileName().toString())) {
                    files.add(entry);
                }
            }
        }
        files.sort(null);
        return files;
    }

    /** Renames atomically where the file system can (readers see the old file or the new one, never half). */
    static void move(Path from, Path to) throws IOException {
        try {
            Files.move(from, to, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (AtomicMoveNotSupportedException e) {
            // Only on a file system without atomic rename; a plain move is the best it offers.
            Files.move(from, to, StandardCopyOption.REPLACE_EXISTING);
        }
    }

    /** Makes renames durable where the platform allows opening a directory (Linux does; elsewhere skipped). */
    private static void syncDirectory(Path directory) {
        try (FileChannel dir = FileChannel.open(directory, StandardOpenOption.READ)) {
            dir.force(true);
        } catch (IOException | RuntimeException e) {
            LOG.debug("Could not sync directory {}: {}", directory, e.toString());
        }
    }
}
