/**
 * The embedded executor, found by the API through {@link java.util.ServiceLoader}: translates a pipeline,
 * deploys it, runs one thread per subtask and completes the job's result after every task thread ended. Sinks
 * with a committer are committed by the {@code SinkCommitCoordinator} after every task finished, before the
 * result completes; a failed or cancelled job commits nothing.
 */
package io.weir.runtime.executor;
