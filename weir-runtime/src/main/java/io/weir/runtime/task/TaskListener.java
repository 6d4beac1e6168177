package io.weir.runtime.task;

import io.weir.api.accumulators.Accumulator;

import java.util.Map;

/** Told, on the task's thread, how a task attempt ended. Implemented by the job's coordinator. */
public interface TaskListener {
    void taskFinished(StreamTask task, Map<String, Accumulator<?, ?>> accumulators);

    void taskFailed(StreamTask task, Throwable cause);

    void taskCanceled(StreamTask task);
}
