package io.weir.api.config;

import java.util.Objects;
import java.util.function.Predicate;

/**
 * A typed setting: its key, value type, default and description. Declared once as a constant
 * (see {@link ExecutionOptions}) and read with {@link Configuration#get(ConfigOption)}.
 */
public final class ConfigOption<T> {
    private final String key;
    private final Class<T> type;
    private final T defaultValue;
    private final String description;
    private final Predicate<? super T> valid;
    private final String expected;

    ConfigOption(String key, Class<T> type, T defaultValue, String description) {
        this(key, type, defaultValue, description, value -> true, null);
    }

    private ConfigOption(String key, Class<T> type, T defaultValue, String description, Predicate<? super T> valid,
                         String expected) {
        this.key = Objects.requireNonNull(key);
        this.type = Objects.requireNonNull(type);
        this.defaultValue = defaultValue;
        this.description = description == null ? "" : description;
        this.valid = valid;
        this.expected = expected;
    }

    public String key() {
        return key;
    }

    public Class<T> type() {
        return type;
    }

    public T defaultValue() {
        return defaultValue;
    }

    public boolean hasDefaultValue() {
        return defaultValue != null;
    }

    public String description() {
        return description;
    }

    /** The same option with a description. */
    public ConfigOption<T> withDescription(String text) {
        return new ConfigOption<>(key, type, defaultValue, text, valid, expected);
    }

    /**
     * The same option accepting only values for which {@code valid} holds; {@code expected} says which ones
     * ("a positive number, or -1 for the number of cores") in the error for any other value. Checked on every
     * read, so before a job's main runs for settings from {@code config.yaml} and {@code -D}.
     */
    public ConfigOption<T> withRange(Predicate<? super T> valid, String expected) {
        return new ConfigOption<>(key, type, defaultValue, description, Objects.requireNonNull(valid),
                Objects.requireNonNull(expected));
    }

    /** Whether {@code value} is in this option's range (any value, unless {@link #withRange} narrowed it). */
    public boolean accepts(T value) {
        return value == null || valid.test(value);
    }

    /** The values {@link #accepts} takes, in words, or null when it takes every value of its type. */
    public String expected() {
        return expected;
    }

    @Override
    public String toString() {
        return key + " (" + type.getSimpleName() + ", default " + defaultValue + ")";
    }
}
