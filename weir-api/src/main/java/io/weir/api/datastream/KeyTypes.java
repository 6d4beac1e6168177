package io.weir.api.datastream;

import io.weir.api.functions.KeyEquality;
import io.weir.api.functions.KeySelector;

import java.lang.invoke.SerializedLambda;
import java.lang.reflect.Method;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Type;

/**
 * Checks key types while the job is built, where the key selector's return type is visible: a key type must have
 * value equality ({@link KeyEquality}), and the two key selectors of a join or coGroup must return the same type.
 * Generics usually make join key types equal already; raw types and casts do not, and then records of the two
 * inputs would never meet, silently. A key type is known when the selector is a lambda or method reference (its
 * serialized form names the type it was compiled for) or a class implementing {@code KeySelector<IN, SomeClass>};
 * otherwise these checks pass, and the runtime checks the equality of the keys themselves.
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

    /**
     * Rejects a key selector whose return type has no value equality (an array, a class inheriting
     * {@code Object.equals}, a record of such).
     *
     * @param operation how the user keyed the stream, for the message, e.g. {@code "keyBy"}
     */
    static void checkValueEquality(KeySelector<?, ?> selector, String operation) {
        Class<?> type = keyType(selector);
        String problem = type == null ? null : KeyEquality.problemOfType(type);
        if (problem != null) {
            throw new IllegalArgumentException(operation + ": the key selector returns " + type.getTypeName()
                    + ", which has no value equality (" + problem + "), so records with equal keys would not be "
                    + "grouped together. " + KeyEquality.WHAT_TO_DO);
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
                if (returned.startsWith("[")) {
                    // An array descriptor is its class's binary name, with slashes.
                    return Class.forName(returned.replace('/', '.'), false, selector.getClass().getClassLoader());
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
