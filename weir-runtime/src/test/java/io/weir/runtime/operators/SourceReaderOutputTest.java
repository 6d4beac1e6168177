package io.weir.runtime.operators;

import io.weir.api.connector.source.SourceOutput;
import io.weir.api.eventtime.Watermark;
import io.weir.api.eventtime.WatermarkGenerator;
import io.weir.api.eventtime.WatermarkOutput;
import io.weir.api.eventtime.WatermarkStrategy;
import io.weir.runtime.testing.RecordingOutput;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;

import static io.weir.runtime.time.WatermarkStatus.ACTIVE;
import static io.weir.runtime.time.WatermarkStatus.IDLE;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class SourceReaderOutputTest {
    private final AtomicLong clock = new AtomicLong(0);
    private final RecordingOutput out = new RecordingOutput();

    /** Timestamps are the records' values; the watermark trails the highest by 1. */
    private static final WatermarkStrategy<Long> MONOTONOUS =
            WatermarkStrategy.<Long>forMonotonousTimestamps().withTimestampAssigner((v, ts) -> v);

    @SuppressWarnings({"unchecked", "rawtypes"})
    private SourceReaderOutput<Long> output(WatermarkStrategy<Long> strategy, boolean generateWatermarks) {
        return new SourceReaderOutput<>((Output) out, strategy, clock::get, generateWatermarks);
    }

    @Test
    void theReadersOwnOutputAssignsTimestampsAndRunsItsGenerator() {
        SourceReaderOutput<Long> reader = output(MONOTONOUS, true);
        reader.collect(10L);
        reader.collect(30L, 999);
        reader.collect(20L);
        reader.emitPeriodicWatermarks();

        assertThat(out.drain()).containsExactly("10@10", "30@30", "20@20", 29L);
    }

    @Test
    void aRecordGoesOutBeforeTheWatermarkItCauses() {
        SourceReaderOutput<Long> reader = output(WatermarkStrategy.<Long>forGenerator(Punctuated::new)
                .withTimestampAssigner((v, ts) -> v), true);
        reader.collect(5L);
        reader.collect(7L);

        assertThat(out.drain()).containsExactly("5@5", 5L, "7@7", 7L);
    }

    @Test
    void theReadersWatermarkIsTheMinimumOverItsSplitOutputs() {
        SourceReaderOutput<Long> reader = output(MONOTONOUS, true);
        SourceOutput<Long> a = reader.createOutputForSplit("a");
        SourceOutput<Long> b = reader.createOutputForSplit("b");
        a.collect(100L);
        b.collect(50L);
        reader.emitPeriodicWatermarks();
        assertThat(out.drain()).containsExactly("100@100", "50@50", 49L);

        a.collect(200L);
        b.collect(60L);
        reader.emitPeriodicWatermarks();
        assertThat(out.drain()).containsExactly("200@200", "60@60", 59L);

        reader.releaseOutputForSplit("b");
        assertThat(out.drain()).containsExactly(199L);
    }

    @Test
    void aSplitsOutputIsCreatedOnceUntilReleased() {
        SourceReaderOutput<Long> reader = output(MONOTONOUS, true);
        SourceOutput<Long> a = reader.createOutputForSplit("a");
        assertThat(reader.createOutputForSplit("a")).isSameAs(a);
        reader.releaseOutputForSplit("a");
        reader.releaseOutputForSplit("never created");
        assertThat(reader.createOutputForSplit("a")).isNotSameAs(a);
        assertThatThrownBy(() -> reader.createOutputForSplit(null)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void anUnusedReaderOutputDoesNotHoldBackTheSplitOutputsButAUsedOneDoes() {
        SourceReaderOutput<Long> reader = output(MONOTONOUS, true);
        SourceOutput<Long> a = reader.createOutputForSplit("a");
        a.collect(100L);
        reader.emitPeriodicWatermarks();
        assertThat(out.drain()).containsExactly("100@100", 99L);

        reader.collect(120L);
        a.collect(300L);
        reader.emitPeriodicWatermarks();
        assertThat(out.drain()).containsExactly("120@120", "300@300", 119L);
    }

    @Test
    void aNewSplitOutputHoldsTheReaderAtItsWatermarkUntilItPassesIt() {
        SourceReaderOutput<Long> reader = output(MONOTONOUS, true);
        SourceOutput<Long> a = reader.createOutputForSplit("a");
        a.collect(200L);
        reader.emitPeriodicWatermarks();
        assertThat(out.drain()).containsExactly("200@200", 199L);

        SourceOutput<Long> late = reader.createOutputForSplit("late");
        late.collect(10L);
        a.collect(500L);
        reader.emitPeriodicWatermarks();
        assertThat(out.drain()).containsExactly("10@10", "500@500");

        late.collect(300L);
        reader.emitPeriodicWatermarks();
        assertThat(out.drain()).containsExactly("300@300", 299L);
    }

    @Test
    void anIdleSplitDoesNotHoldTheReaderBackAndAllIdleMakeTheReaderIdle() {
        SourceReaderOutput<Long> reader = output(MONOTONOUS.withIdleness(Duration.ofMillis(100)), true);
        SourceOutput<Long> fast = reader.createOutputForSplit("fast");
        SourceOutput<Long> quiet = reader.createOutputForSplit("quiet");
        fast.collect(100L);
        quiet.collect(10L);
        reader.emitPeriodicWatermarks();
        assertThat(out.drain()).containsExactly("100@100", "10@10", 9L);

        clock.set(60);
        fast.collect(200L);
        clock.set(110);
        reader.emitPeriodicWatermarks();
        assertThat(out.drain()).containsExactly("200@200", 199L);

        clock.set(500);
        reader.emitPeriodicWatermarks();
        assertThat(out.drain()).containsExactly(IDLE);

        // Its generator sees the record after it went out: the record makes the split active again.
        quiet.collect(20L);
        reader.emitPeriodicWatermarks();
        assertThat(out.drain()).containsExactly("20@20", ACTIVE);
    }

    @Test
    void aReaderMayMarkASplitIdleItself() {
        SourceReaderOutput<Long> reader = output(MONOTONOUS, true);
        SourceOutput<Long> a = reader.createOutputForSplit("a");
        SourceOutput<Long> empty = reader.createOutputForSplit("empty");
        empty.markIdle();
        a.collect(40L);
        reader.emitPeriodicWatermarks();

        assertThat(out.drain()).containsExactly("40@40", 39L);
    }

    @Test
    void aReaderWaitingForASplitIsIdleWhateverItsOutputsSay() {
        SourceReaderOutput<Long> reader = output(MONOTONOUS, true);
        reader.collect(10L);
        reader.emitPeriodicWatermarks();
        reader.waitingForSplit(true);
        assertThat(out.drain()).containsExactly("10@10", 9L, IDLE);

        reader.emitPeriodicWatermarks();
        assertThat(out.drain()).isEmpty();

        reader.waitingForSplit(false);
        reader.collect(20L);
        reader.emitPeriodicWatermarks();
        assertThat(out.drain()).containsExactly(ACTIVE, "20@20", 19L);
    }

    @Test
    void withoutWatermarkGenerationOnlyTimestampsAreAssignedAndEventTimeEndsAtTheEnd() {
        SourceReaderOutput<Long> reader = output(WatermarkStrategy.<Long>forGenerator(Punctuated::new)
                .withTimestampAssigner((v, ts) -> v * 2), false);
        SourceOutput<Long> a = reader.createOutputForSplit("a");
        reader.collect(5L);
        a.collect(7L);
        a.emitWatermark(new Watermark(100));
        a.markIdle();
        reader.emitPeriodicWatermarks();
        reader.endOfInput();

        assertThat(out.drain()).containsExactly("5@10", "7@14", Long.MAX_VALUE);
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
