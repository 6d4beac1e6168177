package io.weir.api.common.typeinfo;

import io.weir.api.typeutils.TypeExtractor;

import java.lang.reflect.Type;

/**
 * Captures a generic type, which a class literal cannot: {@code new TypeHint<Tuple2<String, Long>>() {}}. The
 * anonymous subclass keeps its type argument, which is read by reflection.
 */
public abstract class TypeHint<T> {
    private final TypeInformation<T> typeInfo;

    @SuppressWarnings("unchecked")
    protected TypeHint() {
        Type argument = TypeExtractor.typeArgument(getClass(), TypeHint.class, 0);
        TypeInformation<?> info = argument == null ? null : TypeExtractor.forType(argument);
        if (info == null) {
            throw new IllegalArgumentException("TypeHint: cannot tell the type from " + getClass().getName()
                    + " (a type variable or wildcard is not a type); write the type out, as in "
                    + "new TypeHint<Tuple2<String, Long>>() {}");
        }
        this.typeInfo = (TypeInformation<T>) info;
    }

    public TypeInformation<T> getTypeInfo() {
        return typeInfo;
    }
}
