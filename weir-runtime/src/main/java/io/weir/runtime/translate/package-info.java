/**
 * Translation: the one place that reads the execution mode.
 * <pre>
 * Pipeline (API transformations, mode-free)
 *   --ExecutionModeResolver--> STREAMING | BATCH
 *   --StreamGraphBuilder-----> operator nodes + edges (partitioning, parallelism resolved; operator chosen per mode;
 *                              user key selectors wrapped to check their keys, the same in both modes)
 *   --Chainer----------------> JobGraph (tasks = chains of forward edges of equal parallelism; exchanges)
 * </pre>
 * Each mode has its own named method ({@code translateForStreaming}, {@code translateForBatch}); the
 * runtime below never asks which mode it is in.
 * <p>The job's class loader is decided here too, once per job (the submitting thread's context class loader), and
 * the {@code JobGraph} carries it: every copy of user code a subtask gets, and every record BATCH deserializes, is
 * read through it, never through the loader of whatever Weir object holds the user's code.
 */
package io.weir.runtime.translate;
