package io.weir.api.connector.sink;

/** What a sink writer knows of its place in the job. */
public interface WriterInitContext {
    int getSubtaskId();

    int getNumberOfParallelSubtasks();

    /** 0 for the first attempt of this subtask; a retried attempt must not keep what a failed one wrote. */
    int getAttemptNumber();

    String getJobName();

    /**
     * True in BATCH, where a failed task is retried alone and replays its input: a writer must then publish
     * only at the end of input ({@code flush(true)}), so that a retry never repeats what a failed attempt
     * published. STREAMING publishes as it goes (without checkpoints a restart re-runs the whole job).
     */
    default boolean publishesAtEndOfInput() {
        return false;
    }
}
