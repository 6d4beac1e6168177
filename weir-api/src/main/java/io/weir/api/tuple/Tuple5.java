package io.weir.api.tuple;

import java.util.Objects;

/** An immutable tuple of 5 fields; {@code toString()} prints {@code (f0,f1,f2,f3,f4)}. */
public final class Tuple5<T0, T1, T2, T3, T4> extends Tuple {
    private static final long serialVersionUID = 1L;

    public final T0 f0;
    public final T1 f1;
    public final T2 f2;
    public final T3 f3;
    public final T4 f4;

    public Tuple5(T0 f0, T1 f1, T2 f2, T3 f3, T4 f4) {
        this.f0 = f0;
        this.f1 = f1;
        this.f2 = f2;
        this.f3 = f3;
        this.f4 = f4;
    }

    public static <T0, T1, T2, T3, T4> Tuple5<T0, T1, T2, T3, T4> of(T0 f0, T1 f1, T2 f2, T3 f3, T4 f4) {
        return new Tuple5<>(f0, f1, f2, f3, f4);
    }

    @Override
    public int getArity() {
        return 5;
    }

    @Override
    @SuppressWarnings("unchecked")
    public <T> T getField(int pos) {
        return (T) switch (pos) {
            case 0 -> f0;
            case 1 -> f1;
            case 2 -> f2;
            case 3 -> f3;
            case 4 -> f4;
            default -> throw badPosition(pos);
        };
    }

    @Override
    @SuppressWarnings({"unchecked", "rawtypes"})
    public Tuple5<T0, T1, T2, T3, T4> withField(int pos, Object value) {
        return (Tuple5) switch (pos) {
            case 0 -> new Tuple5<>(value, f1, f2, f3, f4);
            case 1 -> new Tuple5<>(f0, value, f2, f3, f4);
            case 2 -> new Tuple5<>(f0, f1, value, f3, f4);
            case 3 -> new Tuple5<>(f0, f1, f2, value, f4);
            case 4 -> new Tuple5<>(f0, f1, f2, f3, value);
            default -> throw badPosition(pos);
        };
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Tuple5<?, ?, ?, ?, ?> t && Objects.equals(f0, t.f0) && Objects.equals(f1, t.f1) && Objects.equals(f2, t.f2) && Objects.equals(f3, t.f3) && Objects.equals(f4, t.f4);
    }

    @Override
    public int hashCode() {
        return Objects.hash(f0, f1, f2, f3, f4);
    }
}
