package io.weir.runtime.serialization;

import java.lang.invoke.MethodHandle;
import java.lang.reflect.Field;

/**
 * How one class is written and read, worked out once per {@link RecordSerializer} so that the hot path
 * only switches on {@link #tag} and walks cached {@link Field}s. Immutable after construction.
 */
final class ClassPlan {
    /** Field kinds: primitives are written untagged (their type is known from the class), objects tagged. */
    static final byte OBJECT = 0;
    static final byte INT = 1;
    static final byte LONG = 2;
    static final byte DOUBLE = 3;
    static final byte FLOAT = 4;
    static final byte SHORT = 5;
    static final byte BYTE = 6;
    static final byte CHAR = 7;
    static final byte BOOLEAN = 8;

    final Class<?> type;
    final byte tag;
    /** Dense, serializer-local number; indexes the arrays of a {@link WriteScope}. */
    final int index;
    /** The plan whose class name goes on the wire: an enum constant with a body is written as its enum. */
    final ClassPlan named;
    /** Records and POJOs: fields in wire order, their kinds, and how to build an instance. */
    final Field[] fields;
    final byte[] kinds;
    /** Records: canonical constructor as {@code (Object[])Object}. POJOs: no-arg constructor as {@code ()Object}. */
    final MethodHandle constructor;
    final Object[] enumConstants;

    ClassPlan(Class<?> type, byte tag, int index, ClassPlan named, Field[] fields, byte[] kinds,
              MethodHandle constructor, Object[] enumConstants) {
        this.type = type;
        this.tag = tag;
        this.index = index;
        this.named = named == null ? this : named;
        this.fields = fields;
        this.kinds = kinds;
        this.constructor = constructor;
        this.enumConstants = enumConstants;
    }

    String name() {
        return type.getName();
    }

    static byte kindOf(Class<?> fieldType) {
        if (!fieldType.isPrimitive()) {
            return OBJECT;
        }
        if (fieldType == int.class) {
            return INT;
        } else if (fieldType == long.class) {
            return LONG;
        } else if (fieldType == double.class) {
            return DOUBLE;
        } else if (fieldType == float.class) {
            return FLOAT;
        } else if (fieldType == short.class) {
            return SHORT;
        } else if (fieldType == byte.class) {
            return BYTE;
        } else if (fieldType == char.class) {
            return CHAR;
        }
        return BOOLEAN;
    }

    String fieldName(int i) {
        return type.getSimpleName() + "." + fields[i].getName();
    }
}
