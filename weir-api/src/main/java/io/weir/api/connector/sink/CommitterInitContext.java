package io.weir.api.connector.sink;

/** What a {@link Committer} knows of the job run it commits for. */
public interface CommitterInitContext {
    /** Unique per run of the job (a STREAMING restart keeps it); the same as the writers' {@link WriterInitContext#getJobId()}. */
    String getJobId();

    String getJobName();

    /** How many writers (sink subtasks) prepare committables. */
    int getNumberOfParallelSubtasks();
}
