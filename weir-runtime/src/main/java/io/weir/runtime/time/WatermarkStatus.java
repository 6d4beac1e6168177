package io.weir.runtime.time;

/**
 * Whether a stream currently takes part in event time. An IDLE stream sends no watermarks for a while and
 * no longer holds back the watermark of the operators it feeds; it becomes ACTIVE again before it sends its
 * next watermark. Statuses travel in order with records and watermarks, like watermarks.
 */
public enum WatermarkStatus {
    ACTIVE,
    IDLE
}
