package io.weir.api.connector.sink;

import java.io.IOException;
import java.util.Collection;

/**
 * The writer of a {@link SupportsCommitter} sink. Call order: {@code write}*, {@code flush(true)},
 * {@link #prepareCommit()}, {@code close()}. What {@code prepareCommit} returns must not be visible to readers
 * yet: the committer publishes it after the job succeeded. A writer closed without {@code prepareCommit} (the
 * task failed or was cancelled) discards what it wrote.
 *
 * @param <InputT> the records written
 * @param <CommT>  what is handed to the committer
 */
public interface CommittingSinkWriter<InputT, CommT> extends SinkWriter<InputT> {
    /** Seals what was written since the start and returns it as committables; called once, after {@code flush(true)}. */
    Collection<CommT> prepareCommit() throws IOException, InterruptedException;
}
