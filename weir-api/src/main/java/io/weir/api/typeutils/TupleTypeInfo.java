package io.weir.api.typeutils;

import io.weir.api.common.typeinfo.TypeInformation;
import io.weir.api.tuple.Tuple;
import io.weir.api.tuple.Tuple2;
import io.weir.api.tuple.Tuple3;
import io.weir.api.tuple.Tuple4;
import io.weir.api.tuple.Tuple5;

import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;

/** A tuple class with the types of its fields {@code f0, f1, ...}. */
public final class TupleTypeInfo<T extends Tuple> extends TypeInformation<T> {
    private static final long serialVersionUID = 1L;

    private static final List<Class<? extends Tuple>> CLASSES = List.of(Tuple2.class, Tuple3.class, Tuple4.class,
            Tuple5.class);

    private final Class<T> tupleClass;
    private final TypeInformation<?>[] fieldTypes;

    public TupleTypeInfo(Class<T> tupleClass, TypeInformation<?>... fieldTypes) {
        int arity = arityOf(tupleClass);
        if (fieldTypes.length != arity) {
            throw new IllegalArgumentException(tupleClass.getSimpleName() + " has " + arity + " fields, but "
                    + fieldTypes.length + " field types were given");
        }
        for (int i = 0; i < fieldTypes.length; i++) {
            if (fieldTypes[i] == null) {
                throw new IllegalArgumentException("The type of field f" + i + " of " + tupleClass.getSimpleName()
                        + " is null");
            }
        }
        this.tupleClass = tupleClass;
        this.fieldTypes = fieldTypes.clone();
    }

    /** The tuple of as many fields as {@code fieldTypes} holds ({@code Tuple2}..{@code Tuple5}). */
    @SuppressWarnings("unchecked")
    public static <T extends Tuple> TupleTypeInfo<T> of(TypeInformation<?>... fieldTypes) {
        if (fieldTypes == null || fieldTypes.length < 2 || fieldTypes.length > Tuple.MAX_ARITY) {
            throw new IllegalArgumentException("Types.TUPLE: Weir has tuples of 2 to " + Tuple.MAX_ARITY
                    + " fields (Tuple2..Tuple" + Tuple.MAX_ARITY + "), got " + (fieldTypes == null ? 0
                    : fieldTypes.length) + " field types");
        }
        return new TupleTypeInfo<>((Class<T>) CLASSES.get(fieldTypes.length - 2), fieldTypes);
    }

    /** The number of fields of a tuple class. */
    static int arityOf(Class<?> tupleClass) {
        if (!CLASSES.contains(tupleClass)) {
            throw new IllegalArgumentException(tupleClass.getName() + " is not one of Weir's tuple classes "
                    + "(Tuple2..Tuple" + Tuple.MAX_ARITY + ")");
        }
        return tupleClass.getTypeParameters().length;
    }

    /** The type of field {@code pos}; {@code Object} (generic) where it could not be told. */
    public TypeInformation<?> getTypeAt(int pos) {
        if (pos < 0 || pos >= fieldTypes.length) {
            throw new IndexOutOfBoundsException("Field position " + pos + " is out of range for " + this);
        }
        return fieldTypes[pos];
    }

    @Override
    public Class<T> getTypeClass() {
        return tupleClass;
    }

    @Override
    public boolean isTupleType() {
        return true;
    }

    @Override
    public int getArity() {
        return fieldTypes.length;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof TupleTypeInfo<?> other && other.tupleClass == tupleClass
                && Arrays.equals(other.fieldTypes, fieldTypes);
    }

    @Override
    public int hashCode() {
        return 31 * tupleClass.hashCode() + Arrays.hashCode(fieldTypes);
    }

    @Override
    public String toString() {
        return tupleClass.getSimpleName() + Arrays.stream(fieldTypes).map(Object::toString)
                .collect(Collectors.joining(", ", "<", ">"));
    }
}
