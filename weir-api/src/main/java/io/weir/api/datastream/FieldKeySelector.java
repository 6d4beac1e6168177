package io.weir.api.datastream;

import io.weir.api.functions.KeySelector;
import io.weir.api.tuple.Tuple;
import io.weir.api.tuple.Tuple2;
import io.weir.api.tuple.Tuple3;
import io.weir.api.tuple.Tuple4;
import io.weir.api.tuple.Tuple5;

/** Keys tuples by field positions: one position gives that field, several give a tuple of the fields. */
final class FieldKeySelector<T> implements KeySelector<T, Object> {
    private static final long serialVersionUID = 1L;

    private final int[] positions;

    private FieldKeySelector(int[] positions) {
        this.positions = positions.clone();
    }

    static <T> FieldKeySelector<T> forPositions(int... positions) {
        if (positions.length == 0 || positions.length > Tuple.MAX_ARITY) {
            throw new IllegalArgumentException("keyBy by position needs 1 to " + Tuple.MAX_ARITY + " positions");
        }
        for (int p : positions) {
            if (p < 0) {
                throw new IllegalArgumentException("keyBy: field position must not be negative, was " + p);
            }
        }
        return new FieldKeySelector<>(positions);
    }

    @Override
    public Object getKey(T value) {
        if (!(value instanceof Tuple tuple)) {
            throw new IllegalArgumentException("keyBy(int...) works on tuples only, but a record is a "
                    + (value == null ? "null" : value.getClass().getName()) + ": use keyBy(KeySelector) instead");
        }
        if (positions.length == 1) {
            return tuple.getField(positions[0]);
        }
        Object[] f = new Object[positions.length];
        for (int i = 0; i < f.length; i++) {
            f[i] = tuple.getField(positions[i]);
        }
        return switch (f.length) {
            case 2 -> Tuple2.of(f[0], f[1]);
            case 3 -> Tuple3.of(f[0], f[1], f[2]);
            case 4 -> Tuple4.of(f[0], f[1], f[2], f[3]);
            default -> Tuple5.of(f[0], f[1], f[2], f[3], f[4]);
        };
    }
}
