package io.weir.runtime.serialization;

import java.io.IOException;
import java.io.InputStream;
import java.io.ObjectInputStream;
import java.io.ObjectStreamClass;
import java.lang.reflect.Proxy;

/**
 * Reads Java-serialized objects whose classes come from the job: every class named in the stream is loaded
 * through the job's class loader, never through the loader that loaded Weir. Under {@code bin/weir run} the job's
 * classes live only in the job jar's loader (whose parent holds Weir), so a user lambda held by one of Weir's own
 * classes (a watermark strategy, a window's trigger) must still be resolved there.
 */
public final class UserCodeObjectInputStream extends ObjectInputStream {
    private final ClassLoader classLoader;
    private String firstUnresolvedClass;

    public UserCodeObjectInputStream(InputStream in, ClassLoader classLoader) throws IOException {
        super(in);
        this.classLoader = classLoader;
    }

    @Override
    protected Class<?> resolveClass(ObjectStreamClass desc) throws IOException, ClassNotFoundException {
        try {
            return Class.forName(desc.getName(), false, classLoader);
        } catch (ClassNotFoundException e) {
            if (desc.getName().indexOf('.') < 0) {
                // Primitive types ("int") cannot be loaded by name; the superclass maps them.
                return super.resolveClass(desc);
            }
            if (firstUnresolvedClass == null) {
                firstUnresolvedClass = desc.getName();
            }
            throw e;
        }
    }

    /**
     * The first class the stream named that the loader could not load, or null. {@code ObjectInputStream} does
     * not always fail with it: a lambda whose capturing class is missing stays a {@code SerializedLambda}, and
     * assigning that to its field fails later with a {@code ClassCastException} that does not say why.
     */
    public String firstUnresolvedClass() {
        return firstUnresolvedClass;
    }

    @Override
    @SuppressWarnings("deprecation") // Proxy.getProxyClass is what ObjectInputStream itself uses here
    protected Class<?> resolveProxyClass(String[] interfaces) throws ClassNotFoundException {
        Class<?>[] classes = new Class<?>[interfaces.length];
        for (int i = 0; i < interfaces.length; i++) {
            classes[i] = Class.forName(interfaces[i], false, classLoader);
        }
        return Proxy.getProxyClass(classLoader, classes);
    }
}
