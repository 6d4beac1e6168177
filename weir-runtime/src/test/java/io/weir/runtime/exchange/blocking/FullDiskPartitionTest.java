package io.weir.runtime.exchange.blocking;

import io.weir.api.eventtime.TimestampAssigner;
import io.weir.runtime.exchange.ChannelSelector;
import io.weir.runtime.serialization.RecordSerializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * A full disk while a result partition is written names the file and the setting to change (issue 10, item 8).
 * The in-progress data file is a link to {@code /dev/full}, where every write fails with "No space left on
 * device", as it does on a full disk.
 */
class FullDiskPartitionTest {
    private static final Path DEV_FULL = Path.of("/dev/full");

    @TempDir
    Path dir;

    @Test
    void aWriteThatFindsTheDiskFullNamesTheFileAndIoTmpDirs() throws IOException {
        assumeTrue(Files.isWritable(DEV_FULL), "needs /dev/full (Linux)");
        ResultPartitionFiles files = ResultPartitionFiles.at(dir.resolve("task1-exchange2-subtask0-attempt0"));
        Files.createSymbolicLink(files.inProgressDataFile(), DEV_FULL);
        BlockingPartitionWriter writer = new BlockingPartitionWriter(files, 2, ChannelSelector.roundRobin(2, 0),
                new RecordSerializer(), 64 << 10);

        assertThatThrownBy(() -> {
            for (int i = 0; i < 1_000_000; i++) {
                writer.emit("record " + i, TimestampAssigner.NO_TIMESTAMP);
            }
            writer.finish();
        })
                .isInstanceOfAny(IOException.class, UncheckedIOException.class)
                .hasMessageContaining("Cannot write result partition file '" + files.inProgressDataFile() + "'")
                .hasMessageContaining("No space left on device")
                .hasMessageContaining("point io.tmp.dirs at directories with more room");
        writer.abort();
    }
}
