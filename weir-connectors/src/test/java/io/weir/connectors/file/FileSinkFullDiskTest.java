package io.weir.connectors.file;

import io.weir.api.connector.sink.SinkWriter;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * A full disk while a part file is written names the file (issue 10, item 8). The in-progress file is a link to
 * {@code /dev/full}, where every write fails with "No space left on device", as on a full disk.
 */
class FileSinkFullDiskTest {
    private static final Path DEV_FULL = Path.of("/dev/full");

    @TempDir
    Path dir;

    @Test
    void aWriteThatFindsTheDiskFullNamesTheInProgressFile() throws IOException {
        assumeTrue(Files.isWritable(DEV_FULL), "needs /dev/full (Linux)");
        Path inProgress = Files.createSymbolicLink(dir.resolve(".part-0-0.inprogress"), DEV_FULL);
        Path pending = dir.resolve(".part-0-0.pending");
        PartFileWriter<String> writer = PartFileWriter.open(inProgress, pending, "part-0-0",
                line -> line);

        assertThatThrownBy(() -> {
            for (int i = 0; i < 100_000; i++) {
                writer.write("line " + i, (SinkWriter.Context) null);
            }
            writer.flush(true);
        })
                .isInstanceOf(IOException.class)
                .hasMessageContaining("FileSink could not write its in-progress file '" + inProgress + "'")
                .hasMessageContaining("No space left on device")
                .hasMessageContaining("is the disk of the output directory full?");
        writer.close();
        assertThat(pending).doesNotExist();
        assertThat(dir.resolve("part-0-0")).doesNotExist();
    }
}
