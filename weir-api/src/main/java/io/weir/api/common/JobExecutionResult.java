package io.weir.api.common;

import java.time.Duration;
import java.util.Map;
import java.util.TreeMap;

/** What a finished job reports: its name, the resolved mode, its run time, accumulators and counters. */
public final class JobExecutionResult {
    private final String jobName;
    private final RuntimeExecutionMode runtimeMode;
    private final Duration netRuntime;
    private final Map<String, Object> accumulators;
    private final int taskAttempts;

    public JobExecutionResult(String jobName, RuntimeExecutionMode runtimeMode, Duration netRuntime,
                              Map<String, Object> accumulators, int taskAttempts) {
        this.jobName = jobName;
        this.taskAttempts = taskAttempts;
        this.runtimeMode = runtimeMode;
        this.netRuntime = netRuntime;
        this.accumulators = Map.copyOf(accumulators);
    }

    public String getJobName() {
        return jobName;
    }

    /** The mode the job actually ran in (AUTOMATIC resolved). */
    public RuntimeExecutionMode getRuntimeMode() {
        return runtimeMode;
    }

    /** Subtask attempts run in all: one per subtask, plus one per restart. */
    public int getTaskAttempts() {
        return taskAttempts;
    }

    public Duration getNetRuntime() {
        return netRuntime;
    }

    public long getNetRuntimeMillis() {
        return netRuntime.toMillis();
    }

    /** The merged value of a user accumulator or a built-in counter, or null if there is none by that name. */
    @SuppressWarnings("unchecked")
    public <T> T getAccumulatorResult(String name) {
        return (T) accumulators.get(name);
    }

    public Map<String, Object> getAllAccumulatorResults() {
        return accumulators;
    }

    @Override
    public String toString() {
        return "JobExecutionResult{job='" + jobName + "', mode=" + runtimeMode + ", runtime=" + netRuntime.toMillis()
                + " ms, task attempts=" + taskAttempts + ", accumulators=" + new TreeMap<>(accumulators) + '}';
    }
}
