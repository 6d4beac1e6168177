package io.weir.runtime.serialization;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.ObjectOutputStream;

/**
 * The fallback for {@code Serializable} values that are neither records nor POJOs: length-prefixed
 * {@code ObjectOutputStream} bytes, one stream per value (back-references cannot span values that are
 * read independently). Slow and large, hence last in line.
 */
final class JavaSerialization {
    private final ClassLoader classLoader;
    private ExposedByteArrayOutputStream bytes;

    JavaSerialization(ClassLoader classLoader) {
        this.classLoader = classLoader;
    }

    void write(Object value, DataOutputBuffer out) {
        if (bytes == null) {
            bytes = new ExposedByteArrayOutputStream();
        }
        bytes.reset();
        try (ObjectOutputStream oos = new ObjectOutputStream(bytes)) {
            oos.writeObject(value);
        } catch (IOException e) {
            throw new SerializationException("Java serialization (the fallback for classes that are neither "
                    + "records nor POJOs) of " + value.getClass().getName() + " failed: " + e + ". Make the class "
                    + "named there, or the one holding it, a record or a POJO. Supported are " + ClassPlans.SUPPORTED,
                    e);
        }
        out.writeVarInt(bytes.size());
        out.writeBytes(bytes.buffer(), 0, bytes.size());
    }

    Object read(DataInputView in, int length) {
        int start = in.position();
        in.skip(length);
        try (UserCodeObjectInputStream ois = new UserCodeObjectInputStream(
                new ByteArrayInputStream(in.array(), start, length), classLoader)) {
            return ois.readObject();
        } catch (ClassNotFoundException e) {
            throw new SerializationException("Class " + e.getMessage() + " of a Java-serialized value cannot be "
                    + "loaded through class loader " + classLoader + ": is the job's jar on its class path?", e);
        } catch (IOException e) {
            throw new SerializationException("Java deserialization failed at position " + start + ": " + e
                    + " (a class changed between writing and reading, or the data is corrupt)", e);
        }
    }

    /** Lets the bytes be copied out without {@code toByteArray()}. */
    private static final class ExposedByteArrayOutputStream extends ByteArrayOutputStream {
        byte[] buffer() {
            return buf;
        }
    }
}
