package io.weir.api.tuple;

import java.util.Objects;

/** An immutable tuple of 2 fields; {@code toString()} prints {@code (f0,f1)}. */
public final class Tuple2<T0, T1> extends Tuple {
    private static final long serialVersionUID = 1L;

    public final T0 f0;
    public final T1 f1;

    public Tuple2(T0 f0, T1 f1) {
        this.f0 = f0;
        this.f1 = f1;
    }

    public static <T0, T1> Tuple2<T0, T1> of(T0 f0, T1 f1) {
        return new Tuple2<>(f0, f1);
    }

    @Override
    public int getArity() {
        return 2;
    }

    @Override
    @SuppressWarnings("unchecked")
    public <T> T getField(int pos) {
        return (T) switch (pos) {
            case 0 -> f0;
            case 1 -> f1;
            default -> throw badPosition(pos);
        };
    }

    @Override
    @SuppressWarnings({"unchecked", "rawtypes"})
    public Tuple2<T0, T1> withField(int pos, Object value) {
        return (Tuple2) switch (pos) {
            case 0 -> new Tuple2<>(value, f1);
            case 1 -> new Tuple2<>(f0, value);
            default -> throw badPosition(pos);
        };
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Tuple2<?, ?> t && Objects.equals(f0, t.f0) && Objects.equals(f1, t.f1);
    }

    @Override
    public int hashCode() {
        return Objects.hash(f0, f1);
    }
}
