package io.weir.runtime.time;

import java.util.Arrays;

/**
 * Combines the watermarks and statuses of several streams (the channels of an input, the inputs of an
 * operator, the split outputs of a source reader) into one watermark and one status:
 * <ul>
 *   <li>the watermark is the minimum over the streams that are present and ACTIVE; it never goes back;</li>
 *   <li>when every present stream is IDLE, the combination is IDLE, and its watermark moves up to the highest
 *       of theirs: none of them asks to be waited for;</li>
 *   <li>a stream that becomes ACTIVE again, or joins, below the combined watermark is held at it, so it can
 *       only hold the combination where it already is, never pull it back;</li>
 *   <li>{@code MAX_WATERMARK} ends a stream's event time: it counts even if the stream was IDLE.</li>
 * </ul>
 * Changes are reported to a {@link Listener}, ACTIVE before the watermark that follows it, IDLE after the
 * watermark that preceded it. Used by one thread.
 */
public final class WatermarkCombiner {
    /** Receives the combined watermark when it advances and the combined status when it changes. */
    public interface Listener {
        void onWatermark(long watermark);

        void onStatus(WatermarkStatus status);
    }

    private static final byte ABSENT = 0;
    private static final byte ACTIVE = 1;
    private static final byte IDLE = 2;

    private long[] watermarks;
    private byte[] states;
    private long combined = Long.MIN_VALUE;
    private boolean idle;

    /** {@code streams} present and ACTIVE streams, numbered from 0, none with a watermark yet. */
    public WatermarkCombiner(int streams) {
        this.watermarks = new long[streams];
        this.states = new byte[streams];
        Arrays.fill(watermarks, Long.MIN_VALUE);
        Arrays.fill(states, ACTIVE);
    }

    public long watermark() {
        return combined;
    }

    public boolean isIdle() {
        return idle;
    }

    /**
     * Adds a stream with its watermark so far and status; an ACTIVE one is held at the combined watermark.
     * Returns its number (a free one is reused).
     */
    public int add(long watermark, WatermarkStatus status, Listener listener) {
        int stream = 0;
        while (stream < states.length && states[stream] != ABSENT) {
            stream++;
        }
        if (stream == states.length) {
            int size = Math.max(4, states.length * 2);
            watermarks = Arrays.copyOf(watermarks, size);
            states = Arrays.copyOf(states, size);
        }
        states[stream] = status == WatermarkStatus.IDLE ? IDLE : ACTIVE;
        watermarks[stream] = status == WatermarkStatus.IDLE ? watermark : Math.max(watermark, combined);
        recompute(listener);
        return stream;
    }

    /** The stream is gone (ended, released): it no longer holds the combination back. */
    public void remove(int stream, Listener listener) {
        if (states[stream] != ABSENT) {
            states[stream] = ABSENT;
            recompute(listener);
        }
    }

    /** A stream's watermark; one at or below its previous one is ignored. */
    public void updateWatermark(int stream, long watermark, Listener listener) {
        checkPresent(stream);
        if (watermark == Long.MAX_VALUE && states[stream] == IDLE) {
            states[stream] = ACTIVE;
        }
        if (watermark <= watermarks[stream]) {
            return;
        }
        watermarks[stream] = watermark;
        if (states[stream] == ACTIVE) {
            recompute(listener);
        }
    }

    public void updateStatus(int stream, WatermarkStatus status, Listener listener) {
        checkPresent(stream);
        byte next = status == WatermarkStatus.IDLE ? IDLE : ACTIVE;
        if (states[stream] == next) {
            return;
        }
        states[stream] = next;
        if (next == ACTIVE) {
            watermarks[stream] = Math.max(watermarks[stream], combined);
        }
        recompute(listener);
    }

    private void checkPresent(int stream) {
        if (states[stream] == ABSENT) {
            throw new IllegalStateException("Stream " + stream + " was removed from the watermark combination");
        }
    }

    private void recompute(Listener listener) {
        long minActive = Long.MAX_VALUE;
        long maxIdle = Long.MIN_VALUE;
        boolean anyActive = false;
        boolean anyIdle = false;
        for (int s = 0; s < states.length; s++) {
            if (states[s] == ACTIVE) {
                anyActive = true;
                minActive = Math.min(minActive, watermarks[s]);
            } else if (states[s] == IDLE) {
                anyIdle = true;
                maxIdle = Math.max(maxIdle, watermarks[s]);
            }
        }
        if (anyActive) {
            if (idle) {
                idle = false;
                listener.onStatus(WatermarkStatus.ACTIVE);
            }
            advanceTo(minActive, listener);
        } else if (anyIdle) {
            advanceTo(maxIdle, listener);
            if (!idle) {
                idle = true;
                listener.onStatus(WatermarkStatus.IDLE);
            }
        }
    }

    private void advanceTo(long watermark, Listener listener) {
        if (watermark > combined) {
            combined = watermark;
            listener.onWatermark(watermark);
        }
    }
}
