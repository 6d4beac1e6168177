/**
 * The embedded executor, found by the API through {@link java.util.ServiceLoader}: translates a pipeline,
 * deploys it, runs one thread per subtask and completes the job's result after every task thread ended.
 */
package io.weir.runtime.executor;
