package io.weir.api.common.typeinfo;

import io.weir.api.tuple.Tuple;
import io.weir.api.typeutils.GenericTypeInfo;
import io.weir.api.typeutils.PojoTypeInfo;
import io.weir.api.typeutils.TupleTypeInfo;

import java.math.BigDecimal;
import java.math.BigInteger;

/** The type infos by name, as in Flink: {@code Types.STRING}, {@code Types.TUPLE(Types.STRING, Types.LONG)}, ... */
public final class Types {
    public static final TypeInformation<String> STRING = BasicTypeInfo.STRING_TYPE_INFO;
    public static final TypeInformation<Boolean> BOOLEAN = BasicTypeInfo.BOOLEAN_TYPE_INFO;
    public static final TypeInformation<Byte> BYTE = BasicTypeInfo.BYTE_TYPE_INFO;
    public static final TypeInformation<Short> SHORT = BasicTypeInfo.SHORT_TYPE_INFO;
    public static final TypeInformation<Integer> INT = BasicTypeInfo.INT_TYPE_INFO;
    public static final TypeInformation<Long> LONG = BasicTypeInfo.LONG_TYPE_INFO;
    public static final TypeInformation<Float> FLOAT = BasicTypeInfo.FLOAT_TYPE_INFO;
    public static final TypeInformation<Double> DOUBLE = BasicTypeInfo.DOUBLE_TYPE_INFO;
    public static final TypeInformation<Character> CHAR = BasicTypeInfo.CHAR_TYPE_INFO;
    public static final TypeInformation<BigInteger> BIG_INT = BasicTypeInfo.BIG_INT_TYPE_INFO;
    public static final TypeInformation<BigDecimal> BIG_DEC = BasicTypeInfo.BIG_DEC_TYPE_INFO;

    private Types() {
    }

    /**
     * A tuple ({@code Tuple2}..{@code Tuple5}) with these field types.
     *
     * @throws IllegalArgumentException for another number of fields
     */
    public static <T extends Tuple> TypeInformation<T> TUPLE(TypeInformation<?>... fieldTypes) {
        return TupleTypeInfo.of(fieldTypes);
    }

    /**
     * A POJO or Java record, whose fields are read and copied by name.
     *
     * @throws IllegalArgumentException if the class is neither a record nor a class with a no-argument constructor
     */
    public static <T> TypeInformation<T> POJO(Class<T> pojoClass) {
        return PojoTypeInfo.of(pojoClass);
    }

    /** Any other class, treated as an opaque value. */
    public static <T> TypeInformation<T> GENERIC(Class<T> genericClass) {
        return new GenericTypeInfo<>(genericClass);
    }
}
