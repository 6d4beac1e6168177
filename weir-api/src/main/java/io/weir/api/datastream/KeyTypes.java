package io.weir.api.datastream;

import io.weir.api.functions.KeySelector;

import java.lang.invoke.SerializedLambda;
import java.lang.reflect.Method;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Type;

/**
 * Compares, while the job is built, the key types of the two key selectors of a join or coGroup. Generics
 * usually make them equal already; raw types and casts do not, and then records of the two inputs would never
 * meet, silently. A key type is known when the selector is a lambda or method reference (its serialized form
 * names the type it was compiled for) or a class implementing {@code KeySelector<IN, SomeClass>}; otherwise the
 * check passes.
 */
final class KeyTypes {
    private KeyTypes() {
    }

    /** @param operation how the user built the join, for the message, e.g. {@code "join(...).where(...)"} */
    static void checkSame(KeySelector<?, ?> first, KeySelector<?, ?> second, String operation) {
        Class<?> firstType = keyType(first);
        Class<?> secondType = keyType(second);
        if (firstType == null || secondType == null) {
            return;
        }
        if (!firstType.isAssignableFrom(secondType) && !secondType.isAssignableFrom(firstType)) {
            throw new IllegalArgumentException(operation + ": the key selectors return different types, "
                    + firstType.getName() + " (first input) and " + secondType.getName() + " (second input), so "
                    + "no records of the two inputs could ever have equal keys. Make both return the same type");
        }
    }

    /** The class of the keys {@code selector} returns, or null when it cannot be told (or is just Object). */
    static Class<?> keyType(KeySelector<?, ?> selector) {
        Class<?> type = lambdaKeyType(selector);
        if (type == null) {
            type = declaredKeyType(selector.getClass());
        }
        return type == Object.class ? null : type;
    }

    private static Class<?> lambdaKeyType(KeySelector<?, ?> selector) {
        try {
            Method writeReplace = selector.getClass().getDeclaredMethod("writeReplace");
            writeReplace.setAccessible(true);
            if (writeReplace.invoke(selector) instanceof SerializedLambda lambda) {
                String descriptor = lambda.getInstantiatedMethodType();
                String returned = descriptor.substring(descriptor.indexOf(')') + 1);
                if (returned.startsWith("L") && returned.endsWith(";")) {
                    String name = returned.substring(1, returned.length() - 1).replace('/', '.');
                    return Class.forName(name, false, selector.getClass().getClassLoader());
                }
            }
            return null;
        } catch (ReflectiveOperationException | RuntimeException notATellingLambda) {
            // Not a lambda, or one this check may not open: the check cannot tell, so it passes.
            return null;
        }
    }

    private static Class<?> declaredKeyType(Class<?> type) {
        for (Class<?> c = type; c != null && c != Object.class; c = c.getSuperclass()) {
            for (Type implemented : c.getGenericInterfaces()) {
                if (implemented instanceof ParameterizedType p && p.getRawType() == KeySelector.class
                        && p.getActualTypeArguments()[1] instanceof Class<?> key) {
                    return key;
                }
            }
        }
        return null;
    }
}
