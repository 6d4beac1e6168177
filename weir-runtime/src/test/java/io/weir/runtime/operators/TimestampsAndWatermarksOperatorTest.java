package io.weir.runtime.operators;

import io.weir.api.config.Configuration;
import io.weir.api.config.PipelineOptions;
import io.weir.api.eventtime.Watermark;
import io.weir.api.eventtime.WatermarkGenerator;
import io.weir.api.eventtime.WatermarkOutput;
import io.weir.api.eventtime.WatermarkStrategy;
import io.weir.runtime.testing.OperatorHarness;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;

import static io.weir.runtime.time.WatermarkStatus.ACTIVE;
import static io.weir.runtime.time.WatermarkStatus.IDLE;
import static org.assertj.core.api.Assertions.assertThat;

class TimestampsAndWatermarksOperatorTest {
    /** Timestamps are the records' values times ten. */
    private static final WatermarkStrategy<Long> MONOTONOUS =
            WatermarkStrategy.<Long>forMonotonousTimestamps().withTimestampAssigner((v, ts) -> v * 10);

    private static OperatorHarness<Long> streaming(WatermarkStrategy<Long> strategy, Duration interval)
            throws Exception {
        Configuration conf = new Configuration().set(PipelineOptions.AUTO_WATERMARK_INTERVAL, interval);
        return OperatorHarness.streaming(new TimestampsAndWatermarksOperator<>(strategy, true), 0, conf);
    }

    private static List<Long> timestamps(OperatorHarness<Long> h) {
        return h.emitted().stream().filter(OperatorHarness.Emitted::isRecord).map(OperatorHarness.Emitted::timestamp)
                .toList();
    }

    @Test
    void assignsTimestampsAndEmitsTheGeneratorsWatermarkEveryInterval() throws Exception {
        OperatorHarness<Long> h = streaming(MONOTONOUS, Duration.ofMillis(50));
        h.processElement(1L, 999);
        h.processElement(3L, 999);
        assertThat(timestamps(h)).containsExactly(10L, 30L);
        assertThat(h.watermarks()).isEmpty();

        h.setProcessingTime(50);
        assertThat(h.watermarks()).containsExactly(29L);
        h.processElement(7L, 0);
        h.setProcessingTime(99);
        assertThat(h.watermarks()).containsExactly(29L);
        h.setProcessingTime(100);
        assertThat(h.watermarks()).containsExactly(29L, 69L);
    }

    @Test
    void aRecordGoesOutBeforeTheWatermarkTheGeneratorEmitsForIt() throws Exception {
        OperatorHarness<Long> h = streaming(WatermarkStrategy.<Long>forGenerator(Punctuated::new)
                .withTimestampAssigner((v, ts) -> v), Duration.ZERO);
        h.processElement(4L, 0);
        h.processElement(6L, 0);

        assertThat(h.emitted()).extracting(e -> e.isWatermark() ? "wm " + e.timestamp() : "rec " + e.value())
                .containsExactly("rec 4", "wm 4", "rec 6", "wm 6");
    }

    @Test
    void upstreamWatermarksAndStatusesAreReplacedButTheFinalMaxWatermarkPasses() throws Exception {
        OperatorHarness<Long> h = streaming(MONOTONOUS, Duration.ofMillis(50));
        h.processElement(2L, 0);
        h.processWatermark(1_000);
        h.processWatermarkStatus(IDLE);
        assertThat(h.eventTime()).isEmpty();

        h.setProcessingTime(50);
        h.processWatermark(Long.MAX_VALUE);
        assertThat(h.eventTime()).containsExactly(19L, Long.MAX_VALUE);
    }

    @Test
    void aZeroIntervalTurnsPeriodicWatermarksOff() throws Exception {
        OperatorHarness<Long> h = streaming(MONOTONOUS, Duration.ZERO);
        h.processElement(2L, 0);
        h.setProcessingTime(10_000);

        assertThat(h.watermarks()).isEmpty();
        h.endInput();
        assertThat(h.watermarks()).containsExactly(Long.MAX_VALUE);
    }

    @Test
    void withIdlenessTheOutputGoesIdleOnTheProcessingClockAndTheNextRecordEndsIt() throws Exception {
        OperatorHarness<Long> h = streaming(MONOTONOUS.withIdleness(Duration.ofMillis(100)), Duration.ofMillis(50));
        h.processElement(2L, 0);
        h.setProcessingTime(50);
        assertThat(h.eventTime()).containsExactly(19L);

        h.setProcessingTime(100);
        assertThat(h.eventTime()).containsExactly(19L, IDLE);

        h.processElement(5L, 0);
        h.setProcessingTime(150);
        assertThat(h.eventTime()).containsExactly(19L, IDLE, ACTIVE, 49L);
    }

    @Test
    void inBatchOnlyTheAssignerRuns() throws Exception {
        OperatorHarness<Long> h = OperatorHarness.batch(new TimestampsAndWatermarksOperator<>(
                WatermarkStrategy.<Long>forGenerator(Punctuated::new).withTimestampAssigner((v, ts) -> v * 3), false), 0);
        h.processElement(2L, 0);
        h.processElement(5L, 0);
        assertThat(timestamps(h)).containsExactly(6L, 15L);
        assertThat(h.eventTime()).isEmpty();

        h.endInput();
        assertThat(h.eventTime()).containsExactly(Long.MAX_VALUE);
    }

    /** Emits each record's timestamp as the watermark, at once. */
    private static final class Punctuated implements WatermarkGenerator<Long> {
        @Override
        public void onEvent(Long event, long eventTimestamp, WatermarkOutput output) {
            output.emitWatermark(new Watermark(eventTimestamp));
        }

        @Override
        public void onPeriodicEmit(WatermarkOutput output) {
        }
    }
}
