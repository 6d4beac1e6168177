package io.weir.runtime.exchange;

import io.weir.runtime.time.WatermarkStatus;

import java.util.concurrent.Semaphore;

/**
 * The producer's end of a pipelined channel to one consumer subtask. A producer may have at most
 * {@code capacity} batches in flight on it; the consumer returns a credit when it has processed a batch.
 * A full channel blocks the producer: that is backpressure, and it bounds the memory of the exchange.
 */
public final class PipelinedChannel {
    private final int channelIndex;
    private final TaskInbox target;
    private final Semaphore credits;

    public PipelinedChannel(int channelIndex, TaskInbox target, Semaphore credits) {
        this.channelIndex = channelIndex;
        this.target = target;
        this.credits = credits;
    }

    /** Sends a batch, blocking while the consumer has {@code capacity} unprocessed batches of this channel. */
    public void send(RecordBatch batch) throws InterruptedException {
        credits.acquire();
        batch.channel = channelIndex;
        target.put(batch);
    }

    /** Sends an event; events are rare and small, so they take no credit. */
    public void sendWatermark(long watermark) {
        target.put(new ChannelEvent.WatermarkEvent(channelIndex, watermark));
    }

    public void sendWatermarkStatus(WatermarkStatus status) {
        target.put(new ChannelEvent.WatermarkStatusEvent(channelIndex, status));
    }

    public void sendEnd() {
        target.put(new ChannelEvent.EndOfChannel(channelIndex));
    }

    public int availableCredits() {
        return credits.availablePermits();
    }
}
