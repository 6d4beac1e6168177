package io.weir.connectors.datagen;

import io.weir.api.connector.source.Boundedness;
import io.weir.api.connector.source.InputStatus;
import io.weir.api.connector.source.SourceReader;
import io.weir.api.connector.source.SplitEnumerator;
import io.weir.connectors.testing.ManualClock;
import io.weir.connectors.testing.RecordingOutput;
import io.weir.connectors.testing.SourceHarness;
import io.weir.connectors.testing.SourceHarness.Run;
import io.weir.connectors.testing.TestReaderContext;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.LongStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class GeneratorSourceTest {
    private final ManualClock clock = new ManualClock();

    @ParameterizedTest(name = "parallelism {0}")
    @ValueSource(ints = {1, 2, 4})
    void boundedSourceProducesEveryIndexExactlyOnceAcrossReaders(int parallelism) throws Exception {
        for (long count : new long[] {0, 1, 3, 1000, 10_007}) {
            Run<Long, GeneratorSplit> run = SourceHarness.runToEnd(GeneratorSource.bounded(i -> i, count), parallelism);

            assertThat(run.allRecords()).as("count %d", count)
                    .containsExactlyInAnyOrderElementsOf(LongStream.range(0, count).boxed().toList());
        }
    }

    @Test
    void readerIOfPProducesIndicesIPlusMultiplesOfPInIncreasingOrder() throws Exception {
        Run<String, GeneratorSplit> run = SourceHarness.runToEnd(GeneratorSource.bounded(i -> "r" + i, 10), 3);

        assertThat(run.recordsByReader()).containsExactly(
                List.of("r0", "r3", "r6", "r9"),
                List.of("r1", "r4", "r7"),
                List.of("r2", "r5", "r8"));
        assertThat(run.splitsByReader()).allSatisfy(splits -> assertThat(splits).hasSize(1));
    }

    @Test
    void declaresItsBoundedness() {
        assertThat(GeneratorSource.unbounded(i -> i).getBoundedness()).isEqualTo(Boundedness.CONTINUOUS_UNBOUNDED);
        assertThat(GeneratorSource.unbounded(i -> i).withRate(5).getBoundedness()).isEqualTo(Boundedness.CONTINUOUS_UNBOUNDED);
        assertThat(GeneratorSource.bounded(i -> i, 5).getBoundedness()).isEqualTo(Boundedness.BOUNDED);
        assertThat(GeneratorSource.bounded(i -> i, 5).withRate(5).getBoundedness()).isEqualTo(Boundedness.BOUNDED);
    }

    @Test
    void eachReaderOfAnUnboundedSourceOwnsOneSplit() {
        SplitEnumerator<GeneratorSplit> enumerator = GeneratorSource.unbounded(i -> i).createEnumerator(3);

        for (int reader = 0; reader < 3; reader++) {
            GeneratorSplit split = enumerator.nextSplit(reader).orElseThrow();
            assertThat(split.first()).isEqualTo(reader);
            assertThat(split.stride()).isEqualTo(3);
            assertThat(split.size()).isPositive();
            assertThat(enumerator.nextSplit(reader)).isEmpty();
        }
    }

    @Test
    void unboundedSourceWithoutRateIsAlwaysAvailableInBatches() throws Exception {
        SourceReader<Long, GeneratorSplit> reader = openReader(GeneratorSource.unbounded(i -> i), 1, 2);
        RecordingOutput<Long> output = new RecordingOutput<>();

        for (int poll = 0; poll < 5; poll++) {
            assertThat(reader.pollNext(output)).isEqualTo(InputStatus.MORE_AVAILABLE);
        }

        assertThat(output.records()).hasSize(5 * GeneratorReader.MAX_RECORDS_PER_POLL)
                .startsWith(1L, 3L, 5L)
                .endsWith(1L + 2L * (5 * GeneratorReader.MAX_RECORDS_PER_POLL - 1));
    }

    @Test
    void ratedReaderSaysNothingAvailableWhileAheadOfSchedule() throws Exception {
        SourceReader<Long, GeneratorSplit> reader = openReader(rated(GeneratorSource.unbounded(i -> i), 10), 0, 1);
        RecordingOutput<Long> output = new RecordingOutput<>();

        assertThat(reader.pollNext(output)).isEqualTo(InputStatus.MORE_AVAILABLE);
        assertThat(output.drain()).containsExactly(0L);
        assertThat(reader.pollNext(output)).isEqualTo(InputStatus.NOTHING_AVAILABLE);

        clock.advance(Duration.ofMillis(99));
        assertThat(reader.pollNext(output)).isEqualTo(InputStatus.NOTHING_AVAILABLE);
        assertThat(output.records()).isEmpty();

        clock.advance(Duration.ofMillis(1));
        assertThat(reader.pollNext(output)).isEqualTo(InputStatus.MORE_AVAILABLE);
        assertThat(output.drain()).containsExactly(1L);

        clock.advance(Duration.ofMillis(500));
        assertThat(pollUntilNothingAvailable(reader)).containsExactly(2L, 3L, 4L, 5L, 6L);
    }

    @Test
    void totalRateIsSharedEquallyByTheReaders() throws Exception {
        GeneratorSource<Long> source = rated(GeneratorSource.unbounded(i -> i), 100);
        List<SourceReader<Long, GeneratorSplit>> readers = new ArrayList<>();
        List<List<Long>> emitted = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            readers.add(openReader(source, i, 4));
            emitted.add(new ArrayList<>());
        }

        for (int step = 0; step <= 20; step++) {
            for (int i = 0; i < 4; i++) {
                emitted.get(i).addAll(pollUntilNothingAvailable(readers.get(i)));
            }
            clock.advance(Duration.ofMillis(100));
        }

        // Over 2 s at 100/s in total, each reader emits 50 at 25/s, plus the one due at its first poll.
        for (int i = 0; i < 4; i++) {
            int subtask = i;
            assertThat(emitted.get(i)).hasSize(51).allMatch(index -> index % 4 == subtask);
        }
    }

    @Test
    void heldUpReaderCatchesUpByAtMostOneSecondOfRecords() throws Exception {
        SourceReader<Long, GeneratorSplit> reader = openReader(rated(GeneratorSource.unbounded(i -> i), 10), 0, 1);
        assertThat(pollUntilNothingAvailable(reader)).hasSize(1);

        clock.advance(Duration.ofSeconds(60));
        assertThat(pollUntilNothingAvailable(reader)).hasSize(10);

        clock.advance(Duration.ofMillis(100));
        assertThat(pollUntilNothingAvailable(reader)).hasSize(1);
    }

    @Test
    void fastRateStillEmitsAtMostOneBatchPerPoll() throws Exception {
        SourceReader<Long, GeneratorSplit> reader = openReader(rated(GeneratorSource.unbounded(i -> i), 1e8), 0, 1);
        RecordingOutput<Long> output = new RecordingOutput<>();
        reader.pollNext(output);
        clock.advance(Duration.ofSeconds(1));

        for (int poll = 0; poll < 10; poll++) {
            output.drain();
            assertThat(reader.pollNext(output)).isEqualTo(InputStatus.MORE_AVAILABLE);
            assertThat(output.records()).hasSize(GeneratorReader.MAX_RECORDS_PER_POLL);
        }
    }

    @Test
    void ratedBoundedSourceEndsAfterItsLastRecord() throws Exception {
        SourceReader<Long, GeneratorSplit> reader = openReader(rated(GeneratorSource.bounded(i -> i, 3), 1), 0, 1);
        RecordingOutput<Long> output = new RecordingOutput<>();

        assertThat(reader.pollNext(output)).isEqualTo(InputStatus.MORE_AVAILABLE);
        assertThat(reader.pollNext(output)).isEqualTo(InputStatus.NOTHING_AVAILABLE);
        clock.advance(Duration.ofSeconds(1));
        assertThat(reader.pollNext(output)).isEqualTo(InputStatus.MORE_AVAILABLE);
        clock.advance(Duration.ofSeconds(1));
        assertThat(reader.pollNext(output)).isEqualTo(InputStatus.END_OF_SPLIT);

        assertThat(output.records()).containsExactly(0L, 1L, 2L);
    }

    @Test
    void unboundedSplitSizeDoesNotOverflow() {
        assertThat(new GeneratorSplit(3, 4, Long.MAX_VALUE).size()).isEqualTo((Long.MAX_VALUE - 4) / 4 + 1);
        assertThat(new GeneratorSplit(5, 4, 5).size()).isZero();
    }

    @Test
    void failureOfTheGeneratorFunctionReachesTheCaller() throws Exception {
        SourceReader<Long, GeneratorSplit> reader = openReader(GeneratorSource.bounded(i -> {
            if (i == 7) {
                throw new IllegalStateException("bad index " + i);
            }
            return i;
        }, 10), 0, 1);

        assertThatThrownBy(() -> reader.pollNext(new RecordingOutput<>())).hasMessage("bad index 7");
    }

    @ParameterizedTest
    @ValueSource(doubles = {0, -1, Double.NaN, Double.POSITIVE_INFINITY})
    void rejectsARateThatIsNotAPositiveFiniteNumber(double rate) {
        assertThatThrownBy(() -> GeneratorSource.unbounded(i -> i).withRate(rate))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("rate");
    }

    @Test
    void rejectsANegativeCount() {
        assertThatThrownBy(() -> GeneratorSource.bounded(i -> i, -1))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("count");
    }

    private GeneratorSource<Long> rated(GeneratorSource<Long> source, double recordsPerSecond) {
        return source.withRate(recordsPerSecond).withClock(clock::nanoTime);
    }

    private static <T> SourceReader<T, GeneratorSplit> openReader(GeneratorSource<T> source, int subtask, int parallelism)
            throws Exception {
        SplitEnumerator<GeneratorSplit> enumerator = source.createEnumerator(parallelism);
        SourceReader<T, GeneratorSplit> reader = source.createReader(new TestReaderContext(subtask, parallelism));
        reader.open();
        reader.addSplit(enumerator.nextSplit(subtask).orElseThrow());
        return reader;
    }

    /** Polls like the runtime until the reader is ahead of its schedule; returns what it emitted. */
    private static <T> List<T> pollUntilNothingAvailable(SourceReader<T, GeneratorSplit> reader) throws Exception {
        RecordingOutput<T> output = new RecordingOutput<>();
        InputStatus status;
        do {
            status = reader.pollNext(output);
        } while (status == InputStatus.MORE_AVAILABLE);
        assertThat(status).isEqualTo(InputStatus.NOTHING_AVAILABLE);
        return output.records();
    }
}
