package io.weir.api.config;

import java.util.Objects;

/**
 * A typed setting: its key, value type, default and description. Declared once as a constant
 * (see {@link ExecutionOptions}) and read with {@link Configuration#get(ConfigOption)}.
 */
public final class ConfigOption<T> {
    private final String key;
    private final Class<T> type;
    private final T defaultValue;
    private final String description;

    ConfigOption(String key, Class<T> type, T defaultValue, String description) {
        this.key = Objects.requireNonNull(key);
        this.type = Objects.requireNonNull(type);
        this.defaultValue = defaultValue;
        this.description = description == null ? "" : description;
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
        return new ConfigOption<>(key, type, defaultValue, text);
    }

    @Override
    public String toString() {
        return key + " (" + type.getSimpleName() + ", default " + defaultValue + ")";
    }
}
