package io.weir.api.tuple;

import java.util.Objects;

/** An immutable tuple of 3 fields; {@code toString()} prints {@code (f0,f1,f2)}. */
public final class Tuple3<T0, T1, T2> extends Tuple {
    private static final long serialVersionUID = 1L;

    public final T0 f0;
    public final T1 f1;
    public final T2 f2;

    public Tuple3(T0 f0, T1 f1, T2 f2) {
        this.f0 = f0;
        this.f1 = f1;
        this.f2 = f2;
    }

    public static <T0, T1, T2> Tuple3<T0, T1, T2> of(T0 f0, T1 f1, T2 f2) {
        return new Tuple3<>(f0, f1, f2);
    }

    @Override
    public int getArity() {
        return 3;
    }

    @Override
    @SuppressWarnings("unchecked")
    public <T> T getField(int pos) {
        return (T) switch (pos) {
            case 0 -> f0;
            case 1 -> f1;
            case 2 -> f2;
            default -> throw badPosition(pos);
        };
    }

    @Override
    @SuppressWarnings({"unchecked", "rawtypes"})
    public Tuple3<T0, T1, T2> withField(int pos, Object value) {
        return (Tuple3) switch (pos) {
            case 0 -> new Tuple3<>(value, f1, f2);
            case 1 -> new Tuple3<>(f0, value, f2);
            case 2 -> new Tuple3<>(f0, f1, value);
            default -> throw badPosition(pos);
        };
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Tuple3<?, ?, ?> t && Objects.equals(f0, t.f0) && Objects.equals(f1, t.f1) && Objects.equals(f2, t.f2);
    }

    @Override
    public int hashCode() {
        return Objects.hash(f0, f1, f2);
    }
}
