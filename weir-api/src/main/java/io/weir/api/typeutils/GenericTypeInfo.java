package io.weir.api.typeutils;

import io.weir.api.common.typeinfo.TypeInformation;

/** A class Weir knows nothing more about: an opaque value (also an array, interface or abstract class). */
public final class GenericTypeInfo<T> extends TypeInformation<T> {
    private static final long serialVersionUID = 1L;

    private final Class<T> type;

    public GenericTypeInfo(Class<T> type) {
        if (type == null) {
            throw new IllegalArgumentException("GenericTypeInfo needs a class, got null");
        }
        this.type = type;
    }

    @Override
    public Class<T> getTypeClass() {
        return type;
    }

    @Override
    public int getArity() {
        return 1;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof GenericTypeInfo<?> other && other.type == type;
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
