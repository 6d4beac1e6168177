package io.weir.api.windowing.assigners;

import io.weir.api.eventtime.TimestampAssigner;

/** Checks shared by the assigners: their construction arguments, and the timestamps event time needs. */
final class AssignerArguments {
    private AssignerArguments() {
    }

    /** Windows start every {@code period} ms shifted by {@code offset}: {@code |offset|} must be below the period. */
    static long offset(String method, long offset, long period, String periodName) {
        if (Math.abs(offset) >= period) {
            throw new IllegalArgumentException(method + ": offset must be smaller in magnitude than the "
                    + periodName + " (" + period + " ms), but was " + offset + " ms");
        }
        return offset;
    }

    static long slide(String method, long size, long slide) {
        if (slide > size) {
            throw new IllegalArgumentException(method + ": slide (" + slide + " ms) must not be larger than size ("
                    + size + " ms): records between windows would belong to none");
        }
        return slide;
    }

    /** A record's event timestamp; records without one cannot go into event-time windows. */
    static long eventTimestamp(Object element, long timestamp, WindowAssigner<?, ?> assigner) {
        if (timestamp == TimestampAssigner.NO_TIMESTAMP) {
            throw new IllegalStateException(assigner + " got a record without an event timestamp (" + element
                    + "). Event-time windows need timestamps: give the source a WatermarkStrategy with a "
                    + "TimestampAssigner, or use processing-time windows");
        }
        return timestamp;
    }

    /** The end of a window from {@code start} lasting {@code length} ms, failing rather than wrapping around. */
    static long end(long start, long length, Object element) {
        long end = start + length;
        if (end < start) {
            throw new IllegalStateException("A window from " + start + " lasting " + length + " ms ends after the "
                    + "largest timestamp (record " + element + ")");
        }
        return end;
    }
}
