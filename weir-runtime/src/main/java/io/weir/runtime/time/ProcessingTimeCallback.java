package io.weir.runtime.time;

/** Runs on the task thread once processing time has reached the time it was registered for. */
@FunctionalInterface
public interface ProcessingTimeCallback {
    void onProcessingTime(long time) throws Exception;
}
