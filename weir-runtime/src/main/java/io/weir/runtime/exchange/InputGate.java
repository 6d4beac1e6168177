package io.weir.runtime.exchange;

import io.weir.runtime.time.WatermarkCombiner;
import io.weir.runtime.time.WatermarkStatus;

import java.util.concurrent.Semaphore;

/**
 * The consumer side of a task's pipelined inputs: knows, per channel, which logical input of the head
 * operator it feeds, its watermark, its status and whether it ended; returns credits once a batch is processed.
 * Combines the channels of each logical input into one watermark and status with a {@link WatermarkCombiner}:
 * the minimum over its open channels that are not idle, never going back; the input is idle when all its open
 * channels are. Used by the consumer task's thread only.
 */
public final class InputGate {
    private final int[] inputOfChannel;
    /** The channel's stream number in its input's combiner. */
    private final int[] streamOfChannel;
    private final Semaphore[] credits;
    private final boolean[] channelEnded;
    private final int[] openChannelsPerInput;
    private final WatermarkCombiner[] inputs;
    private int openChannels;

    public InputGate(int[] inputOfChannel, Semaphore[] credits, int numberOfInputs) {
        this.inputOfChannel = inputOfChannel;
        this.streamOfChannel = new int[inputOfChannel.length];
        this.credits = credits;
        this.channelEnded = new boolean[inputOfChannel.length];
        this.openChannelsPerInput = new int[numberOfInputs];
        for (int c = 0; c < inputOfChannel.length; c++) {
            streamOfChannel[c] = openChannelsPerInput[inputOfChannel[c]]++;
        }
        this.inputs = new WatermarkCombiner[numberOfInputs];
        for (int i = 0; i < numberOfInputs; i++) {
            inputs[i] = new WatermarkCombiner(openChannelsPerInput[i]);
        }
        this.openChannels = inputOfChannel.length;
    }

    public int inputOf(int channel) {
        return inputOfChannel[channel];
    }

    /** The consumer has processed a batch of {@code channel}: the producer may send another. */
    public void release(int channel) {
        credits[channel].release();
    }

    /** Records a channel watermark; its input's watermark or status changes go to {@code input}. */
    public void onWatermark(int channel, long watermark, WatermarkCombiner.Listener input) {
        inputs[inputOfChannel[channel]].updateWatermark(streamOfChannel[channel], watermark, input);
    }

    /** Records a channel's status; its input's watermark or status changes go to {@code input}. */
    public void onWatermarkStatus(int channel, WatermarkStatus status, WatermarkCombiner.Listener input) {
        inputs[inputOfChannel[channel]].updateStatus(streamOfChannel[channel], status, input);
    }

    /**
     * Marks a channel ended; returns true if that was the last open channel of its input. Otherwise the channel
     * no longer holds back its input, whose changes go to {@code input}.
     */
    public boolean onEnd(int channel, WatermarkCombiner.Listener input) {
        if (channelEnded[channel]) {
            throw new IllegalStateException("Channel " + channel + " ended twice");
        }
        channelEnded[channel] = true;
        openChannels--;
        if (--openChannelsPerInput[inputOfChannel[channel]] == 0) {
            return true;
        }
        inputs[inputOfChannel[channel]].remove(streamOfChannel[channel], input);
        return false;
    }

    /** The watermark of logical input {@code input}: {@code Long.MIN_VALUE} until every channel sent one. */
    public long watermarkOf(int input) {
        return inputs[input].watermark();
    }

    public boolean isIdle(int input) {
        return inputs[input].isIdle();
    }

    public boolean allEnded() {
        return openChannels == 0;
    }

    public int numberOfChannels() {
        return inputOfChannel.length;
    }
}
