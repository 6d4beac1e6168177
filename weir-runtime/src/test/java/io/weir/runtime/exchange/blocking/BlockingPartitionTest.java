package io.weir.runtime.exchange.blocking;

import io.weir.api.eventtime.TimestampAssigner;
import io.weir.api.tuple.Tuple2;
import io.weir.runtime.exchange.ChannelSelector;
import io.weir.runtime.serialization.DataInputView;
import io.weir.runtime.serialization.RecordSerializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class BlockingPartitionTest {

    enum Kind { CLICK, VIEW, BUY }

    record Event(long id, String user, Kind kind) {
    }

    record Emitted(Object value, long timestamp) {
    }

    @TempDir
    Path workDir;

    private final RecordSerializer serializer = new RecordSerializer();

    private ResultPartitionFiles files(int output) {
        return ResultPartitionFiles.of(workDir, "job-1", 3, 0, 0, output);
    }

    /** Mixed types, some with timestamps; a class-bearing value in most records. */
    private static Emitted record(int i, SplittableRandom random) {
        Object value = switch (i % 7) {
            case 0 -> Tuple2.of("key-" + i, i);
            case 1 -> "string \u00e9\uD83D\uDE00 " + i;
            case 2 -> new Event(i, "user" + (i % 13), Kind.values()[i % 3]);
            case 3 -> List.of(i, Kind.BUY, new Event(-i, null, null));
            case 4 -> Map.of("n", (long) i);
            case 5 -> null;
            default -> new byte[random.nextInt(50)];
        };
        long timestamp = random.nextInt(3) == 0 ? TimestampAssigner.NO_TIMESTAMP : random.nextLong();
        return new Emitted(value, timestamp);
    }

    /** Routes by a hash of the record index carried in the value's position, independent of its type. */
    private static final class ScriptedSelector implements ChannelSelector {
        private final int[] channels;
        private int next;

        ScriptedSelector(int[] channels) {
            this.channels = channels;
        }

        @Override
        public int select(Object value) {
            return channels[next++];
        }
    }

    private static List<Emitted> readAll(ResultPartitionFiles files, int subpartition, RecordSerializer serializer) {
        List<Emitted> read = new ArrayList<>();
        try (BlockingPartitionReader reader = new BlockingPartitionReader(files, subpartition, serializer)) {
            while (reader.next()) {
                read.add(new Emitted(reader.value(), reader.timestamp()));
            }
            assertThat(reader.next()).isFalse();
            assertThat((long) read.size()).isEqualTo(reader.recordCount());
        }
        return read;
    }

    private static void assertSameRecords(List<Emitted> actual, List<Emitted> expected) {
        assertThat(actual).hasSize(expected.size());
        for (int i = 0; i < expected.size(); i++) {
            assertThat(actual.get(i).timestamp()).as("timestamp of record %d", i).isEqualTo(expected.get(i).timestamp());
            assertThat(Arrays.deepEquals(new Object[]{actual.get(i).value()}, new Object[]{expected.get(i).value()}))
                    .as("record %d: %s vs %s", i, actual.get(i).value(), expected.get(i).value()).isTrue();
        }
    }

    @ParameterizedTest(name = "{0} sub-partitions, budget {1} bytes")
    @CsvSource({"1,16777216", "1,300", "2,16777216", "2,1000", "7,16777216", "7,2000", "64,16777216", "64,4096"})
    void everyRecordIsReadOnceByItsSubpartitionInWriteOrder(int subpartitions, long budget) throws Exception {
        SplittableRandom random = new SplittableRandom(subpartitions * 31L + budget);
        int n = 5_000;
        int[] routing = new int[n];
        List<List<Emitted>> expected = new ArrayList<>();
        for (int s = 0; s < subpartitions; s++) {
            expected.add(new ArrayList<>());
        }
        BlockingPartitionWriter writer = new BlockingPartitionWriter(files(0), subpartitions,
                new ScriptedSelector(routing), serializer, budget);
        for (int i = 0; i < n; i++) {
            routing[i] = random.nextInt(subpartitions);
            Emitted e = record(i, random);
            writer.emit(e.value(), e.timestamp());
            expected.get(routing[i]).add(e);
        }
        writer.finish();

        RecordSerializer readSide = new RecordSerializer();
        int total = 0;
        for (int s = 0; s < subpartitions; s++) {
            List<Emitted> read = readAll(files(0), s, readSide);
            assertSameRecords(read, expected.get(s));
            total += read.size();
        }
        assertThat(total).isEqualTo(n);

        BlockIndex index = BlockIndex.read(files(0), Files.size(files(0).dataFile()));
        int blocks = 0;
        for (int s = 0; s < subpartitions; s++) {
            blocks += index.blockCount(s);
        }
        if (budget < 10_000) {
            assertThat(blocks).as("a small budget spills many times").isGreaterThan(subpartitions * 3);
        } else {
            assertThat(blocks).as("everything fits: one block per non-empty sub-partition").isEqualTo(
                    (int) expected.stream().filter(l -> !l.isEmpty()).count());
        }
    }

    @Test
    void broadcastWritesEachRecordOnceAndEveryConsumerReadsAll() throws Exception {
        SplittableRandom random = new SplittableRandom(11);
        List<Emitted> expected = new ArrayList<>();
        BlockingPartitionWriter broadcast = new BlockingPartitionWriter(files(0), 5, null, serializer, 2048);
        BlockingPartitionWriter single = new BlockingPartitionWriter(files(1), 1, null, serializer, 2048);
        for (int i = 0; i < 2_000; i++) {
            Emitted e = record(i, random);
            broadcast.emit(e.value(), e.timestamp());
            single.emit(e.value(), e.timestamp());
            expected.add(e);
        }
        broadcast.finish();
        single.finish();
        for (int s = 0; s < 5; s++) {
            assertSameRecords(readAll(files(0), s, new RecordSerializer()), expected);
        }
        assertThat(Files.size(files(0).dataFile())).isEqualTo(Files.size(files(1).dataFile()));
    }

    @Test
    void emptySubpartitionsAndAnEmptyPartitionReadAsEmpty() throws Exception {
        int[] routing = new int[100];
        for (int i = 0; i < routing.length; i++) {
            routing[i] = i % 2 == 0 ? 0 : 5;
        }
        BlockingPartitionWriter writer = new BlockingPartitionWriter(files(0), 7, new ScriptedSelector(routing),
                serializer, 100);
        for (int i = 0; i < routing.length; i++) {
            writer.emit(i, TimestampAssigner.NO_TIMESTAMP);
        }
        writer.finish();
        for (int s = 0; s < 7; s++) {
            List<Emitted> read = readAll(files(0), s, serializer);
            assertThat(read).hasSize(s == 0 || s == 5 ? 50 : 0);
        }

        BlockingPartitionWriter empty = new BlockingPartitionWriter(files(1), 3, ChannelSelector.roundRobin(3, 0),
                serializer, 100);
        empty.finish();
        assertThat(files(1).isComplete()).isTrue();
        assertThat(Files.size(files(1).dataFile())).isZero();
        for (int s = 0; s < 3; s++) {
            assertThat(readAll(files(1), s, serializer)).isEmpty();
        }
    }

    @Test
    void recordsLargerThanTheBudgetAndTheIoBufferRoundTrip() throws Exception {
        byte[] big = new byte[3_500_000];
        new SplittableRandom(2).nextBytes(big);
        BlockingPartitionWriter writer = new BlockingPartitionWriter(files(0), 2, ChannelSelector.roundRobin(2, 0),
                serializer, 1000);
        writer.emit(big, 1L);
        writer.emit("small", 2L);
        writer.emit(List.of(big, big), 3L);
        writer.finish();
        List<Emitted> zero = readAll(files(0), 0, serializer);
        assertThat(zero).hasSize(2);
        assertThat((byte[]) zero.get(0).value()).isEqualTo(big);
        assertThat((byte[]) ((List<?>) zero.get(1).value()).get(1)).isEqualTo(big);
        assertThat(readAll(files(0), 1, serializer)).containsExactly(new Emitted("small", 2L));
    }

    @Test
    void recordBytesStandAloneEvenWhenTheRecordReusesClassesOfItsBlock() throws Exception {
        BlockingPartitionWriter writer = new BlockingPartitionWriter(files(0), 1, null, serializer, 1 << 20);
        List<Object> values = new ArrayList<>();
        for (int i = 0; i < 100; i++) {
            values.add(i % 2 == 0 ? new Event(i, "u", Kind.VIEW) : Tuple2.of("k" + i, i));
        }
        for (Object v : values) {
            writer.emit(v, TimestampAssigner.NO_TIMESTAMP);
        }
        writer.finish();
        RecordSerializer other = new RecordSerializer();
        try (BlockingPartitionReader reader = new BlockingPartitionReader(files(0), 0, new RecordSerializer())) {
            for (Object expected : values) {
                assertThat(reader.next()).isTrue();
                DataInputView bytes = reader.recordBytes();
                byte[] copy = Arrays.copyOfRange(bytes.array(), bytes.position(), bytes.limit());
                assertThat(other.deserializeStandalone(new DataInputView(copy))).isEqualTo(expected);
                assertThat(reader.value()).isEqualTo(expected);
            }
        }
    }

    @Test
    void aCopyingConsumerThatNeverAsksForValuesStillGetsEveryRecord() throws Exception {
        BlockingPartitionWriter writer = new BlockingPartitionWriter(files(0), 1, null, serializer, 1 << 20);
        for (int i = 0; i < 50; i++) {
            writer.emit(List.of(new Event(i, "u" + i, Kind.values()[i % 3]), Kind.BUY), i);
        }
        writer.finish();
        RecordSerializer other = new RecordSerializer();
        try (BlockingPartitionReader reader = new BlockingPartitionReader(files(0), 0, new RecordSerializer())) {
            for (int i = 0; i < 50; i++) {
                assertThat(reader.next()).isTrue();
                assertThat(reader.timestamp()).isEqualTo(i);
                assertThat(other.deserializeStandalone(reader.recordBytes()))
                        .isEqualTo(List.of(new Event(i, "u" + i, Kind.values()[i % 3]), Kind.BUY));
            }
            assertThat(reader.next()).isFalse();
        }
    }

    @Test
    void aFlippedByteInABlockIsReportedWithFileAndBlockOffset() throws Exception {
        writeSample(files(0), 4, 300);
        BlockIndex index = BlockIndex.read(files(0), Files.size(files(0).dataFile()));
        int sub = 2;
        int block = index.blockCount(sub) / 2;
        long offset = index.offset(sub, block);
        flipByte(files(0).dataFile(), offset + PartitionFormat.BLOCK_HEADER_SIZE + index.payloadLength(sub, block) / 2);
        for (int s = 0; s < 4; s++) {
            if (s != sub) {
                assertThat(readAll(files(0), s, serializer)).isNotEmpty();
            }
        }
        assertThatThrownBy(() -> readAll(files(0), sub, serializer))
                .isInstanceOf(CorruptPartitionException.class)
                .hasMessageContaining(files(0).dataFile().toString())
                .hasMessageContaining("block at offset " + offset)
                .hasMessageContaining("checksum mismatch")
                .hasMessageContaining("rerun")
                .satisfies(e -> assertThat(((ResultPartitionException) e).files()).isEqualTo(files(0)));
    }

    @Test
    void aFlippedByteInABlockHeaderIsReported() throws Exception {
        writeSample(files(0), 2, 300);
        BlockIndex index = BlockIndex.read(files(0), Files.size(files(0).dataFile()));
        long offset = index.offset(1, 0);
        flipByte(files(0).dataFile(), offset + 9);
        assertThatThrownBy(() -> readAll(files(0), 1, serializer))
                .isInstanceOf(CorruptPartitionException.class)
                .hasMessageContaining("block at offset " + offset)
                .hasMessageContaining("does not match the index");
    }

    @Test
    void aFlippedByteInTheIndexIsReported() throws Exception {
        writeSample(files(0), 3, 300);
        flipByte(files(0).indexFile(), 30);
        assertThatThrownBy(() -> new BlockingPartitionReader(files(0), 0, serializer))
                .isInstanceOf(CorruptPartitionException.class)
                .hasMessageContaining(files(0).indexFile().toString())
                .hasMessageContaining("fails its checksum");
    }

    @Test
    void aTruncatedDataFileIsReportedOnOpen() throws Exception {
        writeSample(files(0), 3, 300);
        long size = Files.size(files(0).dataFile());
        try (FileChannel channel = FileChannel.open(files(0).dataFile(), StandardOpenOption.WRITE)) {
            channel.truncate(size - 10);
        }
        assertThatThrownBy(() -> new BlockingPartitionReader(files(0), 0, serializer))
                .isInstanceOf(CorruptPartitionException.class)
                .hasMessageContaining(files(0).dataFile().toString())
                .hasMessageContaining("truncated")
                .hasMessageContaining((size - 10) + " bytes but its index says " + size);
    }

    @Test
    void aTruncatedIndexIsReported() throws Exception {
        writeSample(files(0), 3, 300);
        try (FileChannel channel = FileChannel.open(files(0).indexFile(), StandardOpenOption.WRITE)) {
            channel.truncate(channel.size() - 5);
        }
        assertThatThrownBy(() -> new BlockingPartitionReader(files(0), 0, serializer))
                .isInstanceOf(CorruptPartitionException.class).hasMessageContaining(files(0).indexFile().toString());
    }

    @Test
    void aMissingIndexOrDataFileIsReportedAsMissing() throws Exception {
        writeSample(files(0), 2, 100);
        Files.delete(files(0).indexFile());
        assertThatThrownBy(() -> new BlockingPartitionReader(files(0), 0, serializer))
                .isInstanceOf(MissingPartitionException.class)
                .hasMessageContaining(files(0).indexFile().toString())
                .hasMessageContaining("did not finish");
        writeSample(files(1), 2, 100);
        Files.delete(files(1).dataFile());
        assertThatThrownBy(() -> new BlockingPartitionReader(files(1), 0, serializer))
                .isInstanceOf(MissingPartitionException.class)
                .hasMessageContaining(files(1).dataFile().toString());
    }

    @Test
    void anUnfinishedPartitionLooksMissingNotComplete() throws Exception {
        BlockingPartitionWriter writer = new BlockingPartitionWriter(files(0), 2, ChannelSelector.roundRobin(2, 0),
                serializer, 100);
        for (int i = 0; i < 1000; i++) {
            writer.emit("r" + i, i);
        }
        assertThat(Files.exists(files(0).inProgressDataFile())).isTrue();
        assertThat(files(0).isComplete()).isFalse();
        assertThatThrownBy(() -> new BlockingPartitionReader(files(0), 0, serializer))
                .isInstanceOf(MissingPartitionException.class);
        writer.abort();
    }

    @Test
    void abortLeavesNoFiles() throws Exception {
        BlockingPartitionWriter writer = new BlockingPartitionWriter(files(0), 3, ChannelSelector.roundRobin(3, 0),
                serializer, 100);
        for (int i = 0; i < 1000; i++) {
            writer.emit(Tuple2.of("r", i), i);
        }
        writer.abort();
        writer.abort();
        try (Stream<Path> left = Files.list(ResultPartitionFiles.producerDirectory(workDir, "job-1"))) {
            assertThat(left).isEmpty();
        }
        assertThatThrownBy(() -> writer.emit(1, 1)).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("ABORTED");
    }

    @Test
    void aFinishedWriterRejectsRecordsAndIgnoresAbort() throws Exception {
        BlockingPartitionWriter writer = writeSample(files(0), 2, 10);
        assertThatThrownBy(() -> writer.emit(1, 1)).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("FINISHED");
        assertThatThrownBy(writer::finish).isInstanceOf(IllegalStateException.class);
        writer.abort();
        assertThat(files(0).isComplete()).isTrue();
        assertThat(Files.exists(files(0).inProgressDataFile())).isFalse();
        assertThat(Files.exists(files(0).inProgressIndexFile())).isFalse();
    }

    @Test
    void watermarksAndFlushesAreNoOpsAndNothingIsEverPending() throws Exception {
        BlockingPartitionWriter writer = new BlockingPartitionWriter(files(0), 2, ChannelSelector.roundRobin(2, 0),
                serializer, 1 << 20);
        writer.emit("a", 5);
        writer.emitWatermark(100);
        writer.flush();
        assertThat(writer.hasPending()).isFalse();
        writer.emit("b", 6);
        writer.finish();
        assertThat(readAll(files(0), 0, serializer)).containsExactly(new Emitted("a", 5));
        assertThat(readAll(files(0), 1, serializer)).containsExactly(new Emitted("b", 6));
    }

    @Test
    void aValueThatCannotBeSerializedLeavesThePartitionIntact() throws Exception {
        BlockingPartitionWriter writer = new BlockingPartitionWriter(files(0), 1, null, serializer, 1 << 20);
        writer.emit(List.of(Kind.CLICK), 1);
        Object bad = List.of(Kind.VIEW, new Object());
        assertThatThrownBy(() -> writer.emit(bad, 2)).hasMessageContaining("java.lang.Object");
        writer.emit(List.of(Kind.BUY, new Event(1, "x", Kind.VIEW)), 3);
        writer.finish();
        assertThat(readAll(files(0), 0, serializer)).containsExactly(new Emitted(List.of(Kind.CLICK), 1),
                new Emitted(List.of(Kind.BUY, new Event(1, "x", Kind.VIEW)), 3));
    }

    @Test
    void aSelectorOutOfRangeFailsClearly() throws Exception {
        BlockingPartitionWriter writer = new BlockingPartitionWriter(files(0), 3, value -> 3, serializer, 100);
        assertThatThrownBy(() -> writer.emit("x", 1)).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("sub-partition 3 of 3");
        writer.abort();
    }

    @Test
    void readingASubpartitionThatDoesNotExistFails() throws Exception {
        writeSample(files(0), 2, 10);
        assertThatThrownBy(() -> new BlockingPartitionReader(files(0), 2, serializer))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("has 2 sub-partitions");
    }

    @Test
    void filesAreNamedPerJobTaskSubtaskAttemptAndOutputAndDeletedPerProducer() throws Exception {
        ResultPartitionFiles f = ResultPartitionFiles.of(workDir, "my job/1", 4, 2, 1, 0);
        assertThat(f.dataFile()).isEqualTo(workDir.resolve("my_job_1/task-4-sub-2-attempt-1-out-0.data"));
        assertThat(f.indexFile()).isEqualTo(workDir.resolve("my_job_1/task-4-sub-2-attempt-1-out-0.index"));
        assertThat(f.inProgressDataFile().getFileName().toString())
                .isEqualTo("task-4-sub-2-attempt-1-out-0.data.inprogress");

        writeSample(ResultPartitionFiles.of(workDir, "j", 4, 2, 0, 0), 2, 10);
        writeSample(ResultPartitionFiles.of(workDir, "j", 4, 2, 1, 0), 2, 10);
        writeSample(ResultPartitionFiles.of(workDir, "j", 4, 2, 1, 1), 2, 10);
        writeSample(ResultPartitionFiles.of(workDir, "j", 4, 12, 0, 0), 2, 10);
        writeSample(ResultPartitionFiles.of(workDir, "j", 14, 2, 0, 0), 2, 10);
        BlockingPartitionWriter unfinished = new BlockingPartitionWriter(ResultPartitionFiles.of(workDir, "j", 4, 2,
                2, 0), 1, null, serializer, 10);
        unfinished.emit("unfinished", 1);
        assertThat(ResultPartitionFiles.deleteProducer(workDir, "j", 4, 2)).isEqualTo(7);
        unfinished.abort();
        try (Stream<Path> left = Files.list(ResultPartitionFiles.producerDirectory(workDir, "j"))) {
            assertThat(left.map(p -> p.getFileName().toString()).sorted()).containsExactly(
                    "task-14-sub-2-attempt-0-out-0.data", "task-14-sub-2-attempt-0-out-0.index",
                    "task-4-sub-12-attempt-0-out-0.data", "task-4-sub-12-attempt-0-out-0.index");
        }
        ResultPartitionFiles.of(workDir, "j", 4, 12, 0, 0).delete();
        assertThat(ResultPartitionFiles.of(workDir, "j", 4, 12, 0, 0).isComplete()).isFalse();
        assertThat(ResultPartitionFiles.deleteProducer(workDir, "no-such-job", 1, 1)).isZero();
    }

    private BlockingPartitionWriter writeSample(ResultPartitionFiles f, int subpartitions, long budget)
            throws Exception {
        SplittableRandom random = new SplittableRandom(7);
        BlockingPartitionWriter writer = new BlockingPartitionWriter(f, subpartitions,
                ChannelSelector.roundRobin(subpartitions, 0), serializer, budget);
        for (int i = 0; i < 2_000; i++) {
            Emitted e = record(i, random);
            writer.emit(e.value(), e.timestamp());
        }
        writer.finish();
        return writer;
    }

    private static void flipByte(Path file, long position) throws IOException {
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ, StandardOpenOption.WRITE)) {
            ByteBuffer one = ByteBuffer.allocate(1);
            channel.read(one, position);
            one.flip();
            byte b = one.get(0);
            one.put(0, (byte) (b ^ 0x10));
            channel.write(one, position);
        }
    }
}
