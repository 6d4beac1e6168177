/**
 * The embedded executor, found by the API through {@link java.util.ServiceLoader}: translates a pipeline,
 * deploys it, runs one thread per subtask and completes the job's result after every task thread ended. Sinks
 * with a committer are committed by the {@code SinkCommitCoordinator} after every task finished, before the
 * result completes; a failed or cancelled job commits nothing.
 * Whatever any of a job's threads throws, {@link java.lang.Error}s included, fails the job and completes its
 * result exactly once ({@code JobThreads}): a job never hangs. BATCH jobs fit their memory settings to the heap
 * before they start ({@code BatchMemory}) and own locked work directories (one per {@code io.tmp.dirs} entry)
 * that are removed when they end, at JVM shutdown, or, after a {@code kill -9}, when the next BATCH job starts
 * ({@code WorkDirectory}, {@code StaleWorkDirectories}, {@code ShutdownCleanup}).
 */
package io.weir.runtime.executor;
