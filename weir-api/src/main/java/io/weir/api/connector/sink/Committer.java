package io.weir.api.connector.sink;

import java.io.IOException;
import java.util.Collection;

/**
 * Publishes what the writers of a {@link SupportsCommitter} sink prepared, once the job succeeded. One committer
 * per sink and job run, used by one thread.
 *
 * <p><b>Commits must be idempotent:</b> a commit may be retried with committables that were already (partly)
 * committed (after a crash in the middle of a commit, or a request marked {@link CommitRequest#retryLater()}); it
 * must then neither duplicate output nor fail.
 *
 * <p>{@code close()} ends the job run for this sink, whatever its outcome: anything the run prepared and did not
 * commit is discarded there.
 */
public interface Committer<CommT> extends AutoCloseable {
    /**
     * Commits the given requests. A request left untouched counts as committed; one marked with
     * {@link CommitRequest#retryLater()} is passed again in a later call; one signalled as failed fails the job.
     */
    void commit(Collection<CommitRequest<CommT>> committables) throws IOException, InterruptedException;

    /** One committable to commit, and how its commit went. */
    interface CommitRequest<CommT> {
        CommT getCommittable();

        /** How often this committable was already passed to {@link #commit} and asked to be retried. */
        int getNumberOfRetries();

        /** The committable cannot be committed for a reason the sink understands: the job fails with it. */
        void signalFailedWithKnownReason(Throwable t);

        /** The committable cannot be committed for an unexpected reason: the job fails with it. */
        void signalFailedWithUnknownReason(Throwable t);

        /** The commit should be tried again (a transient problem). */
        void retryLater();

        /** As {@link #retryLater()}, with a replacement committable. */
        void updateAndRetryLater(CommT committable);

        /** Found already committed (e.g. by an earlier, interrupted attempt): counts as committed. */
        void signalAlreadyCommitted();
    }
}
