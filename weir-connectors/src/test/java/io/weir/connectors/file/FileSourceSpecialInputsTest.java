package io.weir.connectors.file;

import io.weir.connectors.testing.SourceHarness;
import io.weir.connectors.testing.SourceHarness.Run;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.FileNotFoundException;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.CompletableFuture;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.abort;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * Inputs that are not plain files (issue 10, item 7): a pipe, FIFO or device given as the input path is read
 * whole, once, by one reader; a directory entry that cannot be read as a file is an error naming it.
 */
class FileSourceSpecialInputsTest {
    private static final long SEED = 0x5eed_f1f0L;

    @TempDir
    Path tmp;

    @Test
    void readsAFifoGivenAsTheInputWholeByOneReaderUpToItsEnd() throws Exception {
        Path fifo = mkfifo(tmp.resolve("lines.fifo"));
        List<String> lines = randomLines(new Random(SEED), 20_000);
        CompletableFuture<Void> writer = writeInBackground(fifo, lines);

        Run<String, FileSplit> run = SourceHarness.runToEnd(FileSource.forTextLines(fifo).withBlockSize(64), 3);

        writer.join();
        assertThat(run.recordsBySplit()).hasSize(1);
        assertThat(run.recordsBySplit().keySet().iterator().next().isStream()).isTrue();
        assertThat(run.allRecords()).as("every line once, in the order written").isEqualTo(lines);
    }

    @Test
    void aFifoWhoseWriterClosesAtOnceIsAnEmptyInput() throws Exception {
        Path fifo = mkfifo(tmp.resolve("empty.fifo"));
        CompletableFuture<Void> writer = writeInBackground(fifo, List.of());

        Run<String, FileSplit> run = SourceHarness.runToEnd(FileSource.forTextLines(fifo), 2);

        writer.join();
        assertThat(run.allRecords()).isEmpty();
    }

    @Test
    void aDeviceGivenAsTheInputIsReadAsAStream() throws Exception {
        Path devNull = Path.of("/dev/null");
        assumeTrue(Files.exists(devNull), "needs /dev/null");

        Run<String, FileSplit> run = SourceHarness.runToEnd(FileSource.forTextLines(devNull), 2);

        assertThat(run.recordsBySplit()).hasSize(1);
        assertThat(run.allRecords()).isEmpty();
    }

    @Test
    void aStreamReadASecondTimeFailsSayingItCanBeReadOnlyOnce() throws Exception {
        Path fifo = mkfifo(tmp.resolve("once.fifo"));
        CompletableFuture<Void> writer = writeInBackground(fifo, List.of("a", "b"));
        FileSource source = FileSource.forTextLines(fifo);
        assertThat(SourceHarness.runToEnd(source, 1).allRecords()).containsExactly("a", "b");
        writer.join();

        // A restart or retry reads through a copy of the same source; nothing is writing any more, and reading
        // on would wait forever or see nothing, so the second read must fail before it opens the FIFO.
        assertThatThrownBy(() -> SourceHarness.runToEnd(source, 1))
                .isInstanceOf(IOException.class)
                .hasMessageContaining("Input '" + fifo.toAbsolutePath() + "' is a pipe, FIFO or device, which can be "
                        + "read only once, and it was already read")
                .hasMessageContaining("Save the input to a regular file");
    }

    @Test
    void aDanglingSymlinkInAnInputDirectoryIsAnErrorNamingIt() throws Exception {
        Path dir = Files.createDirectory(tmp.resolve("in"));
        Files.writeString(dir.resolve("a.txt"), "a\n");
        Path link = Files.createSymbolicLink(dir.resolve("b.txt"), tmp.resolve("moved-away.txt"));

        assertThatThrownBy(() -> FileSource.forTextLines(dir).createEnumerator(1))
                .isInstanceOf(FileNotFoundException.class)
                .hasMessageContaining("Input directory '" + dir + "' holds '" + link + "', a symbolic link to '"
                        + tmp.resolve("moved-away.txt") + "', which does not exist");
    }

    @Test
    void aHiddenDanglingSymlinkIsSkippedLikeOtherHiddenEntries() throws Exception {
        Path dir = Files.createDirectory(tmp.resolve("in"));
        Files.writeString(dir.resolve("a.txt"), "a\n");
        Files.createSymbolicLink(dir.resolve(".lock"), tmp.resolve("gone"));

        assertThat(SourceHarness.runToEnd(FileSource.forTextLines(dir), 1).allRecords()).containsExactly("a");
    }

    @Test
    void aSymlinkToAFileInAnInputDirectoryIsRead() throws Exception {
        Path dir = Files.createDirectory(tmp.resolve("in"));
        Path target = Files.writeString(tmp.resolve("elsewhere.txt"), "x\ny\n");
        Files.createSymbolicLink(dir.resolve("linked.txt"), target);

        assertThat(SourceHarness.runToEnd(FileSource.forTextLines(dir), 1).allRecords()).containsExactly("x", "y");
    }

    @Test
    void aDanglingSymlinkGivenAsTheInputNamesItsTarget() throws Exception {
        Path link = Files.createSymbolicLink(tmp.resolve("input.txt"), tmp.resolve("missing.txt"));

        assertThatThrownBy(() -> FileSource.forTextLines(link).createEnumerator(1))
                .isInstanceOf(FileNotFoundException.class)
                .hasMessageContaining("Input path '" + link + "' is a symbolic link to '" + tmp.resolve("missing.txt")
                        + "', which does not exist");
    }

    @Test
    void aFifoInsideAnInputDirectoryIsAnErrorNamingIt() throws Exception {
        Path dir = Files.createDirectory(tmp.resolve("in"));
        Files.writeString(dir.resolve("a.txt"), "a\n");
        Path fifo = mkfifo(dir.resolve("feed"));

        assertThatThrownBy(() -> FileSource.forTextLines(dir).createEnumerator(1))
                .isInstanceOf(IOException.class)
                .hasMessageContaining("Input directory '" + dir + "' holds '" + fifo + "', which is not a regular file")
                .hasMessageContaining("give it as the input path itself");
    }

    private static Path mkfifo(Path path) throws IOException, InterruptedException {
        Process p;
        try {
            p = new ProcessBuilder("mkfifo", path.toString()).inheritIO().start();
        } catch (IOException noMkfifo) {
            return abort("needs the mkfifo command: " + noMkfifo.getMessage());
        }
        assertThat(p.waitFor()).as("mkfifo exit code").isZero();
        return path;
    }

    /** Opening a FIFO for writing waits for its reader, so the writer runs beside the source under test. */
    private static CompletableFuture<Void> writeInBackground(Path fifo, List<String> lines) {
        return CompletableFuture.runAsync(() -> {
            try (OutputStream out = Files.newOutputStream(fifo)) {
                for (String line : lines) {
                    out.write((line + "\n").getBytes(StandardCharsets.UTF_8));
                }
            } catch (IOException e) {
                throw new RuntimeException(e);
            }
        });
    }

    private static List<String> randomLines(Random random, int count) {
        List<String> lines = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            StringBuilder line = new StringBuilder();
            for (int n = random.nextInt(30); n > 0; n--) {
                line.append((char) ('a' + random.nextInt(26)));
            }
            lines.add(line.toString());
        }
        return lines;
    }
}
