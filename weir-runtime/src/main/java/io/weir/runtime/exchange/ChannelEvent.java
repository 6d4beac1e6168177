package io.weir.runtime.exchange;

import io.weir.runtime.time.WatermarkStatus;

/** A control event that travels in order with the batches of one channel. */
public sealed interface ChannelEvent
        permits ChannelEvent.WatermarkEvent, ChannelEvent.WatermarkStatusEvent, ChannelEvent.EndOfChannel {
    int channel();

    /** The producer's watermark advanced. */
    record WatermarkEvent(int channel, long watermark) implements ChannelEvent {
    }

    /** The producer went idle, or became active again. */
    record WatermarkStatusEvent(int channel, WatermarkStatus status) implements ChannelEvent {
    }

    /** The producer has sent everything; no more items on this channel. */
    record EndOfChannel(int channel) implements ChannelEvent {
    }
}
