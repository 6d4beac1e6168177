package io.weir.runtime.exchange;

import io.weir.runtime.testing.RecordingWatermarks;
import org.junit.jupiter.api.Test;

import java.util.concurrent.Semaphore;

import static io.weir.runtime.time.WatermarkStatus.ACTIVE;
import static io.weir.runtime.time.WatermarkStatus.IDLE;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class InputGateTest {
    private final RecordingWatermarks input0 = new RecordingWatermarks();
    private final RecordingWatermarks input1 = new RecordingWatermarks();

    /** Channels 0 and 1 feed input 0, channel 2 feeds input 1. */
    private static InputGate twoInputs() {
        return new InputGate(new int[] {0, 0, 1},
                new Semaphore[] {new Semaphore(1), new Semaphore(1), new Semaphore(1)}, 2);
    }

    @Test
    void anInputsWatermarkIsTheMinimumOverItsOpenChannels() {
        InputGate gate = twoInputs();
        gate.onWatermark(0, 10, input0);
        assertThat(input0.drain()).isEmpty();
        gate.onWatermark(1, 7, input0);
        assertThat(input0.drain()).containsExactly(7L);
        gate.onWatermark(1, 12, input0);
        assertThat(input0.drain()).containsExactly(10L);
        gate.onWatermark(2, 3, input1);
        assertThat(input1.drain()).containsExactly(3L);
        assertThat(gate.watermarkOf(0)).isEqualTo(10);
        assertThat(gate.watermarkOf(1)).isEqualTo(3);
    }

    @Test
    void aChannelWatermarkGoingBackChangesNothing() {
        InputGate gate = twoInputs();
        gate.onWatermark(0, 10, input0);
        gate.onWatermark(1, 10, input0);
        gate.onWatermark(1, 4, input0);
        gate.onWatermark(0, 9, input0);

        assertThat(input0.drain()).containsExactly(10L);
        assertThat(gate.watermarkOf(0)).isEqualTo(10);
    }

    @Test
    void anEndedChannelNoLongerHoldsItsInputBackAndTheLastOneEndsTheInput() {
        InputGate gate = twoInputs();
        gate.onWatermark(0, 10, input0);
        gate.onWatermark(1, 12, input0);
        assertThat(input0.drain()).containsExactly(10L);

        assertThat(gate.onEnd(0, input0)).isFalse();
        assertThat(input0.drain()).containsExactly(12L);
        assertThat(gate.onEnd(1, input0)).isTrue();
        assertThat(gate.allEnded()).isFalse();
        assertThat(gate.onEnd(2, input1)).isTrue();
        assertThat(gate.allEnded()).isTrue();
        assertThatThrownBy(() -> gate.onEnd(2, input1)).hasMessageContaining("ended twice");
    }

    @Test
    void anIdleChannelIsIgnoredInTheMinimum() {
        InputGate gate = twoInputs();
        gate.onWatermark(0, 50, input0);
        gate.onWatermarkStatus(1, IDLE, input0);

        assertThat(input0.drain()).containsExactly(50L);
        assertThat(gate.isIdle(0)).isFalse();
        gate.onWatermark(0, 60, input0);
        assertThat(input0.drain()).containsExactly(60L);
    }

    @Test
    void anInputWhoseChannelsAreAllIdleIsIdleAndActiveAgainWithTheFirstChannel() {
        InputGate gate = twoInputs();
        gate.onWatermark(0, 5, input0);
        gate.onWatermark(1, 8, input0);
        gate.onWatermarkStatus(0, IDLE, input0);
        gate.onWatermarkStatus(1, IDLE, input0);
        assertThat(input0.drain()).containsExactly(5L, 8L, IDLE);
        assertThat(gate.isIdle(0)).isTrue();
        assertThat(gate.isIdle(1)).isFalse();

        gate.onWatermarkStatus(1, ACTIVE, input0);
        gate.onWatermark(1, 9, input0);
        assertThat(input0.drain()).containsExactly(ACTIVE, 9L);
        assertThat(input1.drain()).isEmpty();
    }

    @Test
    void aChannelReturningFromIdlenessWithALowerWatermarkIsHeldAtTheInputsWatermark() {
        InputGate gate = twoInputs();
        gate.onWatermark(0, 100, input0);
        gate.onWatermarkStatus(1, IDLE, input0);
        assertThat(input0.drain()).containsExactly(100L);

        gate.onWatermarkStatus(1, ACTIVE, input0);
        gate.onWatermark(1, 20, input0);
        gate.onWatermark(0, 300, input0);
        assertThat(input0.drain()).isEmpty();
        assertThat(gate.watermarkOf(0)).isEqualTo(100);

        gate.onWatermark(1, 200, input0);
        assertThat(input0.drain()).containsExactly(200L);
    }

    @Test
    void theEndOfTheLastActiveChannelLeavesTheOthersIdle() {
        InputGate gate = twoInputs();
        gate.onWatermarkStatus(1, IDLE, input0);
        gate.onWatermark(0, 40, input0);
        assertThat(input0.drain()).containsExactly(40L);

        assertThat(gate.onEnd(0, input0)).isFalse();

        assertThat(input0.drain()).containsExactly(IDLE);
        assertThat(gate.isIdle(0)).isTrue();
    }
}
