package io.weir.runtime.exchange;

import java.util.concurrent.Semaphore;

/**
 * The consumer side of a task's pipelined inputs: knows, per channel, which logical input of the head
 * operator it feeds, its watermark and whether it ended; returns credits once a batch is processed.
 * Combines channel watermarks into one watermark per logical input (the minimum over its open channels).
 * Used by the consumer task's thread only.
 */
public final class InputGate {
    private final int[] inputOfChannel;
    private final Semaphore[] credits;
    private final long[] channelWatermark;
    private final boolean[] channelEnded;
    private final int[] openChannelsPerInput;
    private final long[] inputWatermark;
    private int openChannels;

    public InputGate(int[] inputOfChannel, Semaphore[] credits, int numberOfInputs) {
        this.inputOfChannel = inputOfChannel;
        this.credits = credits;
        this.channelWatermark = new long[inputOfChannel.length];
        this.channelEnded = new boolean[inputOfChannel.length];
        this.openChannelsPerInput = new int[numberOfInputs];
        this.inputWatermark = new long[numberOfInputs];
        java.util.Arrays.fill(channelWatermark, Long.MIN_VALUE);
        java.util.Arrays.fill(inputWatermark, Long.MIN_VALUE);
        for (int input : inputOfChannel) {
            openChannelsPerInput[input]++;
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

    /**
     * Records a channel watermark; returns the input's new watermark if it advanced, else {@code Long.MIN_VALUE}.
     */
    public long onWatermark(int channel, long watermark) {
        if (watermark <= channelWatermark[channel]) {
            return Long.MIN_VALUE;
        }
        channelWatermark[channel] = watermark;
        return advance(inputOfChannel[channel]);
    }

    /** Marks a channel ended; returns true if that was the last open channel of its input. */
    public boolean onEnd(int channel) {
        if (channelEnded[channel]) {
            throw new IllegalStateException("Channel " + channel + " ended twice");
        }
        channelEnded[channel] = true;
        openChannels--;
        return --openChannelsPerInput[inputOfChannel[channel]] == 0;
    }

    /** After a channel ended, it no longer holds the input's watermark back. */
    public long watermarkAfterEnd(int channel) {
        return advance(inputOfChannel[channel]);
    }

    public boolean allEnded() {
        return openChannels == 0;
    }

    public int numberOfChannels() {
        return inputOfChannel.length;
    }

    private long advance(int input) {
        long min = Long.MAX_VALUE;
        boolean any = false;
        for (int c = 0; c < inputOfChannel.length; c++) {
            if (inputOfChannel[c] == input && !channelEnded[c]) {
                min = Math.min(min, channelWatermark[c]);
                any = true;
            }
        }
        if (!any || min <= inputWatermark[input]) {
            return Long.MIN_VALUE;
        }
        inputWatermark[input] = min;
        return min;
    }
}
