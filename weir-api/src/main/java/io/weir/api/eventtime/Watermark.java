package io.weir.api.eventtime;

/** A promise that no record with a timestamp at or below {@link #getTimestamp()} follows. */
public record Watermark(long timestamp) {
    /** Emitted at the end of a bounded input: every event-time timer may fire. */
    public static final Watermark MAX_WATERMARK = new Watermark(Long.MAX_VALUE);
    public static final long NO_WATERMARK = Long.MIN_VALUE;

    public long getTimestamp() {
        return timestamp;
    }
}
