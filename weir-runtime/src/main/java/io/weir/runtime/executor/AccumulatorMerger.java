package io.weir.runtime.executor;

import io.weir.api.accumulators.Accumulator;
import io.weir.api.common.JobExecutionException;
import io.weir.runtime.task.StreamTask;

import java.util.HashMap;
import java.util.Map;

/** Merges the accumulators of finished subtasks into the job's result. Not thread-safe: callers synchronise. */
final class AccumulatorMerger {
    private final Map<String, Accumulator<?, ?>> merged = new HashMap<>();

    @SuppressWarnings({"unchecked", "rawtypes"})
    void add(Map<String, Accumulator<?, ?>> accumulators) {
        for (Map.Entry<String, Accumulator<?, ?>> e : accumulators.entrySet()) {
            Accumulator existing = merged.get(e.getKey());
            if (existing == null) {
                merged.put(e.getKey(), e.getValue().clone());
            } else if (existing.getClass() != e.getValue().getClass()) {
                throw new IllegalStateException("Accumulator '" + e.getKey() + "' has different types in different "
                        + "tasks: " + existing.getClass().getSimpleName() + " and "
                        + e.getValue().getClass().getSimpleName());
            } else {
                existing.merge((Accumulator) e.getValue());
            }
        }
    }

    /** The job's failure when a task's accumulators could not be merged (user code: clone, merge). */
    static JobExecutionException failure(String jobName, StreamTask task, Throwable cause) {
        return new JobExecutionException(jobName, "Job '" + jobName + "' failed: the accumulators of task '"
                + task.name() + "' could not be merged into the job's result: " + cause, cause);
    }

    void clear() {
        merged.clear();
    }

    Map<String, Object> values() {
        Map<String, Object> values = new HashMap<>();
        merged.forEach((name, acc) -> {
            Object value = acc.getLocalValue();
            if (value == null) {
                throw new IllegalStateException("Accumulator '" + name + "' (" + acc.getClass().getName()
                        + ") has no value: its getLocalValue() returned null. Give it a non-null initial value.");
            }
            values.put(name, value);
        });
        return values;
    }
}
