/**
 * What sink subtasks hand to the job for two-phase commit (sinks that implement {@code SupportsCommitter}): output
 * appears only when the whole job succeeded. The executor's {@code SinkCommitCoordinator} commits it.
 *
 * <pre>
 *  job start          SinkCommitCoordinator.open: one Committer per committing sink (a file sink locks its directory)
 *  sink subtask end   SinkOperator: flush(true), prepareCommit(), each committable wrapped in a
 *                     CommittableEnvelope and added to PreparedCommittables under (sink, subtask, attempt)
 *  job success        coordinator: per sink, the committables of each subtask's successful attempt are
 *                     unwrapped and committed in one call (retried while the committer asks to, up to 10
 *                     times; then the job fails)
 *  job end, any way   coordinator: every Committer is closed and discards what was prepared and not committed
 * </pre>
 *
 * A failed or cancelled job commits nothing; a BATCH retry's committables replace the failed attempt's, since
 * only the attempt that finished is committed.
 */
package io.weir.runtime.sink;
