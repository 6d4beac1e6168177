package io.weir.runtime.exchange;

import io.weir.api.eventtime.TimestampAssigner;

/**
 * Records handed from one task to another in one piece, so that the cost of a hand-off (a queue operation,
 * a credit) is paid per batch, not per record. Filled by one producer thread, then read by one consumer
 * thread; the queue between them publishes the contents safely.
 */
public final class RecordBatch {
    private final Object[] values;
    /** Allocated only once a record with a timestamp arrives: most streams carry none. */
    private long[] timestamps;
    private int size;
    /** The consumer-side channel this batch arrived on; set by the sender. */
    int channel;

    public RecordBatch(int capacity) {
        this.values = new Object[capacity];
    }

    /** Adds a record; returns true when the batch is now full. */
    public boolean add(Object value, long timestamp) {
        if (timestamp != TimestampAssigner.NO_TIMESTAMP) {
            if (timestamps == null) {
                timestamps = new long[values.length];
                java.util.Arrays.fill(timestamps, 0, size, TimestampAssigner.NO_TIMESTAMP);
            }
            timestamps[size] = timestamp;
        } else if (timestamps != null) {
            timestamps[size] = TimestampAssigner.NO_TIMESTAMP;
        }
        values[size++] = value;
        return size == values.length;
    }

    public int size() {
        return size;
    }

    public boolean isEmpty() {
        return size == 0;
    }

    public Object value(int i) {
        return values[i];
    }

    public long timestamp(int i) {
        return timestamps == null ? TimestampAssigner.NO_TIMESTAMP : timestamps[i];
    }

    public int channel() {
        return channel;
    }
}
