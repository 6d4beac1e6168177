package io.weir.runtime.translate;

import io.weir.runtime.serialization.UserCodeObjectInputStream;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.ObjectOutputStream;
import java.io.Serializable;
import java.io.UncheckedIOException;
import java.util.function.Supplier;

/**
 * Gives every subtask its own copy of a user function (by serialization, as a cluster would ship it), so
 * that fields of a rich function are never shared between threads. Copies are read through the job's class
 * loader, given once for the whole job: the class of the object copied says nothing about where the user code
 * inside it comes from (Weir's watermark strategy holding a user's lambda is loaded by Weir's loader).
 */
final class FunctionCopier {
    private final ClassLoader userClassLoader;

    FunctionCopier(ClassLoader userClassLoader) {
        this.userClassLoader = userClassLoader;
    }

    /**
     * Serializes {@code object} now, so that one that cannot be shipped fails at submission naming the operator
     * and {@code what} part of it ("The function", "The window (assigner, trigger, evictor and functions)"), and
     * returns a supplier of fresh copies, one per call.
     */
    <T extends Serializable> Supplier<T> copiesOf(T object, String operatorName, String what) {
        byte[] bytes = serialize(object, operatorName, what);
        String type = object.getClass().getName();
        return () -> deserialize(bytes, operatorName, what, type);
    }

    private static byte[] serialize(Serializable object, String operatorName, String what) {
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
    private <T> T deserialize(byte[] bytes, String operatorName, String what, String type) {
        UserCodeObjectInputStream in = null;
        try {
            in = new UserCodeObjectInputStream(new ByteArrayInputStream(bytes), userClassLoader);
            return (T) in.readObject();
        } catch (ClassNotFoundException e) {
            throw notVisible(what, type, operatorName, e.getMessage(), e);
        } catch (ClassCastException e) {
            // A lambda whose class could not be loaded stays a SerializedLambda that fits no field.
            if (in.firstUnresolvedClass() == null) {
                throw e;
            }
            throw notVisible(what, type, operatorName, in.firstUnresolvedClass(), e);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot copy " + lowerFirst(what) + " (" + type + ") of operator '"
                    + operatorName + "' through the job's class loader " + userClassLoader + ": " + e, e);
        }
    }

    private IllegalStateException notVisible(String what, String type, String operatorName, String missingClass,
                                             Exception cause) {
        return new IllegalStateException("Cannot copy " + lowerFirst(what) + " (" + type + ") of operator '"
                + operatorName + "': class " + missingClass + " is not visible to the job's class loader "
                + userClassLoader + ". Submit the job from a thread whose context class loader sees the job's "
                + "classes (bin/weir run does so for the job jar).", cause);
    }

    private static String lowerFirst(String what) {
        return Character.toLowerCase(what.charAt(0)) + what.substring(1);
    }
}
