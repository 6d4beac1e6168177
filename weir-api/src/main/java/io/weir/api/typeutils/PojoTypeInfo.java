package io.weir.api.typeutils;

import io.weir.api.common.typeinfo.TypeInformation;

import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A Java record (its components) or a POJO (a class with a no-argument constructor; its instance fields,
 * including inherited ones): records whose fields are read and copied by name.
 */
public final class PojoTypeInfo<T> extends TypeInformation<T> {
    private static final long serialVersionUID = 1L;

    private final Class<T> type;

    private PojoTypeInfo(Class<T> type) {
        this.type = type;
    }

    /** @throws IllegalArgumentException if {@code type} is neither a record nor a class with a no-argument constructor */
    public static <T> PojoTypeInfo<T> of(Class<T> type) {
        if (!isPojo(type)) {
            throw new IllegalArgumentException("Types.POJO(" + type.getName() + "): not a POJO; a POJO is a "
                    + "concrete class with a no-argument constructor, or a Java record");
        }
        return new PojoTypeInfo<>(type);
    }

    static boolean isPojo(Class<?> type) {
        if (type.isRecord()) {
            return true;
        }
        if (type.isInterface() || type.isArray() || type.isEnum() || type.isPrimitive()
                || Modifier.isAbstract(type.getModifiers()) || type.getName().startsWith("java.")) {
            return false;
        }
        try {
            type.getDeclaredConstructor();
            return true;
        } catch (NoSuchMethodException e) {
            return false;
        }
    }

    /** Field names with their declared Java types, in declaration order (a subclass's fields first). */
    public Map<String, Type> getFields() {
        Map<String, Type> fields = new LinkedHashMap<>();
        if (type.isRecord()) {
            for (RecordComponent c : type.getRecordComponents()) {
                fields.put(c.getName(), c.getGenericType());
            }
            return fields;
        }
        for (Class<?> k = type; k != null && k != Object.class; k = k.getSuperclass()) {
            for (Field f : k.getDeclaredFields()) {
                if (!Modifier.isStatic(f.getModifiers()) && !f.isSynthetic()) {
                    fields.putIfAbsent(f.getName(), f.getGenericType());
                }
            }
        }
        return fields;
    }

    public List<String> getFieldNames() {
        return new ArrayList<>(getFields().keySet());
    }

    @Override
    public Class<T> getTypeClass() {
        return type;
    }

    @Override
    public int getArity() {
        return getFields().size();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof PojoTypeInfo<?> other && other.type == type;
    }

    @Override
    public int hashCode() {
        return type.hashCode();
    }

    @Override
    public String toString() {
        return type.getSimpleName();
    }
}
