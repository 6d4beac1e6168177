package io.weir.runtime.translate;

import io.weir.api.functions.Function;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.io.ObjectStreamClass;
import java.io.Serializable;
import java.io.UncheckedIOException;

/**
 * Gives every subtask its own copy of a user function (by serialization, as a cluster would ship it), so
 * that fields of a rich function are never shared between threads.
 */
public final class FunctionCopier {
    private FunctionCopier() {
    }

    /** Serializes once, at translation: a function that cannot be shipped fails at submission, naming the operator. */
    public static byte[] serialize(Function function, String operatorName) {
        return serialize(function, operatorName, "The function");
    }

    /**
     * Serializes any part of an operator that each subtask gets a copy of; {@code what} names it in the error,
     * e.g. "The window (assigner, trigger, evictor and functions)".
     */
    public static byte[] serialize(Serializable object, String operatorName, String what) {
        try (ByteArrayOutputStream bytes = new ByteArrayOutputStream();
             ObjectOutputStream out = new ObjectOutputStream(bytes)) {
            out.writeObject(object);
            out.flush();
            return bytes.toByteArray();
        } catch (IOException e) {
            throw new IllegalArgumentException(what + " of operator '" + operatorName + "' is not serializable ("
                    + e + "). Each subtask gets its own copy of a function: make it a lambda or a static nested "
                    + "class whose fields are serializable (an anonymous class also captures its enclosing object).", e);
        }
    }

    @SuppressWarnings("unchecked")
    public static <F extends Serializable> F deserialize(byte[] bytes, ClassLoader loader) {
        try (ObjectInputStream in = new ObjectInputStream(new ByteArrayInputStream(bytes)) {
            @Override
            protected Class<?> resolveClass(ObjectStreamClass desc) throws IOException, ClassNotFoundException {
                try {
                    return Class.forName(desc.getName(), false, loader);
                } catch (ClassNotFoundException e) {
                    return super.resolveClass(desc);
                }
            }
        }) {
            return (F) in.readObject();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (ClassNotFoundException e) {
            throw new IllegalStateException("Cannot copy a user function: " + e.getMessage(), e);
        }
    }

}
