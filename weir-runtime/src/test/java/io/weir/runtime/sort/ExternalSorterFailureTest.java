package io.weir.runtime.sort;

import io.weir.runtime.sort.SortTestData.Entry;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import static io.weir.runtime.sort.SortTestData.addAll;
import static io.weir.runtime.sort.SortTestData.drain;
import static io.weir.runtime.sort.SortTestData.entries;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ExternalSorterFailureTest {
    private static final long TINY = ExternalSorter.MIN_MEMORY_BYTES;

    @TempDir
    Path spillDir;

    private final List<Entry> input = entries(11, 30_000, SortTestData.randomKeys(16), 16);

    private List<Path> spillFiles() throws IOException {
        try (Stream<Path> files = Files.list(spillDir)) {
            return files.sorted().toList();
        }
    }

    @Test
    void closingBeforeFinishDeletesTheSpillFiles() throws IOException {
        try (ExternalSorter sorter = new ExternalSorter(TINY, spillDir, "closed-early")) {
            addAll(sorter, input);
            assertThat(spillFiles()).hasSizeGreaterThan(5).hasSize(sorter.spillFileCount());
        }
        assertThat(spillFiles()).isEmpty();
    }

    @Test
    void closingHalfwayThroughReadingDeletesTheSpillFiles() throws IOException {
        ExternalSorter sorter = new ExternalSorter(TINY, spillDir, "closed-while-reading");
        addAll(sorter, input);
        SortedEntries sorted = sorter.finish();
        for (int i = 0; i < 1000; i++) {
            assertThat(sorted.next()).isTrue();
        }
        assertThat(spillFiles()).isNotEmpty();
        sorter.close();
        sorter.close();
        assertThat(spillFiles()).isEmpty();
    }

    @Test
    void intermediateMergePassesDeleteTheRunsTheyConsumed() throws IOException {
        try (ExternalSorter sorter = new ExternalSorter(TINY, spillDir, "passes", 2)) {
            addAll(sorter, input);
            int spilled = sorter.spillFileCount();
            sorter.finish();
            assertThat(sorter.statistics().mergePasses()).isGreaterThan(2);
            assertThat(spillFiles()).hasSize(2).hasSizeLessThan(spilled);
        }
        assertThat(spillFiles()).isEmpty();
    }

    @Test
    void aCorruptedSpillFileIsReportedByName() throws IOException {
        try (ExternalSorter sorter = new ExternalSorter(TINY, spillDir, "corrupt")) {
            addAll(sorter, input);
            Path victim = spillFiles().get(3);
            byte[] bytes = Files.readAllBytes(victim);
            bytes[bytes.length / 2] ^= 0x10;
            Files.write(victim, bytes);

            assertThatThrownBy(() -> drain(sorter.finish()))
                    .isInstanceOf(CorruptSpillFileException.class)
                    .hasMessageContaining(victim.toString())
                    .hasMessageContaining("checksum mismatch")
                    .hasMessageContaining("io.tmp.dirs")
                    .satisfies(e -> assertThat(((CorruptSpillFileException) e).file()).isEqualTo(victim));
        }
        assertThat(spillFiles()).isEmpty();
    }

    @Test
    void aSpillFileCutShortAtABlockBoundaryIsReported() throws IOException {
        try (ExternalSorter sorter = new ExternalSorter(TINY, spillDir, "truncated")) {
            addAll(sorter, input);
            Path victim = spillFiles().get(0);
            byte[] bytes = Files.readAllBytes(victim);
            int firstBlockLength = SpillFormat.BLOCK_HEADER_BYTES
                    + (int) SpillFormat.INT_BIG_ENDIAN.get(bytes, SpillFormat.FILE_HEADER_BYTES);
            Files.write(victim, java.util.Arrays.copyOf(bytes, SpillFormat.FILE_HEADER_BYTES + firstBlockLength));

            assertThatThrownBy(() -> drain(sorter.finish()))
                    .isInstanceOf(CorruptSpillFileException.class)
                    .hasMessageContaining(victim.toString())
                    .hasMessageContaining("it ends after");
        }
        assertThat(spillFiles()).isEmpty();
    }

    @Test
    void corruptionFoundInAnIntermediatePassFailsFinishAndLeavesNoFiles() throws IOException {
        ExternalSorter sorter = new ExternalSorter(TINY, spillDir, "corrupt-pass", 2);
        addAll(sorter, input);
        Path victim = spillFiles().get(0);
        byte[] bytes = Files.readAllBytes(victim);
        bytes[SpillFormat.FILE_HEADER_BYTES + SpillFormat.BLOCK_HEADER_BYTES + 5] ^= 1;
        Files.write(victim, bytes);

        assertThatThrownBy(sorter::finish).isInstanceOf(CorruptSpillFileException.class);
        assertThatThrownBy(sorter::finish).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("an earlier call failed");
        sorter.close();
        assertThat(spillFiles()).isEmpty();
    }

    @Test
    void aMissingSpillDirectoryIsNamedWithItsSetting() throws IOException {
        Path missing = spillDir.resolve("no-such-dir");
        try (ExternalSorter sorter = new ExternalSorter(TINY, missing, "no-dir")) {
            assertThatThrownBy(() -> addAll(sorter, input))
                    .isInstanceOf(IOException.class)
                    .hasMessageContaining(missing.toString())
                    .hasMessageContaining("io.tmp.dirs")
                    .hasMessageContaining("no-dir");
            assertThatThrownBy(() -> sorter.add(new byte[1], new byte[1]))
                    .isInstanceOf(IllegalStateException.class);
        }
    }

    @Test
    void aSpillDirectoryThatIsAFileIsRefused() throws IOException {
        Path file = Files.createFile(spillDir.resolve("a-file"));
        try (ExternalSorter sorter = new ExternalSorter(TINY, file, "file-dir")) {
            assertThatThrownBy(() -> addAll(sorter, input))
                    .isInstanceOf(IOException.class)
                    .hasMessageContaining(file.toString())
                    .hasMessageContaining("io.tmp.dirs");
        }
        assertThat(spillFiles()).containsExactly(file);
    }

    @Test
    void aBudgetTooSmallForTheSegmentsIsRefusedNamingTheSetting() {
        assertThatThrownBy(() -> new ExternalSorter(64 * 1024, spillDir, "small"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("execution.sort.memory")
                .hasMessageContaining(String.valueOf(ExternalSorter.MIN_MEMORY_BYTES))
                .hasMessageContaining("small");
    }

    @Test
    void aFanInBelowTwoIsRefused() {
        assertThatThrownBy(() -> new ExternalSorter(TINY, spillDir, "fan-in", 1))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("fan-in");
    }

    @Test
    void theLifecycleIsEnforced() throws IOException {
        ExternalSorter sorter = new ExternalSorter(TINY, spillDir, "lifecycle");
        sorter.add(new byte[]{1}, new byte[]{2});
        sorter.finish();
        assertThatThrownBy(() -> sorter.add(new byte[]{1}, new byte[]{2})).isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(sorter::finish).isInstanceOf(IllegalStateException.class);
        sorter.close();
        assertThatThrownBy(sorter::finish).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("CLOSED");
    }

    @Test
    void badRangesAreRejectedWithoutHarm() throws IOException {
        try (ExternalSorter sorter = new ExternalSorter(TINY, spillDir, "ranges")) {
            assertThatThrownBy(() -> sorter.add(new byte[2], 1, 2, new byte[0], 0, 0))
                    .isInstanceOf(IndexOutOfBoundsException.class);
            sorter.add(new byte[]{7}, new byte[0]);
            SortedEntries sorted = sorter.finish();
            assertThat(sorted.next()).isTrue();
            assertThat(sorted.next()).isFalse();
        }
    }
}
