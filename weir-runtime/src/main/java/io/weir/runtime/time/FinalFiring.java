package io.weir.runtime.time;

/**
 * Firing everything that is left when time ends (end of a key in BATCH, end of input in STREAMING): event-time
 * timers with the watermark at its maximum, then processing-time timers as if processing time jumped forward.
 * Firing may register more timers: event-time ones are ignored by the timer services (event time has ended),
 * processing-time ones fire only up to the latest processing time that was pending when the final firing began,
 * so a timer that re-registers itself forever cannot keep the task from ending.
 */
final class FinalFiring {
    private FinalFiring() {
    }

    static <K, N> void fireAll(TimerQueue<K, N> eventTimers, TimerQueue<K, N> processingTimers,
                               TimerFiring<K, N> onEventTime, TimerFiring<K, N> onProcessingTime) throws Exception {
        long processingBound = processingTimers.latest();
        while (true) {
            InternalTimer<K, N> timer = eventTimers.pollDue(Long.MAX_VALUE);
            if (timer != null) {
                onEventTime.fire(timer);
                continue;
            }
            timer = processingTimers.pollDue(processingBound);
            if (timer != null) {
                onProcessingTime.fire(timer);
                continue;
            }
            break;
        }
        processingTimers.clear();
    }

    @FunctionalInterface
    interface TimerFiring<K, N> {
        void fire(InternalTimer<K, N> timer) throws Exception;
    }
}
