package io.weir.runtime.serialization;

/**
 * A value could not be written or read: an unsupported type, a class the user class loader cannot load,
 * or bytes that do not parse. The message names the class or position and what to do.
 */
public class SerializationException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public SerializationException(String message) {
        super(message);
    }

    public SerializationException(String message, Throwable cause) {
        super(message, cause);
    }

    /** The same failure, with where it happened inside the value prepended ("field Order.items: ..."). */
    SerializationException within(String location) {
        SerializationException e = new SerializationException(location + ": " + getMessage(), getCause());
        e.setStackTrace(getStackTrace());
        return e;
    }
}
