package io.weir.runtime.executor;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Comparator;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Stream;

/**
 * Finds and removes the work directories that processes killed without a chance to clean up ({@code kill -9}, a
 * crash, a power cut) left in {@code io.tmp.dirs}. A directory is stale when its {@value WorkDirectory#LOCK_FILE}
 * is not locked by anyone (a live owner holds the lock until it removes the directory) and the process id in it
 * is not alive. Directories without a lock file are not Weir's (or predate it) and are left alone. Each base
 * directory is swept once per process, when its first BATCH job starts.
 */
final class StaleWorkDirectories {
    private static final Logger LOG = LoggerFactory.getLogger(StaleWorkDirectories.class);
    private static final Set<Path> SWEPT = ConcurrentHashMap.newKeySet();

    /** Not a process id: what {@link #staleOwner} says of a directory that is not stale. */
    private static final long NOT_STALE = Long.MIN_VALUE;

    private StaleWorkDirectories() {
    }

    /** Sweeps {@code base} unless this process already did. */
    static void sweepOnce(Path base) {
        if (SWEPT.add(base.toAbsolutePath().normalize())) {
            sweep(base);
        }
    }

    /** Removes every stale work directory directly in {@code base}; returns how many. Never throws. */
    static int sweep(Path base) {
        int removed = 0;
        try (DirectoryStream<Path> entries = Files.newDirectoryStream(base,
                p -> p.getFileName().toString().startsWith(WorkDirectory.PREFIX))) {
            for (Path dir : entries) {
                long owner = staleOwner(dir);
                if (owner != NOT_STALE) {
                    LOG.info("Removing the work directory {} left by process {}, which is gone", dir, owner);
                    removeTree(dir);
                    removed++;
                }
            }
        } catch (IOException | RuntimeException e) {
            LOG.warn("Could not look for stale work directories in {}: {}", base, e.toString());
        }
        return removed;
    }

    static boolean isStale(Path dir) {
        return staleOwner(dir) != NOT_STALE;
    }

    /**
     * The id of the dead process that left {@code dir} (-1 when none could be read), or {@link #NOT_STALE} when
     * the directory is not a work directory, its lock is held, or it cannot be judged.
     */
    private static long staleOwner(Path dir) {
        Path lockFile = dir.resolve(WorkDirectory.LOCK_FILE);
        if (!Files.isDirectory(dir) || !Files.isRegularFile(lockFile)) {
            return NOT_STALE;
        }
        try (FileChannel channel = FileChannel.open(lockFile, StandardOpenOption.READ, StandardOpenOption.WRITE)) {
            FileLock lock = channel.tryLock();
            if (lock == null) {
                return NOT_STALE;
            }
            lock.release();
        } catch (OverlappingFileLockException heldHere) {
            return NOT_STALE;
        } catch (IOException e) {
            // Unreadable or not lockable (another user's directory, a file system without locks): not ours to judge.
            return NOT_STALE;
        }
        long owner = ownerOf(dir);
        // No readable id behind a free lock: the owner died between locking and writing it.
        boolean gone = owner <= 0 || !ProcessHandle.of(owner).map(ProcessHandle::isAlive).orElse(false);
        return gone ? owner : NOT_STALE;
    }

    /** The process id written in the lock file, or -1 when it cannot be read. */
    static long ownerOf(Path dir) {
        try {
            return Long.parseLong(Files.readString(dir.resolve(WorkDirectory.LOCK_FILE), StandardCharsets.US_ASCII)
                    .trim());
        } catch (IOException | NumberFormatException e) {
            return -1;
        }
    }

    private static void removeTree(Path dir) {
        try (Stream<Path> paths = Files.walk(dir)) {
            paths.sorted(Comparator.reverseOrder()).forEach(WorkDirectory::deleteQuietly);
        } catch (IOException e) {
            LOG.warn("Could not remove the stale work directory {}: {}", dir, e.toString());
        }
    }
}
