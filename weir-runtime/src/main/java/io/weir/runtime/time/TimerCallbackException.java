package io.weir.runtime.time;

/** A checked exception thrown by a timer callback, carried out of the mail that ran it. */
public final class TimerCallbackException extends RuntimeException {
    public TimerCallbackException(Exception cause) {
        super(cause.toString(), cause);
    }
}
