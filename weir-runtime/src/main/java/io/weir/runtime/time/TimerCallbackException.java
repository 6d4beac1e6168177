package io.weir.runtime.time;

/** A checked exception thrown by a timer callback, carried out of the mail that ran it. */
public final class TimerCallbackException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public TimerCallbackException(Exception cause) {
        super(cause.toString(), cause);
    }
}
