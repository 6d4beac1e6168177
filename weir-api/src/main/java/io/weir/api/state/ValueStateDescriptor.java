package io.weir.api.state;

/** Describes a {@link ValueState}. */
public class ValueStateDescriptor<T> extends StateDescriptor<ValueState<T>> {
    private static final long serialVersionUID = 1L;

    private final Class<T> type;
    private final T defaultValue;

    public ValueStateDescriptor(String name, Class<T> type) {
        this(name, type, null);
    }

    /** A default returned by {@code value()} for a key that has none; it must be immutable, it is shared. */
    public ValueStateDescriptor(String name, Class<T> type, T defaultValue) {
        super(name);
        this.type = type;
        this.defaultValue = defaultValue;
    }

    public Class<T> getType() {
        return type;
    }

    public T getDefaultValue() {
        return defaultValue;
    }

    @Override
    public Kind getKind() {
        return Kind.VALUE;
    }
}
