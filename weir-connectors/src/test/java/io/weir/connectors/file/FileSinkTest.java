package io.weir.connectors.file;

import io.weir.api.connector.sink.Committer;
import io.weir.api.connector.sink.CommittingSinkWriter;
import io.weir.connectors.testing.SourceHarness;
import io.weir.connectors.testing.TestCommitRequest;
import io.weir.connectors.testing.TestCommitterContext;
import io.weir.connectors.testing.TestWriterContext;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.stream.Stream;

import static io.weir.connectors.testing.TestCommitRequest.Outcome.ALREADY_COMMITTED;
import static io.weir.connectors.testing.TestCommitRequest.Outcome.COMMITTED;
import static io.weir.connectors.testing.TestCommitRequest.Outcome.FAILED;
import static io.weir.connectors.testing.TestWriterContext.NO_TIMESTAMP;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class FileSinkTest {
    private static final String LOCK = OutputDirectoryLock.FILE_NAME;

    @TempDir
    Path tmp;

    @Test
    void partFileAppearsOnlyWhenTheCommitterPublishesIt() throws Exception {
        Path out = tmp.resolve("out");
        FileSink<String> sink = FileSink.forTextLines(out);
        Committer<FileSinkCommittable> committer = sink.createCommitter(new TestCommitterContext(1));
        CommittingSinkWriter<String, FileSinkCommittable> writer = sink.createWriter(new TestWriterContext(0, 1, 0));

        writer.write("one", NO_TIMESTAMP);
        writer.write("two", NO_TIMESTAMP);
        writer.flush(false);
        assertThat(visibleFiles(out)).isEmpty();
        writer.flush(true);
        Collection<FileSinkCommittable> prepared = writer.prepareCommit();
        writer.close();
        assertThat(visibleFiles(out)).as("prepared but not committed").isEmpty();

        List<TestCommitRequest<FileSinkCommittable>> requests = TestCommitRequest.of(prepared);
        TestCommitRequest.commit(committer, requests);
        committer.close();

        assertThat(requests).extracting(TestCommitRequest::outcome).containsExactly(COMMITTED);
        assertThat(allFiles(out)).containsExactly(LOCK, "part-0-0");
        assertThat(Files.readAllLines(out.resolve("part-0-0"))).containsExactly("one", "two");
        assertThat(Files.size(out.resolve(LOCK))).as("released").isZero();
    }

    @Test
    void inProgressFileNamesAreUniquePerJobRunSubtaskAndAttempt() throws Exception {
        Path out = tmp.resolve("out");
        FileSink<String> sink = FileSink.forTextLines(out);
        sink.createWriter(new TestWriterContext(0, 2, 0, "aaaa"));
        sink.createWriter(new TestWriterContext(1, 2, 0, "aaaa"));
        sink.createWriter(new TestWriterContext(0, 2, 1, "aaaa"));
        sink.createWriter(new TestWriterContext(0, 2, 0, "bbbb"));

        assertThat(allFiles(out)).hasSize(4).allMatch(name -> name.startsWith(".part-") && name.endsWith(".inprogress"));
    }

    @Test
    void writerClosedWithoutPrepareCommitLeavesNoFiles() throws Exception {
        Path out = tmp.resolve("out");
        CommittingSinkWriter<String, FileSinkCommittable> writer =
                FileSink.<String>forTextLines(out).createWriter(new TestWriterContext(0, 1, 0));
        for (int i = 0; i < 100_000; i++) {
            writer.write("record " + i, NO_TIMESTAMP);
        }
        writer.flush(true);

        writer.close();

        assertThat(allFiles(out)).isEmpty();
    }

    @Test
    void committerClosedWithoutCommitDiscardsWhatItsRunPreparedAndKeepsTheEarlierOutput() throws Exception {
        Path out = Files.createDirectory(tmp.resolve("out"));
        Files.writeString(out.resolve("part-0-0"), "earlier run\n");
        FileSink<String> sink = FileSink.forTextLines(out);
        Committer<FileSinkCommittable> committer = sink.createCommitter(new TestCommitterContext(2));
        prepare(sink, 0, 2, "lost 0");
        prepare(sink, 1, 2, "lost 1");

        committer.close();

        assertThat(allFiles(out)).containsExactly(LOCK, "part-0-0");
        assertThat(Files.readAllLines(out.resolve("part-0-0"))).containsExactly("earlier run");
    }

    @Test
    void twoWritersPublishTheirPartFilesInOneCommit() throws Exception {
        Path out = tmp.resolve("out");
        FileSink<Integer> sink = FileSink.forTextLines(out.toString());
        Committer<FileSinkCommittable> committer = sink.createCommitter(new TestCommitterContext(2));
        CommittingSinkWriter<Integer, FileSinkCommittable> first = sink.createWriter(new TestWriterContext(0, 2, 0));
        CommittingSinkWriter<Integer, FileSinkCommittable> second = sink.createWriter(new TestWriterContext(1, 2, 0));
        first.write(1, NO_TIMESTAMP);
        second.write(2, NO_TIMESTAMP);
        first.write(3, NO_TIMESTAMP);
        List<FileSinkCommittable> prepared = new ArrayList<>();
        second.flush(true);
        prepared.addAll(second.prepareCommit());
        second.close();
        first.flush(true);
        prepared.addAll(first.prepareCommit());
        first.close();
        assertThat(visibleFiles(out)).isEmpty();

        TestCommitRequest.commit(committer, TestCommitRequest.of(prepared));
        committer.close();

        assertThat(visibleFiles(out)).containsExactly("part-0-0", "part-1-0");
        assertThat(Files.readAllLines(out.resolve("part-0-0"))).containsExactly("1", "3");
        assertThat(Files.readAllLines(out.resolve("part-1-0"))).containsExactly("2");
    }

    @Test
    void committingTheSameCommittablesAgainChangesNothingAndDoesNotFail() throws Exception {
        Path out = tmp.resolve("out");
        FileSink<String> sink = FileSink.forTextLines(out);
        Committer<FileSinkCommittable> committer = sink.createCommitter(new TestCommitterContext(2));
        List<FileSinkCommittable> prepared = new ArrayList<>(prepare(sink, 0, 2, "a"));
        prepared.addAll(prepare(sink, 1, 2, "b"));
        TestCommitRequest.commit(committer, TestCommitRequest.of(prepared));

        List<TestCommitRequest<FileSinkCommittable>> again = TestCommitRequest.of(prepared);
        TestCommitRequest.commit(committer, again);
        committer.close();

        assertThat(again).extracting(TestCommitRequest::outcome).containsExactly(ALREADY_COMMITTED, ALREADY_COMMITTED);
        assertThat(visibleFiles(out)).containsExactly("part-0-0", "part-1-0");
        assertThat(Files.readAllLines(out.resolve("part-0-0"))).containsExactly("a");
        assertThat(Files.readAllLines(out.resolve("part-1-0"))).containsExactly("b");
    }

    @Test
    void aCommitWhosePendingFileVanishedFailsNamingTheFile() throws Exception {
        Path out = tmp.resolve("out");
        FileSink<String> sink = FileSink.forTextLines(out);
        Committer<FileSinkCommittable> committer = sink.createCommitter(new TestCommitterContext(1));
        Collection<FileSinkCommittable> prepared = prepare(sink, 0, 1, "x");
        String pending = prepared.iterator().next().pendingFile();
        Files.delete(out.resolve(pending));

        List<TestCommitRequest<FileSinkCommittable>> requests = TestCommitRequest.of(prepared);
        TestCommitRequest.commit(committer, requests);
        committer.close();

        assertThat(requests.get(0).outcome()).isEqualTo(FAILED);
        assertThat(requests.get(0).failure()).hasMessageContaining(pending).hasMessageContaining("gone");
        assertThat(visibleFiles(out)).isEmpty();
    }

    @Test
    void aSuccessfulRunReplacesThePartFilesOfEarlierRunsAndLeavesOtherFiles() throws Exception {
        Path out = Files.createDirectory(tmp.resolve("out"));
        Files.writeString(out.resolve("part-0-0"), "old\n");
        Files.writeString(out.resolve("part-3-0"), "old, from a run with parallelism 4\n");
        Files.writeString(out.resolve("part-1"), "old, from an older Weir\n");
        Files.writeString(out.resolve("notes.txt"), "mine\n");
        FileSink<String> sink = FileSink.forTextLines(out);
        Committer<FileSinkCommittable> committer = sink.createCommitter(new TestCommitterContext(1));

        TestCommitRequest.commit(committer, TestCommitRequest.of(prepare(sink, 0, 1, "new")));
        committer.close();

        assertThat(visibleFiles(out)).containsExactly("notes.txt", "part-0-0");
        assertThat(Files.readAllLines(out.resolve("part-0-0"))).containsExactly("new");
    }

    @Test
    void aSecondCommitterOnTheSameDirectoryFailsAtOnceNamingTheDirectoryAndTheOwner() throws Exception {
        Path out = tmp.resolve("out");
        FileSink<String> sink = FileSink.forTextLines(out);
        Committer<FileSinkCommittable> first = sink.createCommitter(new TestCommitterContext("1111", 1));

        assertThatThrownBy(() -> sink.createCommitter(new TestCommitterContext("2222", 1)))
                .isInstanceOf(IOException.class)
                .hasMessageContaining("Output directory '" + out + "' is being written by another job")
                .hasMessageContaining("pid " + ProcessHandle.current().pid())
                .hasMessageContaining("job 1111");
        first.close();

        FileSink.<String>forTextLines(out).createCommitter(new TestCommitterContext("2222", 1)).close();
    }

    @Test
    void twoSinksOfOneJobOnTheSameDirectoryAreRefused() throws Exception {
        Path out = tmp.resolve("out");
        Committer<FileSinkCommittable> first = FileSink.<String>forTextLines(out).createCommitter(new TestCommitterContext(1));

        assertThatThrownBy(() -> FileSink.<Integer>forTextLines(out).createCommitter(new TestCommitterContext(1)))
                .isInstanceOf(IOException.class)
                .hasMessageContaining("Two FileSinks of job " + TestWriterContext.JOB_ID)
                .hasMessageContaining("'" + out + "'")
                .hasMessageContaining("Give each sink its own directory");
        first.close();
    }

    @Test
    void aStaleLockIsTakenOverAndWhatItsRunLeftIsRemoved() throws Exception {
        Path out = Files.createDirectory(tmp.resolve("out"));
        String deadJob = "dead0000000000000000000000000000";
        Files.writeString(out.resolve(LOCK), "pid 2147483646, job " + deadJob + "\n");
        Files.writeString(out.resolve(FileSink.hiddenName(0, deadJob, 0) + ".inprogress"), "half");
        Files.writeString(out.resolve(FileSink.hiddenName(1, deadJob, 0) + ".pending"), "never committed");
        Files.writeString(out.resolve("part-0-0"), "earlier, complete\n");

        Committer<FileSinkCommittable> committer =
                FileSink.<String>forTextLines(out).createCommitter(new TestCommitterContext(1));

        assertThat(allFiles(out)).containsExactly(LOCK, "part-0-0");
        assertThat(Files.readString(out.resolve(LOCK))).contains("pid " + ProcessHandle.current().pid());
        committer.close();
    }

    @Test
    void aCommitInterruptedByACrashIsFinishedByTheNextJobOnTheDirectory() throws Exception {
        Path out = Files.createDirectory(tmp.resolve("out"));
        String deadJob = "dead0000000000000000000000000000";
        Files.writeString(out.resolve(LOCK), "pid 2147483646, job " + deadJob + "\n");
        // The dead run had journaled its commit, deleted the old part file and renamed subtask 0's file.
        Files.writeString(out.resolve(FileCommitter.JOURNAL_PREFIX + deadJob), String.join("\n",
                "weir-file-sink-commit 1",
                "delete part-2-0",
                "rename " + FileSink.hiddenName(0, deadJob, 0) + ".pending part-0-0",
                "rename " + FileSink.hiddenName(1, deadJob, 1) + ".pending part-1-0",
                "end") + "\n");
        Files.writeString(out.resolve("part-0-0"), "dead run 0\n");
        Files.writeString(out.resolve(FileSink.hiddenName(1, deadJob, 1) + ".pending"), "dead run 1\n");

        Committer<FileSinkCommittable> committer =
                FileSink.<String>forTextLines(out).createCommitter(new TestCommitterContext(1));
        committer.close();

        assertThat(allFiles(out)).containsExactly(LOCK, "part-0-0", "part-1-0");
        assertThat(Files.readAllLines(out.resolve("part-1-0"))).containsExactly("dead run 1");
    }

    @Test
    void aCommitThatFailsHalfwayKeepsItsJournalAndPendingFilesForTheNextJobToFinish() throws Exception {
        Path out = tmp.resolve("out");
        FileSink<String> sink = FileSink.forTextLines(out);
        Committer<FileSinkCommittable> committer = sink.createCommitter(new TestCommitterContext(2));
        List<FileSinkCommittable> prepared = new ArrayList<>(prepare(sink, 0, 2, "zero"));
        prepared.addAll(prepare(sink, 1, 2, "one"));
        // A non-empty directory where subtask 1's part file goes: its rename fails after subtask 0's succeeded.
        Files.writeString(Files.createDirectories(out.resolve("part-1-0")).resolve("blocker"), "x");

        assertThatThrownBy(() -> TestCommitRequest.commit(committer, TestCommitRequest.of(prepared)))
                .isInstanceOf(IOException.class);
        committer.close();
        assertThat(allFiles(out)).contains(FileCommitter.JOURNAL_PREFIX + TestWriterContext.JOB_ID)
                .anyMatch(name -> name.endsWith(".pending"));

        Files.delete(out.resolve("part-1-0/blocker"));
        Files.delete(out.resolve("part-1-0"));
        FileSink.<String>forTextLines(out).createCommitter(new TestCommitterContext("next", 1)).close();

        assertThat(allFiles(out)).containsExactly(LOCK, "part-0-0", "part-1-0");
        assertThat(Files.readAllLines(out.resolve("part-1-0"))).containsExactly("one");
    }

    @Test
    void aCommitThatNeverStartedIsDiscardedByTheNextJob() throws Exception {
        Path out = Files.createDirectory(tmp.resolve("out"));
        String deadJob = "dead0000000000000000000000000000";
        Files.writeString(out.resolve(FileCommitter.JOURNAL_PREFIX + deadJob + ".tmp"), "weir-file-sink-commit 1\nren");
        Files.writeString(out.resolve(FileSink.hiddenName(0, deadJob, 0) + ".pending"), "never committed");
        Files.writeString(out.resolve("part-0-0"), "earlier, complete\n");

        FileSink.<String>forTextLines(out).createCommitter(new TestCommitterContext(1)).close();

        assertThat(allFiles(out)).containsExactly(LOCK, "part-0-0");
        assertThat(Files.readAllLines(out.resolve("part-0-0"))).containsExactly("earlier, complete");
    }

    @Test
    void committablesRoundTripThroughTheSerializerAndAnUnknownVersionIsRefused() throws Exception {
        FileSinkCommittableSerializer serializer = new FileSinkCommittableSerializer();
        FileSinkCommittable committable = new FileSinkCommittable(".part-0-ab-0.pending", "part-0-0");

        assertThat(serializer.deserialize(serializer.getVersion(), serializer.serialize(committable))).isEqualTo(committable);
        assertThatThrownBy(() -> serializer.deserialize(99, serializer.serialize(committable)))
                .isInstanceOf(IOException.class).hasMessageContaining("version 99");
    }

    @Test
    void createsAMissingOutputDirectoryWithItsParents() throws Exception {
        Path out = tmp.resolve("a/b/c");
        FileSink<String> sink = FileSink.forTextLines(out);
        Committer<FileSinkCommittable> committer = sink.createCommitter(new TestCommitterContext(1));

        TestCommitRequest.commit(committer, TestCommitRequest.of(prepare(sink, 0, 1)));
        committer.close();

        assertThat(visibleFiles(out)).containsExactly("part-0-0");
        assertThat(Files.size(out.resolve("part-0-0"))).isZero();
    }

    @Test
    void outputPathThatIsARegularFileFailsNamingThePath() throws Exception {
        Path file = Files.writeString(tmp.resolve("taken"), "x");

        assertThatThrownBy(() -> FileSink.forTextLines(file).createCommitter(new TestCommitterContext(1)))
                .isInstanceOf(IOException.class)
                .hasMessageContaining("Output path '" + file + "'")
                .hasMessageContaining("not a directory");
        assertThatThrownBy(() -> FileSink.forTextLines(file).createWriter(new TestWriterContext(0, 1, 0)))
                .isInstanceOf(IOException.class)
                .hasMessageContaining("Output path '" + file + "'");
    }

    @Test
    void outputDirectoryBelowARegularFileFailsNamingThePath() throws Exception {
        Files.writeString(tmp.resolve("taken"), "x");
        Path out = tmp.resolve("taken/out");

        assertThatThrownBy(() -> FileSink.forTextLines(out).createCommitter(new TestCommitterContext(1)))
                .isInstanceOf(IOException.class)
                .hasMessageContaining("'" + out + "'")
                .hasMessageContaining("cannot be created");
    }

    @Test
    void encodesRecordsWithTheGivenEncoderAsUtf8() throws Exception {
        Path out = tmp.resolve("out");
        FileSink<Integer> sink = FileSink.forRowFormat(out, (Integer i) -> "n=" + i + " €😀");
        Committer<FileSinkCommittable> committer = sink.createCommitter(new TestCommitterContext(1));

        TestCommitRequest.commit(committer, TestCommitRequest.of(prepare(sink, 0, 1, 7, 8)));
        committer.close();

        assertThat(Files.readString(out.resolve("part-0-0"), StandardCharsets.UTF_8)).isEqualTo("n=7 €😀\nn=8 €😀\n");
    }

    @Test
    void writesLinesLargerThanItsBufferAndManySmallOnesInOrder() throws Exception {
        Path out = tmp.resolve("out");
        List<String> lines = new ArrayList<>();
        for (int i = 0; i < 20_000; i++) {
            lines.add(i % 5_000 == 0 ? "é".repeat(100_000) + i : "line " + i);
        }
        FileSink<String> sink = FileSink.forTextLines(out);
        Committer<FileSinkCommittable> committer = sink.createCommitter(new TestCommitterContext(1));

        TestCommitRequest.commit(committer, TestCommitRequest.of(prepare(sink, 0, 1, lines.toArray(new String[0]))));
        committer.close();

        assertThat(Files.readAllLines(out.resolve("part-0-0"), StandardCharsets.UTF_8)).containsExactlyElementsOf(lines);
    }

    @Test
    void refusesRecordsAfterTheEndOfInputAndAPrepareCommitBeforeIt() throws Exception {
        CommittingSinkWriter<String, FileSinkCommittable> writer =
                FileSink.<String>forTextLines(tmp).createWriter(new TestWriterContext(0, 1, 0));
        assertThatThrownBy(writer::prepareCommit).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("after flush(true)");
        writer.flush(true);

        assertThatThrownBy(() -> writer.write("late", NO_TIMESTAMP)).isInstanceOf(IllegalStateException.class);
        writer.close();
    }

    @Test
    void whatTheSinkCommitsTheFileSourceReadsBackSkippingHiddenFiles() throws Exception {
        Path out = tmp.resolve("out");
        FileSink<String> sink = FileSink.forTextLines(out);
        Committer<FileSinkCommittable> committer = sink.createCommitter(new TestCommitterContext(2));
        TestCommitRequest.commit(committer, TestCommitRequest.of(prepare(sink, 0, 2, "", "a\r", "ü")));
        CommittingSinkWriter<String, FileSinkCommittable> stillRunning = sink.createWriter(new TestWriterContext(1, 2, 0));
        stillRunning.write("not yet", NO_TIMESTAMP);
        stillRunning.flush(false);

        List<String> read = SourceHarness.runToEnd(FileSource.forTextLines(out).withBlockSize(2), 2).allRecords();

        // "a\r" reads back as "a": a trailing carriage return is taken for half of a CRLF line end.
        assertThat(read).containsExactlyInAnyOrder("", "a", "ü");
        stillRunning.close();
        committer.close();
    }

    /** Writes {@code records} as subtask {@code subtask}'s first attempt and prepares its commit. */
    @SafeVarargs
    private static <T> Collection<FileSinkCommittable> prepare(FileSink<T> sink, int subtask, int parallelism,
                                                               T... records) throws Exception {
        CommittingSinkWriter<T, FileSinkCommittable> writer =
                sink.createWriter(new TestWriterContext(subtask, parallelism, 0));
        for (T record : records) {
            writer.write(record, NO_TIMESTAMP);
        }
        writer.flush(true);
        Collection<FileSinkCommittable> prepared = writer.prepareCommit();
        writer.close();
        return prepared;
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
