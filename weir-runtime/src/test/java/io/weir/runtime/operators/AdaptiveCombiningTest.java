package io.weir.runtime.operators;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** When a BATCH combiner combines and when records pass it uncombined. */
class AdaptiveCombiningTest {
    /** Offers records with hashes first, first + 1, ... and returns how many passed before one was combined. */
    private static long passedBeforeCombining(AdaptiveCombining a, long first, long distinct, long limit) {
        for (long n = 0; n < limit; n++) {
            if (a.combines(first + n % distinct)) {
                return n;
            }
        }
        return limit;
    }

    @Test
    void startsByProbingAndCombinesOnceTwiceTheCapacityOfRecordsHadNoMoreDistinctHashesThanTheCapacity() {
        AdaptiveCombining a = new AdaptiveCombining(10, false);
        assertThat(a.combining()).isFalse();
        assertThat(passedBeforeCombining(a, 1, 10, 1000)).isEqualTo(20);
        assertThat(a.combining()).isTrue();
        assertThat(a.combines(12345)).isTrue();
    }

    @Test
    void combinesEarlyWhenAtMostAQuarterOfTheRecordsProbedSoFarAreDistinct() {
        AdaptiveCombining a = new AdaptiveCombining(100_000, false);
        assertThat(passedBeforeCombining(a, 1, 16, 1_000_000)).isEqualTo(AdaptiveCombining.EARLY_CHECK);
        AdaptiveCombining b = new AdaptiveCombining(100_000, false);
        // 40 distinct in 64 is too many; 40 in 256 is few enough
        assertThat(passedBeforeCombining(b, 1, 40, 1_000_000)).isEqualTo(256);
    }

    @Test
    void aProbeWithMoreDistinctHashesThanTheCapacityLetsAStretchPassThenProbesAgain() {
        AdaptiveCombining a = new AdaptiveCombining(10, false);
        for (long h = 1; h <= 11; h++) {
            assertThat(a.combines(h)).isFalse();
        }
        // the stretch: FIRST_ROUNDS * capacity records pass, whatever their hashes
        for (int i = 0; i < AdaptiveCombining.FIRST_ROUNDS * 10; i++) {
            assertThat(a.combines(7)).isFalse();
        }
        // probing again: 20 records over one hash pay
        assertThat(passedBeforeCombining(a, 7, 1, 1000)).isEqualTo(20);
    }

    /** Fails a probe with capacity + 1 distinct hashes; returns the next unused hash. */
    private static long failProbe(AdaptiveCombining a, long hash, int capacity) {
        for (int i = 0; i <= capacity; i++) {
            assertThat(a.combines(hash++)).isFalse();
        }
        return hash;
    }

    private static long stretch(int failedTries) {
        return Math.min((long) AdaptiveCombining.FIRST_ROUNDS << (failedTries - 1), AdaptiveCombining.MAX_ROUNDS) * 10;
    }

    @Test
    void eachFailedProbeInARowDoublesTheStretchUpToACap() {
        for (int failures = 1; failures <= 9; failures++) {
            AdaptiveCombining a = new AdaptiveCombining(10, false);
            long hash = 1;
            for (int i = 1; i <= failures; i++) {
                hash = failProbe(a, hash, 10);
                if (i < failures) {
                    for (long n = 0; n < stretch(i); n++) {
                        assertThat(a.combines(hash++)).isFalse();
                    }
                }
            }
            // the stretch, then a probe over one hash that pays after 2 * capacity records
            assertThat(passedBeforeCombining(a, 0, 1, 100_000)).as("after %d failures", failures)
                    .isEqualTo(stretch(failures) + 20);
        }
        assertThat(stretch(9)).isEqualTo(AdaptiveCombining.MAX_ROUNDS * 10L);
    }

    @Test
    void aProbeThatPaysResetsTheStretchForTheNextFlushThatDoesNot() {
        AdaptiveCombining a = new AdaptiveCombining(10, false);
        long hash = failProbe(a, 1, 10);
        for (long n = 0; n < stretch(1); n++) {
            a.combines(hash++);
        }
        hash = failProbe(a, hash, 10);
        assertThat(passedBeforeCombining(a, 0, 1, 100_000)).isEqualTo(stretch(2) + 20);
        a.fullFlush(10, 10);
        assertThat(a.combining()).isFalse();
        assertThat(passedBeforeCombining(a, 0, 1, 100_000)).isEqualTo(stretch(1) + 20);
    }

    @Test
    void aFullFlushThatHalvedWhatItFoldedKeepsCombining() {
        AdaptiveCombining a = new AdaptiveCombining(10, false);
        passedBeforeCombining(a, 1, 1, 1000);
        a.fullFlush(20, 10);
        assertThat(a.combining()).isTrue();
        a.fullFlush(19, 10);
        assertThat(a.combining()).isFalse();
    }

    @Test
    void aCombinerToldToCombineFirstCombinesFromTheFirstRecordAndProbesOnlyAfterAFlushThatDidNotPay() {
        AdaptiveCombining a = new AdaptiveCombining(10, true);
        assertThat(a.combining()).isTrue();
        assertThat(a.combines(1)).isTrue();
        a.fullFlush(10, 10);
        assertThat(passedBeforeCombining(a, 0, 1, 100_000)).isEqualTo(stretch(1) + 20);
    }

    @Test
    void rejectsANonPositiveCapacity() {
        assertThatThrownBy(() -> new AdaptiveCombining(0, false)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("capacity must be positive, was 0");
    }
}
