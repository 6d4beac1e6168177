package io.weir.api.connector.sink;

/** What a sink writer knows of its place in the job. */
public interface WriterInitContext {
    int getSubtaskId();

    int getNumberOfParallelSubtasks();

    /** 0 for the first attempt of this subtask; a retried attempt must not keep what a failed one wrote. */
    int getAttemptNumber();

    String getJobName();
}
