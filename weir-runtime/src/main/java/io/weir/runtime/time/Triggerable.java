package io.weir.runtime.time;

/** The operator a timer service calls when its timers fire; the timer's key is current while it runs. */
public interface Triggerable<K, N> {
    void onEventTime(InternalTimer<K, N> timer) throws Exception;

    void onProcessingTime(InternalTimer<K, N> timer) throws Exception;
}
