package io.weir.runtime.scheduler;

/** One subtask of one task of a job graph. */
public record SubtaskId(int vertex, int subtask) {
}
