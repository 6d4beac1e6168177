package io.weir.api.tuple;

import java.io.Serializable;

/**
 * Base of {@code Tuple2}..{@code Tuple5}: fixed-arity, immutable records with fields {@code f0, f1, ...}.
 *
 * <p>Unlike Flink's, Weir's tuples are immutable: records are handed between chained operators and
 * threads by reference, so a record that cannot change after it is emitted needs no defensive copy.
 * Use {@link #withField(int, Object)} or the constructor to derive a new one.
 */
public abstract class Tuple implements Serializable {
    private static final long serialVersionUID = 1L;

    public static final int MAX_ARITY = 5;

    public abstract int getArity();

    /** Field {@code pos}, counting from 0. */
    public abstract <T> T getField(int pos);

    /** A copy with field {@code pos} replaced. */
    public abstract Tuple withField(int pos, Object value);

    protected final IndexOutOfBoundsException badPosition(int pos) {
        return new IndexOutOfBoundsException("Field position " + pos + " is out of range for a tuple of arity "
                + getArity() + " (positions 0.." + (getArity() - 1) + ")");
    }

    @Override
    public final String toString() {
        StringBuilder sb = new StringBuilder("(");
        for (int i = 0; i < getArity(); i++) {
            if (i > 0) {
                sb.append(',');
            }
            sb.append((Object) getField(i));
        }
        return sb.append(')').toString();
    }
}
