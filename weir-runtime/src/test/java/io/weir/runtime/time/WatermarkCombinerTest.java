package io.weir.runtime.time;

import io.weir.runtime.testing.RecordingWatermarks;
import org.junit.jupiter.api.Test;

import static io.weir.runtime.time.WatermarkStatus.ACTIVE;
import static io.weir.runtime.time.WatermarkStatus.IDLE;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class WatermarkCombinerTest {
    private final RecordingWatermarks out = new RecordingWatermarks();

    @Test
    void theCombinedWatermarkIsTheMinimumAndWaitsForEveryStream() {
        WatermarkCombiner c = new WatermarkCombiner(3);
        c.updateWatermark(0, 10, out);
        c.updateWatermark(1, 20, out);
        assertThat(out.drain()).isEmpty();

        c.updateWatermark(2, 15, out);
        assertThat(out.drain()).containsExactly(10L);
        c.updateWatermark(0, 30, out);
        assertThat(out.drain()).containsExactly(15L);
        assertThat(c.watermark()).isEqualTo(15);
    }

    @Test
    void aStreamGoingBackIsIgnoredAndTheCombinationNeverGoesBack() {
        WatermarkCombiner c = new WatermarkCombiner(2);
        c.updateWatermark(0, 10, out);
        c.updateWatermark(1, 10, out);
        c.updateWatermark(0, 5, out);
        c.updateWatermark(1, 7, out);
        c.updateWatermark(0, 10, out);

        assertThat(out.drain()).containsExactly(10L);
        assertThat(c.watermark()).isEqualTo(10);
    }

    @Test
    void anIdleStreamNoLongerHoldsTheOthersBack() {
        WatermarkCombiner c = new WatermarkCombiner(2);
        c.updateWatermark(0, 50, out);
        c.updateStatus(1, IDLE, out);
        assertThat(out.drain()).containsExactly(50L);

        c.updateWatermark(0, 60, out);
        assertThat(out.drain()).containsExactly(60L);
        assertThat(c.isIdle()).isFalse();
    }

    @Test
    void watermarksOfAnIdleStreamCountOnlyOnceItIsActiveAgain() {
        WatermarkCombiner c = new WatermarkCombiner(2);
        c.updateWatermark(0, 50, out);
        c.updateWatermark(1, 40, out);
        c.updateStatus(1, IDLE, out);
        out.drain();

        c.updateWatermark(1, 45, out);
        assertThat(out.drain()).isEmpty();
        c.updateWatermark(1, 70, out);
        c.updateStatus(1, ACTIVE, out);
        c.updateWatermark(0, 80, out);
        assertThat(out.drain()).containsExactly(70L);
    }

    @Test
    void whenEveryStreamIsIdleTheCombinationIsIdleAtTheHighestWatermark() {
        WatermarkCombiner c = new WatermarkCombiner(3);
        c.updateWatermark(0, 10, out);
        c.updateWatermark(1, 30, out);
        c.updateWatermark(2, 20, out);
        assertThat(out.drain()).containsExactly(10L);

        c.updateStatus(0, IDLE, out);
        assertThat(out.drain()).containsExactly(20L);
        c.updateStatus(2, IDLE, out);
        assertThat(out.drain()).containsExactly(30L);
        c.updateStatus(1, IDLE, out);
        assertThat(out.drain()).containsExactly(IDLE);
        assertThat(c.isIdle()).isTrue();
    }

    @Test
    void theLastStreamGoingIdleReportsTheWatermarkBeforeTheIdleStatus() {
        WatermarkCombiner c = new WatermarkCombiner(2);
        c.updateWatermark(0, 10, out);
        c.updateWatermark(1, 40, out);
        c.updateStatus(1, IDLE, out);
        out.drain();

        c.updateStatus(0, IDLE, out);

        assertThat(out.drain()).containsExactly(40L, IDLE);
    }

    @Test
    void aStreamReturningFromIdlenessBelowTheCombinedWatermarkIsHeldThere() {
        WatermarkCombiner c = new WatermarkCombiner(2);
        c.updateWatermark(0, 100, out);
        c.updateWatermark(1, 10, out);
        c.updateStatus(1, IDLE, out);
        assertThat(out.drain()).containsExactly(10L, 100L);

        c.updateStatus(1, ACTIVE, out);
        c.updateWatermark(1, 50, out);
        c.updateWatermark(0, 200, out);
        assertThat(out.drain()).isEmpty();
        assertThat(c.watermark()).isEqualTo(100);

        c.updateWatermark(1, 150, out);
        assertThat(out.drain()).containsExactly(150L);
    }

    @Test
    void becomingActiveIsReportedBeforeTheNextWatermark() {
        WatermarkCombiner c = new WatermarkCombiner(1);
        c.updateWatermark(0, 5, out);
        c.updateStatus(0, IDLE, out);
        assertThat(out.drain()).containsExactly(5L, IDLE);

        c.updateStatus(0, ACTIVE, out);
        c.updateWatermark(0, 9, out);

        assertThat(out.drain()).containsExactly(ACTIVE, 9L);
    }

    @Test
    void maxWatermarkEndsAStreamsEventTimeEvenWhenItWasIdle() {
        WatermarkCombiner c = new WatermarkCombiner(2);
        c.updateStatus(0, IDLE, out);
        c.updateStatus(1, IDLE, out);
        assertThat(out.drain()).containsExactly(IDLE);

        c.updateWatermark(0, Long.MAX_VALUE, out);

        assertThat(out.drain()).containsExactly(ACTIVE, Long.MAX_VALUE);
    }

    @Test
    void aRemovedStreamNoLongerHoldsBackAndANewOneStartsAtTheCombinedWatermark() {
        WatermarkCombiner c = new WatermarkCombiner(2);
        c.updateWatermark(0, 10, out);
        c.updateWatermark(1, 30, out);
        c.remove(0, out);
        assertThat(out.drain()).containsExactly(10L, 30L);

        int added = c.add(Long.MIN_VALUE, ACTIVE, out);
        assertThat(added).isZero();
        c.updateWatermark(1, 50, out);
        assertThat(out.drain()).isEmpty();
        c.updateWatermark(added, 40, out);
        assertThat(out.drain()).containsExactly(40L);
    }

    @Test
    void addingAnActiveStreamToAnIdleCombinationMakesItActive() {
        WatermarkCombiner c = new WatermarkCombiner(1);
        c.updateStatus(0, IDLE, out);
        out.drain();

        int idle = c.add(Long.MIN_VALUE, IDLE, out);
        assertThat(out.drain()).isEmpty();
        c.add(Long.MIN_VALUE, ACTIVE, out);
        assertThat(out.drain()).containsExactly(ACTIVE);
        assertThat(idle).isEqualTo(1);
    }

    @Test
    void aStreamThatWasRemovedCannotBeUpdated() {
        WatermarkCombiner c = new WatermarkCombiner(2);
        c.remove(1, out);
        assertThatThrownBy(() -> c.updateWatermark(1, 5, out)).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("Stream 1");
    }
}
