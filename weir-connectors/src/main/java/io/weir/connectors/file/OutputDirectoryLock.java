package io.weir.connectors.file;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Makes one job at a time the writer of an output directory: the hidden file {@value #FILE_NAME} in it, locked
 * with an operating-system file lock for as long as the job runs, holds the owner's pid and job id.
 *
 * <p>The lock file is never deleted, only emptied on release: deleting it would let a job lock the unlinked file
 * while another locks its successor. A non-empty lock file that nobody locks belongs to a job that ended without
 * releasing it (killed); the operating system dropped its lock, so it is taken over.
 *
 * <p>The file is read and written only through the channel that holds the lock: on POSIX systems closing any other
 * descriptor of the file would drop this process's lock. For the same reason directories locked in this JVM are
 * also tracked in memory and checked first.
 */
final class OutputDirectoryLock implements AutoCloseable {
    static final String FILE_NAME = ".weir-sink.lock";
    private static final Logger LOG = LoggerFactory.getLogger(OutputDirectoryLock.class);
    /** Lock file (real path) to the owner's description, for the jobs of this JVM. */
    private static final Map<Path, String> HELD_IN_THIS_JVM = new ConcurrentHashMap<>();

    private final Path file;
    private final FileChannel channel;
    private final FileLock lock;
    private final String previousOwner;

    private OutputDirectoryLock(Path file, FileChannel channel, FileLock lock, String previousOwner) {
        this.file = file;
        this.channel = channel;
        this.lock = lock;
        this.previousOwner = previousOwner;
    }

    /**
     * Locks {@code directory} (which must exist) for the job {@code jobId}.
     *
     * @throws IOException naming the directory and the owner if another job holds it
     */
    static OutputDirectoryLock acquire(Path directory, String jobId) throws IOException {
        Path file = directory.toRealPath().resolve(FILE_NAME);
        String owner = "pid " + ProcessHandle.current().pid() + ", job " + jobId;
        String otherInThisJvm = HELD_IN_THIS_JVM.putIfAbsent(file, owner);
        if (otherInThisJvm != null) {
            if (otherInThisJvm.equals(owner)) {
                throw new IOException("Two FileSinks of job " + jobId + " write to output directory '" + directory
                        + "': their part files would collide. Give each sink its own directory.");
            }
            throw held(directory, file, otherInThisJvm);
        }
        FileChannel channel = null;
        try {
            channel = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.READ,
                    StandardOpenOption.WRITE);
            FileLock lock = channel.tryLock();
            String previous = read(channel);
            if (lock == null) {
                throw held(directory, file, previous.isBlank() ? "another process" : previous);
            }
            channel.truncate(0);
            channel.write(ByteBuffer.wrap((owner + "\n").getBytes(StandardCharsets.UTF_8)), 0);
            channel.force(true);
            if (!previous.isBlank()) {
                LOG.info("Output directory '{}' was locked by {}, which ended without releasing it: taking it over",
                        directory, previous);
            }
            return new OutputDirectoryLock(file, channel, lock, previous.isBlank() ? null : previous);
        } catch (IOException | RuntimeException e) {
            HELD_IN_THIS_JVM.remove(file, owner);
            if (channel != null) {
                channel.close();
            }
            throw e;
        }
    }

    private static IOException held(Path directory, Path file, String owner) {
        return new IOException("Output directory '" + directory + "' is being written by another job (" + owner
                + "; lock file " + file + "). Wait until that job ended, or write to another directory.");
    }

    private static String read(FileChannel channel) throws IOException {
        ByteBuffer bytes = ByteBuffer.allocate((int) Math.min(channel.size(), 4096));
        while (bytes.hasRemaining() && channel.read(bytes, bytes.position()) > 0) {
            // read until full or at the end
        }
        return new String(bytes.array(), 0, bytes.position(), StandardCharsets.UTF_8).trim();
    }

    /** The job that held the lock before and ended without releasing it, or null. */
    String previousOwner() {
        return previousOwner;
    }

    /** Empties the lock file and releases the lock. */
    @Override
    public void close() throws IOException {
        try {
            channel.truncate(0);
            channel.force(true);
            lock.release();
        } finally {
            channel.close();
            HELD_IN_THIS_JVM.remove(file);
        }
    }
}
