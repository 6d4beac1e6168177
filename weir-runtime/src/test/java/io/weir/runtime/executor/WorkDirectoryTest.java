package io.weir.runtime.executor;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assumptions.assumeThat;

/** A BATCH work directory: owner-only, locked by its live owner, removed completely; stale ones are found. */
class WorkDirectoryTest {
    @TempDir
    Path base;

    @Test
    void isReadableByItsOwnerOnly() throws IOException {
        assumeThat(base.getFileSystem().supportedFileAttributeViews()).contains("posix");
        WorkDirectory directory = WorkDirectory.create(base, "job");

        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(directory.path())))
                .isEqualTo("rwx------");
        directory.delete();
    }

    @Test
    void carriesTheOwningProcessIdAndIsNotStaleWhileItsOwnerHoldsIt() throws IOException {
        WorkDirectory directory = WorkDirectory.create(base, "word count");

        assertThat(directory.path().getFileName().toString()).startsWith("weir-word_count-");
        assertThat(StaleWorkDirectories.ownerOf(directory.path())).isEqualTo(ProcessHandle.current().pid());
        assertThat(StaleWorkDirectories.isStale(directory.path())).isFalse();
        assertThat(StaleWorkDirectories.sweep(base)).isZero();
        assertThat(directory.path()).isDirectory();
        directory.delete();
    }

    @Test
    void deleteRemovesEverythingInsideAndIsIdempotent() throws IOException {
        WorkDirectory directory = WorkDirectory.create(base, "job");
        Files.createDirectories(directory.path().resolve("spill/run-1"));
        Files.writeString(directory.path().resolve("spill/run-1/part"), "data");
        Files.writeString(directory.path().resolve("partition-0"), "data");

        directory.delete();
        directory.delete();

        assertThat(entries(base)).isEmpty();
    }

    @Test
    void aDirectoryWhoseOwnerIsGoneAndWhoseLockIsFreeIsRemovedByTheSweep() throws Exception {
        Path leftover = leftoverOf(deadProcessId());
        Files.writeString(leftover.resolve("partition-3"), "data");

        assertThat(StaleWorkDirectories.isStale(leftover)).isTrue();
        assertThat(StaleWorkDirectories.sweep(base)).isEqualTo(1);
        assertThat(entries(base)).isEmpty();
    }

    @Test
    void aDirectoryWithAFreeLockButALiveOwnerIsLeftAlone() throws Exception {
        Path leftover = leftoverOf(ProcessHandle.current().pid());

        assertThat(StaleWorkDirectories.sweep(base)).isZero();
        assertThat(leftover).isDirectory();
    }

    @Test
    void directoriesWithoutALockFileAreNotWeirsToRemove() throws IOException {
        Path foreign = Files.createDirectory(base.resolve("weir-something-else"));
        Path other = Files.createDirectory(base.resolve("unrelated"));

        assertThat(StaleWorkDirectories.sweep(base)).isZero();
        assertThat(foreign).isDirectory();
        assertThat(other).isDirectory();
    }

    /** What a process killed mid-job leaves: the directory and its lock file with the pid, nobody holding the lock. */
    private Path leftoverOf(long pid) throws IOException {
        Path dir = Files.createDirectory(base.resolve("weir-killed-job-0123abcd"));
        Files.writeString(dir.resolve(WorkDirectory.LOCK_FILE), pid + "\n");
        return dir;
    }

    /** The id of a process that has ended (a short-lived child, waited for). */
    private static long deadProcessId() throws IOException, InterruptedException {
        Process child = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-version").redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        child.waitFor();
        assertThat(child.toHandle().isAlive()).isFalse();
        return child.pid();
    }

    private static List<Path> entries(Path dir) throws IOException {
        try (Stream<Path> s = Files.list(dir)) {
            return s.toList();
        }
    }
}
