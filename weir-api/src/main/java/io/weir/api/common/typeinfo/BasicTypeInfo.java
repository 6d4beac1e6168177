package io.weir.api.common.typeinfo;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.List;

/** Values without fields: {@code String}, the boxed primitives, {@code BigInteger} and {@code BigDecimal}. */
public final class BasicTypeInfo<T> extends TypeInformation<T> {
    private static final long serialVersionUID = 1L;

    public static final BasicTypeInfo<String> STRING_TYPE_INFO = new BasicTypeInfo<>(String.class, false);
    public static final BasicTypeInfo<Boolean> BOOLEAN_TYPE_INFO = new BasicTypeInfo<>(Boolean.class, false);
    public static final BasicTypeInfo<Byte> BYTE_TYPE_INFO = new BasicTypeInfo<>(Byte.class, true);
    public static final BasicTypeInfo<Short> SHORT_TYPE_INFO = new BasicTypeInfo<>(Short.class, true);
    public static final BasicTypeInfo<Integer> INT_TYPE_INFO = new BasicTypeInfo<>(Integer.class, true);
    public static final BasicTypeInfo<Long> LONG_TYPE_INFO = new BasicTypeInfo<>(Long.class, true);
    public static final BasicTypeInfo<Float> FLOAT_TYPE_INFO = new BasicTypeInfo<>(Float.class, true);
    public static final BasicTypeInfo<Double> DOUBLE_TYPE_INFO = new BasicTypeInfo<>(Double.class, true);
    public static final BasicTypeInfo<Character> CHAR_TYPE_INFO = new BasicTypeInfo<>(Character.class, false);
    public static final BasicTypeInfo<BigInteger> BIG_INT_TYPE_INFO = new BasicTypeInfo<>(BigInteger.class, true);
    public static final BasicTypeInfo<BigDecimal> BIG_DEC_TYPE_INFO = new BasicTypeInfo<>(BigDecimal.class, true);

    private static final List<BasicTypeInfo<?>> ALL = List.of(STRING_TYPE_INFO, BOOLEAN_TYPE_INFO, BYTE_TYPE_INFO,
            SHORT_TYPE_INFO, INT_TYPE_INFO, LONG_TYPE_INFO, FLOAT_TYPE_INFO, DOUBLE_TYPE_INFO, CHAR_TYPE_INFO,
            BIG_INT_TYPE_INFO, BIG_DEC_TYPE_INFO);

    private final Class<T> type;
    private final boolean numeric;

    private BasicTypeInfo(Class<T> type, boolean numeric) {
        this.type = type;
        this.numeric = numeric;
    }

    /** The basic type info of {@code type} (a primitive class counts as its box), or null if it is not basic. */
    @SuppressWarnings("unchecked")
    public static <X> BasicTypeInfo<X> getInfoFor(Class<X> type) {
        Class<?> boxed = box(type);
        for (BasicTypeInfo<?> info : ALL) {
            if (info.type == boxed) {
                return (BasicTypeInfo<X>) info;
            }
        }
        return null;
    }

    private static Class<?> box(Class<?> type) {
        if (!type.isPrimitive()) {
            return type;
        }
        return switch (type.getName()) {
            case "boolean" -> Boolean.class;
            case "byte" -> Byte.class;
            case "short" -> Short.class;
            case "int" -> Integer.class;
            case "long" -> Long.class;
            case "float" -> Float.class;
            case "double" -> Double.class;
            case "char" -> Character.class;
            default -> type;
        };
    }

    /** Whether {@code sum} can add values of this type. */
    public boolean isNumeric() {
        return numeric;
    }

    @Override
    public Class<T> getTypeClass() {
        return type;
    }

    @Override
    public boolean isBasicType() {
        return true;
    }

    @Override
    public int getArity() {
        return 1;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof BasicTypeInfo<?> other && other.type == type;
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
