package io.weir.api.common;

/** How a job runs: see DESIGN.md section 1. Chosen by {@code execution.runtime-mode}. */
public enum RuntimeExecutionMode {
    /** All tasks live at once, pipelined exchanges, watermarks; for unbounded input. */
    STREAMING,
    /** Stages one after another, blocking exchanges on disk, keyed input sorted by key, then timestamp. */
    BATCH,
    /** {@link #BATCH} when every source is bounded, else {@link #STREAMING}. */
    AUTOMATIC
}
