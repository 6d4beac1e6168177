package io.weir.runtime.executor;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Comparator;
import java.util.Set;
import java.util.concurrent.ThreadLocalRandom;
import java.util.stream.Stream;

/**
 * A BATCH job's work directory ({@code weir-<job>-<random hex>} under {@code io.tmp.dirs}), holding its result
 * partitions and spill files. It is owner-only ({@code rwx------}, where the file system has POSIX permissions),
 * so nothing in it is reachable by other users. It holds {@value #LOCK_FILE}: the owning process id, locked with
 * {@link FileChannel#tryLock()} for as long as the directory lives. The operating system releases that lock when
 * the process dies, even by {@code kill -9}, which is how {@link StaleWorkDirectories} tells a leftover from a
 * directory in use.
 */
final class WorkDirectory {
    static final String PREFIX = "weir-";
    static final String LOCK_FILE = "weir-owner.lock";
    private static final Logger LOG = LoggerFactory.getLogger(WorkDirectory.class);
    private static final Set<PosixFilePermission> OWNER_ONLY = PosixFilePermissions.fromString("rwx------");

    private final Path path;
    private FileChannel lockChannel;
    private boolean deleted;

    private WorkDirectory(Path path) {
        this.path = path;
    }

    /** Creates a new, locked work directory for {@code jobName} in {@code parent} (which must exist). */
    static WorkDirectory create(Path parent, String jobName) throws IOException {
        String prefix = PREFIX + fileNameSafe(jobName) + "-";
        boolean posix = parent.getFileSystem().supportedFileAttributeViews().contains("posix");
        FileAttribute<?>[] attributes = posix
                ? new FileAttribute<?>[] {PosixFilePermissions.asFileAttribute(OWNER_ONLY)} : new FileAttribute<?>[0];
        while (true) {
            // Not UUID.randomUUID(): its SecureRandom costs a trivial job's start about 10 ms. The name only
            // has to be new, which createDirectory checks atomically (64 random bits make a clash rare).
            Path candidate = parent.resolve(prefix + Long.toHexString(ThreadLocalRandom.current().nextLong()));
            try {
                Files.createDirectory(candidate, attributes);
            } catch (FileAlreadyExistsException taken) {
                continue;
            }
            WorkDirectory directory = new WorkDirectory(candidate);
            try {
                if (posix) {
                    // The umask may have removed bits from the requested permissions, never added: set them exactly.
                    Files.setPosixFilePermissions(candidate, OWNER_ONLY);
                }
                directory.lock();
            } catch (IOException | RuntimeException e) {
                directory.delete();
                throw e;
            }
            return directory;
        }
    }

    /** Letters, digits, '_' and '-' as they are, anything else as '_' (no regex: it costs a job's start). */
    static String fileNameSafe(String name) {
        StringBuilder safe = new StringBuilder(name.length());
        for (int i = 0; i < name.length(); i++) {
            char c = name.charAt(i);
            boolean plain = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_'
                    || c == '-';
            safe.append(plain ? c : '_');
        }
        return safe.toString();
    }

    private void lock() throws IOException {
        lockChannel = FileChannel.open(path.resolve(LOCK_FILE), StandardOpenOption.CREATE_NEW,
                StandardOpenOption.WRITE);
        FileLock lock = lockChannel.tryLock();
        if (lock == null) {
            throw new IOException("Could not lock " + path.resolve(LOCK_FILE) + ", which this process just created");
        }
        // Not forced to disk: after a machine crash an empty lock file counts as stale, which it then is.
        lockChannel.write(ByteBuffer.wrap((ProcessHandle.current().pid() + "\n").getBytes(StandardCharsets.US_ASCII)));
    }

    Path path() {
        return path;
    }

    /**
     * Removes the directory and everything in it, then releases the lock; at most once, from whichever thread
     * comes first (the job's thread when it ends, or the shutdown hook). Problems are logged, not thrown: a
     * leftover is removed at a later start.
     */
    synchronized void delete() {
        if (deleted) {
            return;
        }
        deleted = true;
        try (Stream<Path> paths = Files.walk(path)) {
            // The lock file goes last, with the directory: until then the directory is visibly in use.
            paths.sorted(Comparator.reverseOrder()).filter(p -> !p.equals(path) && !p.endsWith(LOCK_FILE))
                    .forEach(WorkDirectory::deleteQuietly);
        } catch (IOException | RuntimeException e) {
            LOG.warn("Could not clean up the work directory {}: {}", path, e.toString());
        }
        // Released before the lock file is deleted (some systems cannot delete an open file). A sweeper that
        // finds it unlocked in between still sees this process's id, alive, and leaves the directory alone.
        closeLock();
        deleteQuietly(path.resolve(LOCK_FILE));
        deleteQuietly(path);
    }

    private void closeLock() {
        if (lockChannel != null) {
            try {
                lockChannel.close();
            } catch (IOException e) {
                LOG.warn("Could not release the lock of {}: {}", path, e.toString());
            }
        }
    }

    static void deleteQuietly(Path p) {
        try {
            Files.deleteIfExists(p);
        } catch (IOException e) {
            LOG.warn("Could not delete {}: {}", p, e.toString());
        }
    }
}
