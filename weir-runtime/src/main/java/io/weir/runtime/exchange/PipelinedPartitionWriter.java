package io.weir.runtime.exchange;

import io.weir.runtime.time.WatermarkStatus;

/**
 * Buffers records per channel into batches and hands full batches to the consumer threads by reference.
 * No lock and no allocation per record: a batch is allocated when the previous one was sent.
 */
public final class PipelinedPartitionWriter implements PartitionWriter {
    private final PipelinedChannel[] channels;
    private final RecordBatch[] pending;
    private final ChannelSelector selector;
    private final boolean broadcast;
    private final int batchSize;
    private int pendingCount;

    /** {@code selector} null means broadcast: every record to every channel. */
    public PipelinedPartitionWriter(PipelinedChannel[] channels, ChannelSelector selector, int batchSize) {
        this.channels = channels;
        this.pending = new RecordBatch[channels.length];
        this.selector = selector;
        this.broadcast = selector == null;
        this.batchSize = batchSize;
    }

    @Override
    public void emit(Object value, long timestamp) throws Exception {
        if (broadcast) {
            for (int c = 0; c < channels.length; c++) {
                add(c, value, timestamp);
            }
        } else {
            add(channels.length == 1 ? 0 : selector.select(value), value, timestamp);
        }
    }

    private void add(int c, Object value, long timestamp) throws InterruptedException {
        RecordBatch batch = pending[c];
        if (batch == null) {
            batch = new RecordBatch(batchSize);
            pending[c] = batch;
            pendingCount++;
        }
        if (batch.add(value, timestamp)) {
            pending[c] = null;
            pendingCount--;
            channels[c].send(batch);
        }
    }

    @Override
    public void flush() throws InterruptedException {
        if (pendingCount == 0) {
            return;
        }
        for (int c = 0; c < channels.length; c++) {
            RecordBatch batch = pending[c];
            if (batch != null) {
                pending[c] = null;
                channels[c].send(batch);
            }
        }
        pendingCount = 0;
    }

    @Override
    public boolean hasPending() {
        return pendingCount > 0;
    }

    @Override
    public void emitWatermark(long watermark) throws InterruptedException {
        flush();
        for (PipelinedChannel channel : channels) {
            channel.sendWatermark(watermark);
        }
    }

    /** Flushed first, like a watermark: the records sent before a status change belong before it. */
    @Override
    public void emitWatermarkStatus(WatermarkStatus status) throws InterruptedException {
        flush();
        for (PipelinedChannel channel : channels) {
            channel.sendWatermarkStatus(status);
        }
    }

    @Override
    public void finish() throws InterruptedException {
        flush();
        for (PipelinedChannel channel : channels) {
            channel.sendEnd();
        }
    }
}
