package io.weir.connectors.file;

import io.weir.api.connector.source.Boundedness;
import io.weir.api.connector.source.InputStatus;
import io.weir.api.connector.source.SplitEnumerator;
import io.weir.connectors.testing.RecordingOutput;
import io.weir.connectors.testing.SourceHarness;
import io.weir.connectors.testing.SourceHarness.Run;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.FileNotFoundException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeFalse;

class FileSourceTest {
    @TempDir
    Path tmp;

    static Stream<Arguments> blockSizesParallelismsAndSeeds() {
        List<Arguments> cases = new ArrayList<>();
        for (long blockSize : new long[] {1, 7, 64, 1000}) {
            for (int parallelism : new int[] {1, 2, 4}) {
                for (long seed = 1; seed <= 3; seed++) {
                    cases.add(Arguments.of(blockSize, parallelism, seed));
                }
            }
        }
        return cases.stream();
    }

    @ParameterizedTest(name = "block {0}, parallelism {1}, seed {2}")
    @MethodSource("blockSizesParallelismsAndSeeds")
    void readsEveryLineOfARandomFileExactlyOnceAcrossSplits(long blockSize, int parallelism, long seed) throws Exception {
        RandomText text = RandomText.generate(new Random(seed), 300);
        Path file = write("input.txt", text.bytes());

        Run<String, FileSplit> run = SourceHarness.runToEnd(FileSource.forTextLines(file).withBlockSize(blockSize), parallelism);

        assertThat(inFileOrder(run)).containsExactlyElementsOf(text.lines());
        assertThat(run.allRecords()).containsExactlyInAnyOrderElementsOf(text.lines());
        if (parallelism == 1) {
            assertThat(run.allRecords()).containsExactlyElementsOf(text.lines());
        }
    }

    @Test
    void readsLinesThatStartExactlyOnBlockBoundariesOnce() throws Exception {
        // Lines start at 0, 4, 8 and 12: every block of 4 begins with a line.
        String content = "abc\ndef\nghi\njk\n";
        for (long blockSize = 1; blockSize <= content.length() + 1; blockSize++) {
            assertThat(readAll(content, blockSize, 2)).as("block size %d", blockSize)
                    .containsExactly("abc", "def", "ghi", "jk");
        }
    }

    @Test
    void keepsEmptyLinesAsEmptyRecords() throws Exception {
        for (long blockSize = 1; blockSize <= 8; blockSize++) {
            assertThat(readAll("\n\na\n\n\nb\n\n", blockSize, 3)).as("block size %d", blockSize)
                    .containsExactly("", "", "a", "", "", "b", "");
        }
    }

    @Test
    void stripsTheCarriageReturnOfCrlfLineEnds() throws Exception {
        for (long blockSize = 1; blockSize <= 12; blockSize++) {
            assertThat(readAll("ab\r\n\r\ncd\r\nx\ry\r\n", blockSize, 2)).as("block size %d", blockSize)
                    .containsExactly("ab", "", "cd", "x\ry");
        }
    }

    @Test
    void includesALastLineWithoutNewlineAndAddsNoRecordAfterAFinalNewline() throws Exception {
        assertThat(readAll("a\nb", 1, 1)).containsExactly("a", "b");
        assertThat(readAll("a\nb\n", 1, 1)).containsExactly("a", "b");
        assertThat(readAll("\n", 1, 1)).containsExactly("");
        assertThat(readAll("last", 2, 2)).containsExactly("last");
    }

    @Test
    void emptyFileGivesNoSplitsAndNoRecords() throws Exception {
        Path file = write("empty.txt", new byte[0]);

        SplitEnumerator<FileSplit> enumerator = FileSource.forTextLines(file).createEnumerator(2);

        assertThat(enumerator.nextSplit(0)).isEmpty();
    }

    @Test
    void decodesMultiByteCharactersThatStraddleABlockBoundary() throws Exception {
        // € is 3 bytes, 😀 is 4 bytes, é is 2: every block size cuts through some character.
        String content = "a€b\n€€€\n😀é😀\né\n";
        for (long blockSize = 1; blockSize <= content.getBytes(StandardCharsets.UTF_8).length; blockSize++) {
            assertThat(readAll(content, blockSize, 2)).as("block size %d", blockSize)
                    .containsExactly("a€b", "€€€", "😀é😀", "é");
        }
    }

    @Test
    void readsLinesLongerThanTheReadBufferWhole() throws Exception {
        String longLine = "x".repeat(50_000) + "€".repeat(10_000);
        Path file = write("long.txt", ("short\n" + longLine + "\nend").getBytes(StandardCharsets.UTF_8));
        TextLineReader reader = new TextLineReader(16);
        RecordingOutput<String> output = new RecordingOutput<>();

        reader.addSplit(new FileSplit(file.toString(), 0, Files.size(file)));
        while (reader.pollNext(output) != InputStatus.END_OF_SPLIT) {
            assertThat(output.records()).hasSizeLessThanOrEqualTo(3);
        }

        assertThat(output.records()).containsExactly("short", longLine, "end");
    }

    @Test
    void emitsAtMostAThousandLinesPerPoll() throws Exception {
        StringBuilder content = new StringBuilder();
        List<String> expected = new ArrayList<>();
        for (int i = 0; i < 5_500; i++) {
            content.append(i).append('\n');
            expected.add(String.valueOf(i));
        }
        Path file = write("many.txt", content.toString().getBytes(StandardCharsets.UTF_8));

        Run<String, FileSplit> run = SourceHarness.runToEnd(FileSource.forTextLines(file), 1);

        assertThat(run.maxRecordsPerPoll()).isEqualTo(TextLineReader.MAX_LINES_PER_POLL);
        assertThat(run.allRecords()).containsExactlyElementsOf(expected);
    }

    @Test
    void cutsFilesLargerThanTheBlockSizeIntoByteRanges() throws Exception {
        Path file = write("ten.txt", "123456789\n".getBytes(StandardCharsets.UTF_8));

        SplitEnumerator<FileSplit> enumerator = FileSource.forTextLines(file.toString()).withBlockSize(4).createEnumerator(1);

        List<String> ids = new ArrayList<>();
        for (Optional<FileSplit> s = enumerator.nextSplit(0); s.isPresent(); s = enumerator.nextSplit(0)) {
            ids.add(s.get().splitId());
        }
        assertThat(ids).containsExactly(file + "[0,+4]", file + "[4,+4]", file + "[8,+2]");
    }

    @Test
    void readsAllVisibleFilesOfADirectoryTreeInPathOrderAndSkipsHiddenOnes() throws Exception {
        Path dir = tmp.resolve("in");
        write("in/b.txt", "b1\nb2\n");
        write("in/a.txt", "a1\na2");
        write("in/sub/c.txt", "c1\n");
        write("in/sub/deeper/d.txt", "d1\n");
        write("in/.hidden.txt", "hidden\n");
        write("in/_SUCCESS", "marker\n");
        write("in/.part-0-0.inprogress", "in progress\n");
        write("in/.git/config", "hidden dir\n");
        write("in/_temporary/x.txt", "hidden dir\n");
        write("in/sub/.also-hidden", "hidden\n");

        for (int parallelism : new int[] {1, 3}) {
            Run<String, FileSplit> run = SourceHarness.runToEnd(FileSource.forTextLines(dir).withBlockSize(2), parallelism);

            assertThat(inFileOrder(run)).containsExactly("a1", "a2", "b1", "b2", "c1", "d1");
        }
    }

    @Test
    void readsADirectoryWhoseOwnNameStartsWithAnUnderscore() throws Exception {
        Path dir = tmp.resolve("_input");
        write("_input/f.txt", "x\n");

        assertThat(SourceHarness.runToEnd(FileSource.forTextLines(dir), 1).allRecords()).containsExactly("x");
    }

    @Test
    void emptyDirectoryIsAJobThatReadsNothing() throws Exception {
        Path dir = Files.createDirectory(tmp.resolve("empty"));
        write("empty/.only-hidden", "x\n");

        Run<String, FileSplit> run = SourceHarness.runToEnd(FileSource.forTextLines(dir), 2);

        assertThat(run.recordsBySplit()).isEmpty();
        assertThat(run.allRecords()).isEmpty();
    }

    @Test
    void missingPathFailsWhenTheEnumeratorIsCreatedNamingThePath() {
        Path missing = tmp.resolve("no/such/input");

        assertThatThrownBy(() -> FileSource.forTextLines(missing).createEnumerator(1))
                .isInstanceOf(FileNotFoundException.class)
                .hasMessageContaining("Input path '" + missing + "' does not exist");
    }

    @Test
    void missingRelativePathErrorAlsoShowsWhereItWasLookedFor() {
        assertThatThrownBy(() -> FileSource.forTextLines("no-such-dir/x.txt").createEnumerator(1))
                .hasMessageContaining("Input path 'no-such-dir/x.txt' does not exist")
                .hasMessageContaining(Path.of("no-such-dir/x.txt").toAbsolutePath().toString());
    }

    @Test
    void unreadableFileFailsWhenTheEnumeratorIsCreatedNamingTheFile() throws Exception {
        Path file = write("secret.txt", "x\n");
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("-w-------"));
        assumeFalse(Files.isReadable(file), "permissions are not enforced for this user (root?)");

        assertThatThrownBy(() -> FileSource.forTextLines(tmp).createEnumerator(1))
                .hasMessageContaining("Input file '" + file + "' is not readable");
    }

    @ParameterizedTest
    @ValueSource(longs = {0, -1})
    void rejectsABlockSizeBelowOneByte(long blockSize) {
        assertThatThrownBy(() -> FileSource.forTextLines(tmp).withBlockSize(blockSize))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("block size");
    }

    @Test
    void isBoundedAndKeepsItsSettingsInCopies() {
        FileSource source = FileSource.forTextLines(tmp);
        FileSource small = source.withBlockSize(100);

        assertThat(source.getBoundedness()).isEqualTo(Boundedness.BOUNDED);
        assertThat(source.getBlockSize()).isEqualTo(FileSource.DEFAULT_BLOCK_SIZE);
        assertThat(small.getBlockSize()).isEqualTo(100);
        assertThat(small.getPath()).isEqualTo(tmp);
    }

    private List<String> readAll(String content, long blockSize, int parallelism) throws Exception {
        Path file = write("case-" + blockSize + ".txt", content.getBytes(StandardCharsets.UTF_8));
        return inFileOrder(SourceHarness.runToEnd(FileSource.forTextLines(file).withBlockSize(blockSize), parallelism));
    }

    /** Records of all splits, splits ordered by file and offset: the file's lines if each was read once. */
    private static List<String> inFileOrder(Run<String, FileSplit> run) {
        List<String> lines = new ArrayList<>();
        run.recordsBySplit().entrySet().stream()
                .sorted(Comparator.comparing((java.util.Map.Entry<FileSplit, List<String>> e) -> e.getKey().path())
                        .thenComparingLong(e -> e.getKey().start()))
                .forEach(e -> lines.addAll(e.getValue()));
        return lines;
    }

    private Path write(String name, String content) throws IOException {
        return write(name, content.getBytes(StandardCharsets.UTF_8));
    }

    private Path write(String name, byte[] content) throws IOException {
        Path file = tmp.resolve(name);
        Files.createDirectories(file.getParent());
        return Files.write(file, content);
    }

    /** Lines of random UTF-8 text, some empty, with LF or CRLF ends and maybe no final newline. */
    record RandomText(List<String> lines, byte[] bytes) {
        private static final String[] PIECES = {"a", "b", "z", " ", "0", "é", "€", "中", "😀", "\t"};

        static RandomText generate(Random random, int lineCount) {
            List<String> lines = new ArrayList<>();
            StringBuilder text = new StringBuilder();
            boolean finalNewline = random.nextBoolean();
            for (int i = 0; i < lineCount; i++) {
                StringBuilder line = new StringBuilder();
                int length = random.nextInt(6) == 0 ? 0 : random.nextInt(30);
                boolean last = i == lineCount - 1;
                if (last && !finalNewline && length == 0) {
                    length = 1;
                }
                for (int c = 0; c < length; c++) {
                    line.append(PIECES[random.nextInt(PIECES.length)]);
                }
                lines.add(line.toString());
                text.append(line);
                if (!last || finalNewline) {
                    text.append(random.nextInt(3) == 0 ? "\r\n" : "\n");
                }
            }
            return new RandomText(lines, text.toString().getBytes(StandardCharsets.UTF_8));
        }
    }
}
