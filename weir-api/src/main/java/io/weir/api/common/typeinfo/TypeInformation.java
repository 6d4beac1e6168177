package io.weir.api.common.typeinfo;

import io.weir.api.typeutils.TypeExtractor;

import java.io.Serializable;

/**
 * The type of a stream's records or of a side output: its class and, for tuples and POJOs, the types of their
 * fields. Made with {@link Types}, {@link #of(Class)} or {@link #of(TypeHint)}, as in Flink.
 *
 * <p>Weir uses it, for now, to check while the job is built what it can: that a side-output id always names
 * the same type, and that a field aggregation's position or field fits the stream's type. Records are not
 * serialized by it. Two infos are equal when they describe the same type.
 */
public abstract class TypeInformation<T> implements Serializable {
    private static final long serialVersionUID = 1L;

    /** The class of the records (the raw class for generic types). */
    public abstract Class<T> getTypeClass();

    /** Strings, boxed primitives, {@code BigInteger} and {@code BigDecimal}: values without fields. */
    public boolean isBasicType() {
        return false;
    }

    public boolean isTupleType() {
        return false;
    }

    /** The number of fields directly inside: a tuple's arity, a POJO's fields; 1 for a value without fields. */
    public abstract int getArity();

    /** The type info of {@code type}, e.g. {@code TypeInformation.of(String.class)}; generic types via a hint. */
    public static <T> TypeInformation<T> of(Class<T> type) {
        if (type == null) {
            throw new IllegalArgumentException("TypeInformation.of needs a class, got null");
        }
        return TypeExtractor.forClass(type);
    }

    /** The type info of a generic type: {@code TypeInformation.of(new TypeHint<Tuple2<String, Long>>() {})}. */
    public static <T> TypeInformation<T> of(TypeHint<T> hint) {
        if (hint == null) {
            throw new IllegalArgumentException("TypeInformation.of needs a type hint, got null");
        }
        return hint.getTypeInfo();
    }

    @Override
    public abstract boolean equals(Object o);

    @Override
    public abstract int hashCode();

    /** The type as written in Java, e.g. {@code Tuple2<String, Long>}. */
    @Override
    public abstract String toString();
}
