package io.weir.runtime.time;

import io.weir.runtime.state.KeyedStateBackend;

/**
 * STREAMING timers: every key's timers in two priority queues. Event-time timers fire when the watermark
 * passes them; processing-time timers fire when the task's processing-time service calls back, which it
 * does for the earliest pending timer only (one scheduled wake-up at a time).
 *
 * <p>Once the watermark is at {@code MAX_WATERMARK} (the input ended), event time has ended: the timers then
 * pending fire once more, and event-time timers registered from then on are ignored, as BATCH does at the end of
 * each key. Otherwise a timer that re-registers itself from {@code onTimer} would fire forever.
 */
public final class HeapTimerService<K, N> implements InternalTimerService<N>, TimerDriver {
    private final KeyedStateBackend keyedState;
    private final ProcessingTimeService processingTime;
    private final Triggerable<K, N> target;
    private final TimerQueue<K, N> eventTimers = new TimerQueue<>();
    private final TimerQueue<K, N> processingTimers = new TimerQueue<>();
    private long watermark = Long.MIN_VALUE;
    private ProcessingTimeService.Scheduled wakeUp;
    private long wakeUpTime = Long.MAX_VALUE;

    public HeapTimerService(KeyedStateBackend keyedState, ProcessingTimeService processingTime,
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
        if (processingTimers.add(timer(namespace, time)) && time < wakeUpTime) {
            scheduleWakeUp(time);
        }
    }

    @Override
    public void deleteProcessingTimeTimer(N namespace, long time) {
        // The scheduled wake-up may now be early; it finds nothing due and schedules the next one.
        processingTimers.remove(timer(namespace, time));
    }

    private void scheduleWakeUp(long time) {
        if (wakeUp != null) {
            wakeUp.cancel();
        }
        wakeUpTime = time;
        wakeUp = processingTime.registerTimer(time, this::onProcessingTime);
    }

    private void onProcessingTime(long time) throws Exception {
        wakeUp = null;
        wakeUpTime = Long.MAX_VALUE;
        InternalTimer<K, N> timer;
        while ((timer = processingTimers.pollDue(time)) != null) {
            fireProcessingTime(timer);
        }
        InternalTimer<K, N> next = processingTimers.peek();
        if (next != null && next.timestamp() < wakeUpTime) {
            scheduleWakeUp(next.timestamp());
        }
    }

    @Override
    public void advanceWatermark(long newWatermark) throws Exception {
        watermark = newWatermark;
        InternalTimer<K, N> timer;
        while ((timer = eventTimers.pollDue(newWatermark)) != null) {
            fireEventTime(timer);
        }
    }

    @Override
    public void endOfKey() {
        // Only input sorted by key has key boundaries; this service serves unsorted (STREAMING) input.
    }

    @Override
    public void endOfInput() throws Exception {
        if (wakeUp != null) {
            wakeUp.cancel();
            wakeUp = null;
        }
        wakeUpTime = Long.MIN_VALUE;
        watermark = Long.MAX_VALUE;
        FinalFiring.fireAll(eventTimers, processingTimers, this::fireEventTime, this::fireProcessingTime);
    }

    private void fireEventTime(InternalTimer<K, N> timer) throws Exception {
        keyedState.setCurrentKey(timer.key());
        target.onEventTime(timer);
    }

    private void fireProcessingTime(InternalTimer<K, N> timer) throws Exception {
        keyedState.setCurrentKey(timer.key());
        target.onProcessingTime(timer);
    }

    /** Pending timers of both domains, for tests and metrics. */
    public int numberOfTimers() {
        return eventTimers.size() + processingTimers.size();
    }
}
