package io.weir.api.eventtime;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class WatermarksWithIdlenessTest {
    private final AtomicLong clock = new AtomicLong(1_000);
    private final RecordingWatermarkOutput out = new RecordingWatermarkOutput();

    private WatermarksWithIdleness<String> monotonous(long idleMillis) {
        return new WatermarksWithIdleness<>(new BoundedOutOfOrdernessWatermarks<>(Duration.ZERO),
                Duration.ofMillis(idleMillis), clock::get);
    }

    @Test
    void whileRecordsArriveTheWrappedGeneratorEmits() {
        WatermarksWithIdleness<String> generator = monotonous(100);
        generator.onEvent("a", 10, out);
        clock.addAndGet(60);
        generator.onPeriodicEmit(out);
        generator.onEvent("b", 20, out);
        clock.addAndGet(60);
        generator.onPeriodicEmit(out);

        assertThat(out.drain()).containsExactly(9L, 19L);
    }

    @Test
    void anOutputWithoutRecordsForTheTimeoutIsMarkedIdleOnceAtAPeriodicEmit() {
        WatermarksWithIdleness<String> generator = monotonous(100);
        generator.onEvent("a", 10, out);
        clock.addAndGet(99);
        generator.onPeriodicEmit(out);
        assertThat(out.drain()).containsExactly(9L);

        clock.addAndGet(1);
        generator.onPeriodicEmit(out);
        clock.addAndGet(500);
        generator.onPeriodicEmit(out);

        assertThat(out.drain()).containsExactly("idle");
    }

    @Test
    void theNextRecordMakesItActiveAtOnceAndWatermarksResume() {
        WatermarksWithIdleness<String> generator = monotonous(100);
        clock.addAndGet(100);
        generator.onPeriodicEmit(out);
        assertThat(out.drain()).containsExactly("idle");

        generator.onEvent("a", 50, out);
        assertThat(out.drain()).containsExactly("active");
        generator.onPeriodicEmit(out);
        assertThat(out.drain()).containsExactly(49L);
    }

    @Test
    void idlenessIsCountedFromCreationWhenNoRecordEverArrives() {
        WatermarksWithIdleness<String> generator = monotonous(100);
        clock.addAndGet(50);
        generator.onPeriodicEmit(out);
        assertThat(out.drain()).hasSize(1).doesNotContain("idle");

        clock.addAndGet(50);
        generator.onPeriodicEmit(out);
        assertThat(out.drain()).containsExactly("idle");
    }

    @Test
    void theTimeoutMustBeAtLeastAMillisecond() {
        for (Duration bad : new Duration[] {Duration.ZERO, Duration.ofMillis(-1), Duration.ofNanos(999_999)}) {
            assertThatThrownBy(() -> monotonousWith(bad)).isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("at least 1 ms").hasMessageContaining(bad.toString());
        }
        assertThatThrownBy(() -> monotonousWith(null)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("must not be null");
    }

    private void monotonousWith(Duration timeout) {
        new WatermarksWithIdleness<String>(new BoundedOutOfOrdernessWatermarks<>(Duration.ZERO), timeout, clock::get);
    }
}
