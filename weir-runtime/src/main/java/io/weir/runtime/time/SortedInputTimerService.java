package io.weir.runtime.time;

import io.weir.runtime.state.KeyedStateBackend;

/**
 * BATCH timers, for input sorted by key: only the current key has timers. While a key's records are processed
 * the watermark is {@code Long.MIN_VALUE} (no event time has passed yet); at the end of the key it is
 * {@code MAX_WATERMARK} and every timer fires, event time first, each domain in time order. Processing time is
 * frozen, so processing-time timers fire only then too. Memory is bounded by one key's timers.
 *
 * <p>Event-time timers registered while the key's timers fire are ignored, as in Flink: the key's event time has
 * ended, so such a timer could only fire at once, and one that re-registers itself would fire forever.
 */
public final class SortedInputTimerService<K, N> implements InternalTimerService<N>, TimerDriver {
    private final KeyedStateBackend keyedState;
    private final ProcessingTimeService processingTime;
    private final Triggerable<K, N> target;
    private final TimerQueue<K, N> eventTimers = new TimerQueue<>();
    private final TimerQueue<K, N> processingTimers = new TimerQueue<>();
    private long watermark = Long.MIN_VALUE;

    public SortedInputTimerService(KeyedStateBackend keyedState, ProcessingTimeService processingTime,
                                   Triggerable<K, N> target) {
        this.keyedState = keyedState;
        this.processingTime = processingTime;
        this.target = target;
    }

    @SuppressWarnings("unchecked")
    private InternalTimer<K, N> timer(N namespace, long time) {
        Object key = keyedState.getCurrentKey();
        if (key == null) {
            throw new IllegalStateException("A timer can only be registered or deleted while a key is current");
        }
        return new InternalTimer<>(time, (K) key, namespace);
    }

    @Override
    public long currentProcessingTime() {
        return processingTime.currentProcessingTime();
    }

    @Override
    public long currentWatermark() {
        return watermark;
    }

    @Override
    public void registerEventTimeTimer(N namespace, long time) {
        InternalTimer<K, N> timer = timer(namespace, time);
        if (watermark != Long.MAX_VALUE) {
            eventTimers.add(timer);
        }
    }

    @Override
    public void deleteEventTimeTimer(N namespace, long time) {
        eventTimers.remove(timer(namespace, time));
    }

    @Override
    public void registerProcessingTimeTimer(N namespace, long time) {
        processingTimers.add(timer(namespace, time));
    }

    @Override
    public void deleteProcessingTimeTimer(N namespace, long time) {
        processingTimers.remove(timer(namespace, time));
    }

    @Override
    public void advanceWatermark(long newWatermark) throws Exception {
        // The input ends with MAX_WATERMARK after the last key has ended, so nothing is left to fire here
        // unless the input had no key boundaries at all.
        if (newWatermark == Long.MAX_VALUE) {
            endOfKey();
        }
    }

    @Override
    public void endOfKey() throws Exception {
        if (eventTimers.isEmpty() && processingTimers.isEmpty()) {
            return;
        }
        watermark = Long.MAX_VALUE;
        try {
            FinalFiring.fireAll(eventTimers, processingTimers, target::onEventTime, target::onProcessingTime);
        } finally {
            watermark = Long.MIN_VALUE;
        }
    }

    @Override
    public void endOfInput() throws Exception {
        endOfKey();
    }
}
