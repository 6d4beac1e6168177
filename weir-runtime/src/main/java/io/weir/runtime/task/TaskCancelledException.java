package io.weir.runtime.task;

/** The task thread was interrupted because the job is being cancelled or has failed elsewhere. */
public final class TaskCancelledException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public TaskCancelledException(InterruptedException cause) {
        super("Task cancelled", cause);
    }
}
