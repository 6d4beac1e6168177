package io.weir.runtime.task;

/** The task thread was interrupted because the job is being cancelled or has failed elsewhere. */
public final class TaskCancelledException extends RuntimeException {
    public TaskCancelledException(InterruptedException cause) {
        super("Task cancelled", cause);
    }
}
