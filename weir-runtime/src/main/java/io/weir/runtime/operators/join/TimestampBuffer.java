package io.weir.runtime.operators.join;

import io.weir.api.state.MapState;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.LongPredicate;

/**
 * One input's buffered records of the current key, in keyed map state: a list of records per timestamp, so that
 * a cleanup timer frees a whole timestamp at once.
 *
 * <p>Cost: map state has no range query, so a match range wider than {@link #POINT_LOOKUP_LIMIT} scans every
 * buffered timestamp of the key. In STREAMING the watermark keeps the buffer to about the interval's width; in
 * BATCH it holds the whole key until the key ends, so a hot key joined over a wide interval costs time quadratic
 * in its number of distinct timestamps.
 */
final class TimestampBuffer<T> {
    /**
     * Ranges narrower than this are read by looking up each timestamp; wider ones by scanning the key's buckets,
     * as map state has no ordered range query. Narrow intervals (a few milliseconds) then cost no scan.
     */
    private static final long POINT_LOOKUP_LIMIT = 32;

    private final MapState<Long, List<T>> buckets;

    TimestampBuffer(MapState<Long, List<T>> buckets) {
        this.buckets = buckets;
    }

    void add(long timestamp, T record) throws Exception {
        List<T> bucket = buckets.get(timestamp);
        if (bucket == null) {
            bucket = new ArrayList<>(2);
        }
        bucket.add(record);
        // Written back because a state backend that keeps bytes would not see the change in place.
        buckets.put(timestamp, bucket);
    }

    /** Calls {@code visitor} for every buffered record with a timestamp in {@code [from, to]}. */
    void forEachBetween(long from, long to, RecordVisitor<T> visitor) throws Exception {
        if (from > to) {
            return;
        }
        // Unsigned: to - from does not fit a signed long when the range spans more than half of it.
        if (Long.compareUnsigned(to - from, POINT_LOOKUP_LIMIT) < 0) {
            for (long timestamp = from; ; timestamp++) {
                visit(timestamp, buckets.get(timestamp), visitor);
                if (timestamp == to) {
                    return;
                }
            }
        }
        for (Map.Entry<Long, List<T>> bucket : buckets.entries()) {
            long timestamp = bucket.getKey();
            if (timestamp >= from && timestamp <= to) {
                visit(timestamp, bucket.getValue(), visitor);
            }
        }
    }

    private static <T> void visit(long timestamp, List<T> bucket, RecordVisitor<T> visitor) throws Exception {
        if (bucket != null) {
            for (T record : bucket) {
                visitor.visit(record, timestamp);
            }
        }
    }

    void removeTimestamp(long timestamp) throws Exception {
        buckets.remove(timestamp);
    }

    void removeTimestampsWhere(LongPredicate expired) throws Exception {
        List<Long> doomed = new ArrayList<>();
        for (long timestamp : buckets.keys()) {
            if (expired.test(timestamp)) {
                doomed.add(timestamp);
            }
        }
        for (long timestamp : doomed) {
            buckets.remove(timestamp);
        }
    }

    @FunctionalInterface
    interface RecordVisitor<T> {
        void visit(T record, long timestamp) throws Exception;
    }
}
