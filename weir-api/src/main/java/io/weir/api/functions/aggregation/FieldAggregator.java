package io.weir.api.functions.aggregation;

import io.weir.api.common.typeinfo.BasicTypeInfo;
import io.weir.api.common.typeinfo.TypeInformation;
import io.weir.api.functions.ReduceFunction;
import io.weir.api.typeutils.PojoTypeInfo;
import io.weir.api.typeutils.TupleTypeInfo;

import java.math.BigDecimal;
import java.math.BigInteger;

/**
 * The reduce functions behind {@code sum}, {@code min}, {@code max}, {@code minBy} and {@code maxBy}.
 * {@code sum}, {@code min}, {@code max} keep the other fields of the key's first record; {@code minBy} and
 * {@code maxBy} keep the whole record holding the extreme value: on ties the earlier one, or the later one when
 * made with {@code first = false}. Each returns a new record (or one of its inputs) and never changes its inputs.
 */
public final class FieldAggregator<T> implements ReduceFunction<T> {
    private static final long serialVersionUID = 1L;

    private enum Kind { SUM, MIN, MAX, MIN_BY, MAX_BY }

    private final Kind kind;
    private final FieldAccessor.Selection accessor;
    /** For {@code minBy}/{@code maxBy}: on ties keep the earlier record (true) or the later one. */
    private final boolean keepFirstOnTies;

    private FieldAggregator(Kind kind, FieldAccessor.Selection accessor) {
        this(kind, accessor, true);
    }

    private FieldAggregator(Kind kind, FieldAccessor.Selection accessor, boolean keepFirstOnTies) {
        this.kind = kind;
        this.accessor = accessor;
        this.keepFirstOnTies = keepFirstOnTies;
    }

    public static <T> FieldAggregator<T> sum(int position) {
        return new FieldAggregator<>(Kind.SUM, FieldAccessor.position(position));
    }

    public static <T> FieldAggregator<T> sum(String field) {
        return new FieldAggregator<>(Kind.SUM, FieldAccessor.named(field));
    }

    public static <T> FieldAggregator<T> min(int position) {
        return new FieldAggregator<>(Kind.MIN, FieldAccessor.position(position));
    }

    public static <T> FieldAggregator<T> min(String field) {
        return new FieldAggregator<>(Kind.MIN, FieldAccessor.named(field));
    }

    public static <T> FieldAggregator<T> max(int position) {
        return new FieldAggregator<>(Kind.MAX, FieldAccessor.position(position));
    }

    public static <T> FieldAggregator<T> max(String field) {
        return new FieldAggregator<>(Kind.MAX, FieldAccessor.named(field));
    }

    public static <T> FieldAggregator<T> minBy(int position) {
        return new FieldAggregator<>(Kind.MIN_BY, FieldAccessor.position(position));
    }

    public static <T> FieldAggregator<T> minBy(String field) {
        return new FieldAggregator<>(Kind.MIN_BY, FieldAccessor.named(field));
    }

    public static <T> FieldAggregator<T> maxBy(int position) {
        return new FieldAggregator<>(Kind.MAX_BY, FieldAccessor.position(position));
    }

    public static <T> FieldAggregator<T> maxBy(String field) {
        return new FieldAggregator<>(Kind.MAX_BY, FieldAccessor.named(field));
    }

    /** {@code minBy} that keeps, on ties, the first record with the smallest value ({@code first}) or the last. */
    public static <T> FieldAggregator<T> minBy(int position, boolean first) {
        return new FieldAggregator<>(Kind.MIN_BY, FieldAccessor.position(position), first);
    }

    public static <T> FieldAggregator<T> minBy(String field, boolean first) {
        return new FieldAggregator<>(Kind.MIN_BY, FieldAccessor.named(field), first);
    }

    /** {@code maxBy} that keeps, on ties, the first record with the largest value ({@code first}) or the last. */
    public static <T> FieldAggregator<T> maxBy(int position, boolean first) {
        return new FieldAggregator<>(Kind.MAX_BY, FieldAccessor.position(position), first);
    }

    public static <T> FieldAggregator<T> maxBy(String field, boolean first) {
        return new FieldAggregator<>(Kind.MAX_BY, FieldAccessor.named(field), first);
    }

    /**
     * Checks, while the job is built, that the field fits records of {@code recordType}: a position or field they
     * have, a numeric field for {@code sum}, a comparable one for the others. Passes when {@code recordType} is
     * null (not known); the same misfits then fail on the first record.
     *
     * @throws IllegalArgumentException naming the aggregation, its position or field, and the type
     */
    public void checkFits(TypeInformation<?> recordType) {
        if (recordType == null) {
            return;
        }
        TypeInformation<?> field = accessor.fieldType(recordType, describe() + " on a stream of " + recordType);
        if (field == null) {
            return;
        }
        boolean structured = field instanceof TupleTypeInfo<?> || field instanceof PojoTypeInfo<?>;
        if (kind == Kind.SUM && !(field instanceof BasicTypeInfo<?> basic && basic.isNumeric())
                && (field.isBasicType() || structured)) {
            throw new IllegalArgumentException(describe() + " on a stream of " + recordType + ": sum needs a numeric "
                    + "field (int, long, double, float, short, byte, BigInteger, BigDecimal), but "
                    + accessor.describe() + " holds " + field);
        }
        if (kind != Kind.SUM && structured && !Comparable.class.isAssignableFrom(field.getTypeClass())) {
            throw new IllegalArgumentException(describe() + " on a stream of " + recordType + ": "
                    + describe().substring(0, describe().indexOf('(')) + " needs a comparable field, but "
                    + accessor.describe() + " holds " + field + ", which is not Comparable");
        }
    }

    /** The aggregation as the user wrote it, e.g. {@code sum(2)} or {@code minBy("price", false)}. */
    public String describe() {
        String method = switch (kind) {
            case SUM -> "sum";
            case MIN -> "min";
            case MAX -> "max";
            case MIN_BY -> "minBy";
            case MAX_BY -> "maxBy";
        };
        return method + "(" + accessor.describe() + (keepFirstOnTies ? "" : ", false") + ")";
    }

    @Override
    @SuppressWarnings("unchecked")
    public T reduce(T first, T second) {
        Object a = accessor.get(first);
        Object b = accessor.get(second);
        return switch (kind) {
            case SUM -> (T) accessor.with(first, add(a, b));
            case MIN -> compare(a, b) <= 0 ? first : (T) accessor.with(first, b);
            case MAX -> compare(a, b) >= 0 ? first : (T) accessor.with(first, b);
            case MIN_BY -> extreme(compare(a, b), first, second);
            case MAX_BY -> extreme(compare(b, a), first, second);
        };
    }

    /** {@code order} is negative when {@code first} holds the more extreme value, zero on a tie. */
    private T extreme(int order, T first, T second) {
        return order < 0 || order == 0 && keepFirstOnTies ? first : second;
    }

    /**
     * Starts a mutable partial aggregate from a key's first record, for callers that fold many records of a key
     * (a BATCH combiner): a sum of int, long, short, byte, float or double fields then adds into a primitive
     * instead of creating a record per input. {@code add} and {@code result} give the same value as folding with
     * {@link #reduce} (integer sums wrap the same way; float and double add in the same order).
     */
    public Partial<T> newPartial(T first) {
        if (kind == Kind.SUM) {
            Object field = accessor.get(first);
            if (field instanceof Double d) {
                return new DoubleSum<>(first, d);
            }
            if (field instanceof Float f) {
                return new FloatSum<>(first, f);
            }
            if (field instanceof Integer || field instanceof Long || field instanceof Short || field instanceof Byte) {
                return new IntegralSum<>(first, ((Number) field).longValue(), field.getClass());
            }
        }
        return new Folded<>(first);
    }

    /** A key's aggregate so far. Not thread-safe; owned by the operator that folds. */
    public abstract static class Partial<T> {
        abstract void add(FieldAggregator<T> aggregator, T value);

        abstract T result(FieldAggregator<T> aggregator);
    }

    /** Folds {@code value} into {@code partial}. */
    public void add(Partial<T> partial, T value) {
        partial.add(this, value);
    }

    /** The aggregate of every record added so far, as a record. */
    public T result(Partial<T> partial) {
        return partial.result(this);
    }

    private static final class Folded<T> extends Partial<T> {
        private T current;

        Folded(T first) {
            this.current = first;
        }

        @Override
        void add(FieldAggregator<T> aggregator, T value) {
            current = aggregator.reduce(current, value);
        }

        @Override
        T result(FieldAggregator<T> aggregator) {
            return current;
        }
    }

    private static final class IntegralSum<T> extends Partial<T> {
        private final T first;
        private final Class<?> type;
        private long sum;

        IntegralSum(T first, long sum, Class<?> type) {
            this.first = first;
            this.sum = sum;
            this.type = type;
        }

        @Override
        void add(FieldAggregator<T> aggregator, T value) {
            Object field = aggregator.accessor.get(value);
            if (field == null || field.getClass() != type) {
                throw new IllegalArgumentException("sum: a record's field holds " + (field == null ? "null"
                        : field.getClass().getName()) + " where earlier records held " + type.getName());
            }
            sum += ((Number) field).longValue();
        }

        @Override
        @SuppressWarnings("unchecked")
        T result(FieldAggregator<T> aggregator) {
            Object boxed;
            if (type == Integer.class) {
                boxed = (int) sum;
            } else if (type == Short.class) {
                boxed = (short) sum;
            } else if (type == Byte.class) {
                boxed = (byte) sum;
            } else {
                boxed = sum;
            }
            return (T) aggregator.accessor.with(first, boxed);
        }
    }

    private static final class DoubleSum<T> extends Partial<T> {
        private final T first;
        private double sum;

        DoubleSum(T first, double sum) {
            this.first = first;
            this.sum = sum;
        }

        @Override
        void add(FieldAggregator<T> aggregator, T value) {
            sum += (Double) aggregator.accessor.get(value);
        }

        @Override
        @SuppressWarnings("unchecked")
        T result(FieldAggregator<T> aggregator) {
            return (T) aggregator.accessor.with(first, sum);
        }
    }

    private static final class FloatSum<T> extends Partial<T> {
        private final T first;
        private float sum;

        FloatSum(T first, float sum) {
            this.first = first;
            this.sum = sum;
        }

        @Override
        void add(FieldAggregator<T> aggregator, T value) {
            sum += (Float) aggregator.accessor.get(value);
        }

        @Override
        @SuppressWarnings("unchecked")
        T result(FieldAggregator<T> aggregator) {
            return (T) aggregator.accessor.with(first, sum);
        }
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private static int compare(Object a, Object b) {
        if (a instanceof Comparable ca) {
            return ca.compareTo(b);
        }
        throw new IllegalArgumentException("min/max/minBy/maxBy need a comparable field, but it holds a "
                + (a == null ? "null" : a.getClass().getName()));
    }

    private static Object add(Object a, Object b) {
        if (a instanceof Integer x && b instanceof Integer y) {
            return x + y;
        }
        if (a instanceof Long x && b instanceof Long y) {
            return x + y;
        }
        if (a instanceof Double x && b instanceof Double y) {
            return x + y;
        }
        if (a instanceof Float x && b instanceof Float y) {
            return x + y;
        }
        if (a instanceof Short x && b instanceof Short y) {
            return (short) (x + y);
        }
        if (a instanceof Byte x && b instanceof Byte y) {
            return (byte) (x + y);
        }
        if (a instanceof BigInteger x && b instanceof BigInteger y) {
            return x.add(y);
        }
        if (a instanceof BigDecimal x && b instanceof BigDecimal y) {
            return x.add(y);
        }
        throw new IllegalArgumentException("sum needs a numeric field (int, long, double, float, short, byte, "
                + "BigInteger, BigDecimal), but it holds " + (a == null ? "null" : a.getClass().getName())
                + (b != null && a != null && a.getClass() != b.getClass() ? " and " + b.getClass().getName() : ""));
    }
}
