package io.weir.api.common;

/**
 * Lifecycle of a job.
 * <pre>
 * CREATED -> RUNNING -> FINISHED
 *                    -> FAILING -> FAILED
 *                    -> CANCELLING -> CANCELED
 * </pre>
 */
public enum JobStatus {
    CREATED, RUNNING, FINISHED, FAILING, FAILED, CANCELLING, CANCELED;

    public boolean isTerminal() {
        return this == FINISHED || this == FAILED || this == CANCELED;
    }
}
