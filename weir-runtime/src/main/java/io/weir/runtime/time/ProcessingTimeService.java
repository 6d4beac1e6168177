package io.weir.runtime.time;

/**
 * Processing time as one task sees it: what "now" is, and callbacks at a time. Callbacks run on the task
 * thread (through its mailbox), never concurrently with the operators, so they may touch state freely.
 */
public interface ProcessingTimeService {
    long currentProcessingTime();

    /**
     * Calls {@code callback} with {@code time} on the task thread once processing time reaches {@code time}
     * (at once, i.e. at the task's next step, if it already has). Returns a handle that cancels the call.
     */
    Scheduled registerTimer(long time, ProcessingTimeCallback callback);

    /** Cancels everything still scheduled; called when the task ends. */
    void shutdown();

    /** A scheduled callback. */
    interface Scheduled {
        /** The callback will not run (if it has not already). */
        void cancel();
    }
}
