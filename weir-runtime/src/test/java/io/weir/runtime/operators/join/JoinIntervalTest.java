package io.weir.runtime.operators.join;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class JoinIntervalTest {

    @Test
    void matchRangesOfBothSidesAreMirrorImages() {
        JoinInterval interval = new JoinInterval(-2, 3);

        assertThat(interval.firstRightMatch(10)).isEqualTo(8);
        assertThat(interval.lastRightMatch(10)).isEqualTo(13);
        assertThat(interval.firstLeftMatch(10)).isEqualTo(7);
        assertThat(interval.lastLeftMatch(10)).isEqualTo(12);
    }

    @Test
    void recordsAreFreedOneMillisecondAfterTheLastTimestampTheyCanMatch() {
        JoinInterval interval = new JoinInterval(-2, 3);

        assertThat(interval.leftCleanupTime(10)).isEqualTo(14);
        assertThat(interval.rightCleanupTime(10)).isEqualTo(13);
        assertThat(interval.leftTimestampCleanedAt(14)).isEqualTo(10);
        assertThat(interval.rightTimestampCleanedAt(13)).isEqualTo(10);
    }

    @Test
    void negativeIntervalsFreeLeftRecordsBeforeTheirOwnTimestamp() {
        JoinInterval interval = new JoinInterval(-5, -2);

        assertThat(interval.leftCleanupTime(10)).isEqualTo(9);
        assertThat(interval.rightCleanupTime(10)).isEqualTo(16);
        assertThat(interval.leftTimestampCleanedAt(9)).isEqualTo(10);
        assertThat(interval.rightTimestampCleanedAt(16)).isEqualTo(10);
    }

    @Test
    void matchRangesSaturateAtTheEndsOfTheLongRange() {
        JoinInterval wide = new JoinInterval(-Long.MAX_VALUE, Long.MAX_VALUE);

        assertThat(wide.firstRightMatch(-10)).isEqualTo(Long.MIN_VALUE);
        assertThat(wide.lastRightMatch(10)).isEqualTo(Long.MAX_VALUE);
        assertThat(wide.firstLeftMatch(-10)).isEqualTo(Long.MIN_VALUE);
        assertThat(wide.lastLeftMatch(10)).isEqualTo(Long.MAX_VALUE);
        assertThat(new JoinInterval(Long.MIN_VALUE, 0).lastLeftMatch(1)).isEqualTo(Long.MAX_VALUE);
    }

    @Test
    void cleanupTimesSaturateAndSaySo() {
        JoinInterval wide = new JoinInterval(-Long.MAX_VALUE, Long.MAX_VALUE);

        assertThat(wide.leftCleanupTime(1)).isEqualTo(Long.MAX_VALUE);
        assertThat(wide.rightCleanupTime(1)).isEqualTo(Long.MAX_VALUE);
        assertThat(new JoinInterval(0, 0).leftCleanupTime(Long.MAX_VALUE)).isEqualTo(Long.MAX_VALUE);
        assertThat(new JoinInterval(Long.MIN_VALUE, Long.MIN_VALUE).leftCleanupTime(-5)).isEqualTo(Long.MIN_VALUE);
        assertThat(new JoinInterval(10, 20).rightCleanupTime(Long.MIN_VALUE + 3)).isEqualTo(Long.MIN_VALUE);
        assertThat(JoinInterval.mayBeSaturated(Long.MAX_VALUE)).isTrue();
        assertThat(JoinInterval.mayBeSaturated(Long.MIN_VALUE)).isTrue();
        assertThat(JoinInterval.mayBeSaturated(Long.MAX_VALUE - 1)).isFalse();
    }

    @Test
    void aLowerBoundAboveTheUpperBoundIsRejected() {
        assertThatThrownBy(() -> new JoinInterval(3, 2)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("lower bound (3)").hasMessageContaining("upper bound (2)");
    }
}
