package io.weir.api.connector.sink;

/** What a sink writer knows of its place in the job. */
public interface WriterInitContext {
    int getSubtaskId();

    int getNumberOfParallelSubtasks();

    /** 0 for the first attempt of this subtask; a retried attempt must not keep what a failed one wrote. */
    int getAttemptNumber();

    String getJobName();

    /**
     * Unique per run of the job, so that two runs writing to the same place can tell their files apart (a
     * STREAMING restart keeps it and raises the attempt number instead).
     */
    String getJobId();

    /**
     * True in BATCH, where a failed task is retried alone and replays its input: a sink that cannot hide its
     * output until the job succeeded (it prints, or hands records to a client) must then emit only at the end of
     * input ({@code flush(true)}), so that a retry never repeats what a failed attempt emitted. STREAMING emits as
     * it goes (without checkpoints a restart re-runs the whole job). Sinks whose output must appear only when the
     * whole job succeeded implement {@link SupportsCommitter} instead and need not look at this.
     */
    default boolean publishesAtEndOfInput() {
        return false;
    }
}
