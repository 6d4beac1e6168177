package io.weir.runtime.task;

/** What a {@link TaskInput} may ask of its task between steps: mails, cancellation, output flushing. */
public interface TaskControl {
    /** Throws if the task is being cancelled. */
    void checkCancelled();

    /** Runs the mails waiting in the inbox, without blocking. */
    void runMails();

    /** Waits at most {@code nanos} for the next inbox item (batch, event or mail); null if none came. */
    Object pollInbox(long nanos) throws InterruptedException;

    /** Runs a mail taken from the inbox. */
    void runMail(Object mail);

    /** Sends partly filled output batches if the buffer timeout has passed. */
    void flushIfDue(long nowNanos) throws InterruptedException;

    /** When the next timed flush is due, or {@code Long.MAX_VALUE} when no output waits. */
    long nextFlushNanos();
}
