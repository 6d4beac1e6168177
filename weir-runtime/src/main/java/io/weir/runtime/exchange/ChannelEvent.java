package io.weir.runtime.exchange;

/** A control event that travels in order with the batches of one channel. */
public sealed interface ChannelEvent permits ChannelEvent.WatermarkEvent, ChannelEvent.EndOfChannel {
    int channel();

    /** The producer's watermark advanced. */
    record WatermarkEvent(int channel, long watermark) implements ChannelEvent {
    }

    /** The producer has sent everything; no more items on this channel. */
    record EndOfChannel(int channel) implements ChannelEvent {
    }
}
