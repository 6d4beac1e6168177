package io.weir.connectors.file;

import io.weir.api.connector.sink.SinkWriter;
import io.weir.connectors.testing.SourceHarness;
import io.weir.connectors.testing.TestWriterContext;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import static io.weir.connectors.testing.TestWriterContext.NO_TIMESTAMP;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class FileSinkTest {
    @TempDir
    Path tmp;

    @Test
    void partFileAppearsOnlyAfterFlushAtEndOfInput() throws Exception {
        Path out = tmp.resolve("out");
        SinkWriter<String> writer = FileSink.<String>forTextLines(out).createWriter(new TestWriterContext(0, 1, 0));

        writer.write("one", NO_TIMESTAMP);
        writer.write("two", NO_TIMESTAMP);
        writer.flush(false);
        assertThat(visibleFiles(out)).isEmpty();

        writer.flush(true);
        assertThat(visibleFiles(out)).containsExactly("part-0");
        assertThat(allFiles(out)).containsExactly("part-0");
        writer.close();

        assertThat(Files.readAllLines(out.resolve("part-0"))).containsExactly("one", "two");
    }

    @Test
    void closeWithoutFlushLeavesNoFiles() throws Exception {
        Path out = tmp.resolve("out");
        SinkWriter<String> writer = FileSink.<String>forTextLines(out).createWriter(new TestWriterContext(0, 1, 0));
        for (int i = 0; i < 100_000; i++) {
            writer.write("record " + i, NO_TIMESTAMP);
        }
        writer.flush(false);

        writer.close();

        assertThat(allFiles(out)).isEmpty();
    }

    @Test
    void closeWithoutFlushKeepsTheCommittedOutputOfAnEarlierRun() throws Exception {
        Path out = Files.createDirectory(tmp.resolve("out"));
        Files.writeString(out.resolve("part-0"), "earlier run\n");
        SinkWriter<String> writer = FileSink.<String>forTextLines(out).createWriter(new TestWriterContext(0, 1, 0));
        writer.write("lost", NO_TIMESTAMP);

        writer.close();

        assertThat(Files.readAllLines(out.resolve("part-0"))).containsExactly("earlier run");
    }

    @Test
    void eachSubtaskWritesItsOwnPartFile() throws Exception {
        Path out = tmp.resolve("out");
        FileSink<Integer> sink = FileSink.forTextLines(out.toString());
        SinkWriter<Integer> first = sink.createWriter(new TestWriterContext(0, 2, 0));
        SinkWriter<Integer> second = sink.createWriter(new TestWriterContext(1, 2, 0));

        first.write(1, NO_TIMESTAMP);
        second.write(2, NO_TIMESTAMP);
        first.write(3, NO_TIMESTAMP);
        second.flush(true);
        second.close();
        first.flush(true);
        first.close();

        assertThat(allFiles(out)).containsExactly("part-0", "part-1");
        assertThat(Files.readAllLines(out.resolve("part-0"))).containsExactly("1", "3");
        assertThat(Files.readAllLines(out.resolve("part-1"))).containsExactly("2");
    }

    @Test
    void replacesAPartFileOfAnEarlierRun() throws Exception {
        Path out = Files.createDirectory(tmp.resolve("out"));
        Files.writeString(out.resolve("part-0"), "old\nold\nold\n");
        SinkWriter<String> writer = FileSink.<String>forTextLines(out).createWriter(new TestWriterContext(0, 1, 0));

        writer.write("new", NO_TIMESTAMP);
        writer.flush(true);
        writer.close();

        assertThat(Files.readAllLines(out.resolve("part-0"))).containsExactly("new");
    }

    @Test
    void createsAMissingOutputDirectoryWithItsParents() throws Exception {
        Path out = tmp.resolve("a/b/c");
        SinkWriter<String> writer = FileSink.<String>forTextLines(out).createWriter(new TestWriterContext(0, 1, 0));

        writer.flush(true);
        writer.close();

        assertThat(allFiles(out)).containsExactly("part-0");
        assertThat(Files.size(out.resolve("part-0"))).isZero();
    }

    @Test
    void outputPathThatIsARegularFileFailsInCreateWriterNamingThePath() throws Exception {
        Path file = Files.writeString(tmp.resolve("taken"), "x");

        assertThatThrownBy(() -> FileSink.forTextLines(file).createWriter(new TestWriterContext(0, 1, 0)))
                .isInstanceOf(IOException.class)
                .hasMessageContaining("Output path '" + file + "'")
                .hasMessageContaining("not a directory");
    }

    @Test
    void outputDirectoryBelowARegularFileFailsInCreateWriterNamingThePath() throws Exception {
        Files.writeString(tmp.resolve("taken"), "x");
        Path out = tmp.resolve("taken/out");

        assertThatThrownBy(() -> FileSink.forTextLines(out).createWriter(new TestWriterContext(0, 1, 0)))
                .isInstanceOf(IOException.class)
                .hasMessageContaining("'" + out + "'")
                .hasMessageContaining("cannot be created");
    }

    @Test
    void aRetriedAttemptRemovesTheInProgressFileOfTheFailedOne() throws Exception {
        Path out = Files.createDirectory(tmp.resolve("out"));
        Files.writeString(out.resolve(FileSink.inProgressName(0, 0)), "half written by attempt 0");
        Files.writeString(out.resolve(FileSink.inProgressName(1, 0)), "another subtask's, not ours");

        SinkWriter<String> writer = FileSink.<String>forTextLines(out).createWriter(new TestWriterContext(0, 2, 1));
        writer.write("from attempt 1", NO_TIMESTAMP);
        writer.flush(true);
        writer.close();

        assertThat(allFiles(out)).containsExactly(FileSink.inProgressName(1, 0), "part-0");
        assertThat(Files.readAllLines(out.resolve("part-0"))).containsExactly("from attempt 1");
    }

    @Test
    void encodesRecordsWithTheGivenEncoderAsUtf8() throws Exception {
        Path out = tmp.resolve("out");
        SinkWriter<Integer> writer = FileSink.forRowFormat(out, (Integer i) -> "n=" + i + " €😀")
                .createWriter(new TestWriterContext(0, 1, 0));

        writer.write(7, NO_TIMESTAMP);
        writer.write(8, NO_TIMESTAMP);
        writer.flush(true);
        writer.close();

        assertThat(Files.readString(out.resolve("part-0"), StandardCharsets.UTF_8)).isEqualTo("n=7 €😀\nn=8 €😀\n");
    }

    @Test
    void writesLinesLargerThanItsBufferAndManySmallOnesInOrder() throws Exception {
        Path out = tmp.resolve("out");
        List<String> lines = new ArrayList<>();
        for (int i = 0; i < 20_000; i++) {
            lines.add(i % 5_000 == 0 ? "é".repeat(100_000) + i : "line " + i);
        }
        SinkWriter<String> writer = FileSink.<String>forTextLines(out).createWriter(new TestWriterContext(0, 1, 0));

        for (String line : lines) {
            writer.write(line, NO_TIMESTAMP);
        }
        writer.flush(true);
        writer.close();

        assertThat(Files.readAllLines(out.resolve("part-0"), StandardCharsets.UTF_8)).containsExactlyElementsOf(lines);
    }

    @Test
    void refusesRecordsAfterTheEndOfInput() throws Exception {
        SinkWriter<String> writer = FileSink.<String>forTextLines(tmp).createWriter(new TestWriterContext(0, 1, 0));
        writer.flush(true);

        assertThatThrownBy(() -> writer.write("late", NO_TIMESTAMP)).isInstanceOf(IllegalStateException.class);
        writer.close();
    }

    @Test
    void whatTheSinkWritesTheFileSourceReadsBackSkippingInProgressFiles() throws Exception {
        Path out = tmp.resolve("out");
        FileSink<String> sink = FileSink.forTextLines(out);
        SinkWriter<String> done = sink.createWriter(new TestWriterContext(0, 2, 0));
        SinkWriter<String> stillRunning = sink.createWriter(new TestWriterContext(1, 2, 0));
        done.write("", NO_TIMESTAMP);
        done.write("a\r", NO_TIMESTAMP);
        done.write("ü", NO_TIMESTAMP);
        stillRunning.write("not yet", NO_TIMESTAMP);
        stillRunning.flush(false);
        done.flush(true);
        done.close();

        List<String> read = SourceHarness.runToEnd(FileSource.forTextLines(out).withBlockSize(2), 2).allRecords();

        // "a\r" reads back as "a": a trailing carriage return is taken for half of a CRLF line end.
        assertThat(read).containsExactlyInAnyOrder("", "a", "ü");
        stillRunning.close();
    }

    private static List<String> visibleFiles(Path dir) throws IOException {
        return allFiles(dir).stream().filter(name -> !name.startsWith(".")).toList();
    }

    private static List<String> allFiles(Path dir) throws IOException {
        try (Stream<Path> files = Files.list(dir)) {
            return files.map(p -> p.getFileName().toString()).sorted().toList();
        }
    }
}
