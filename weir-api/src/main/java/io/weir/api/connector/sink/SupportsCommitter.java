package io.weir.api.connector.sink;

import io.weir.api.common.SimpleVersionedSerializer;

import java.io.IOException;

/**
 * A {@link Sink} with two-phase commit: its writers are {@link CommittingSinkWriter}s that prepare committables
 * (for example, closed hidden files) at the end of their input, and one {@link Committer} per job makes them
 * visible (for example, renames them) once the whole job succeeded. A job that fails or is cancelled commits
 * nothing.
 *
 * <p>Lifecycle in a job run: the committer is created when the job starts, before any writer, and closed when the
 * job ends, whatever the outcome; a failure to create it fails the job before any task runs. Committables travel
 * from the writers to the committer in the bytes of {@link #getCommittableSerializer()} (in a checksummed envelope
 * that records the serializer's version).
 *
 * @param <CommT> what a writer hands to the committer
 */
public interface SupportsCommitter<CommT> {
    Committer<CommT> createCommitter(CommitterInitContext context) throws IOException;

    SimpleVersionedSerializer<CommT> getCommittableSerializer();
}
