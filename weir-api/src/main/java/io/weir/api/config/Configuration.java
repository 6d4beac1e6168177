package io.weir.api.config;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Settings by key. Each value remembers where it came from (a file, the command line, code) so that
 * an error can say so. Values set as text are parsed on read, against the option's type.
 *
 * <p>Not thread-safe: build it on one thread, then hand it over.
 */
public final class Configuration {
    /** Origin of values set through the typed setters. */
    public static final String ORIGIN_CODE = "code";

    private final Map<String, Entry> entries = new LinkedHashMap<>();

    public Configuration() {
    }

    public Configuration(Configuration other) {
        entries.putAll(other.entries);
    }

    /** A value and where it was set. The value is either the option's type, or text still to be parsed. */
    public record Entry(Object value, String origin) {
    }

    public <T> Configuration set(ConfigOption<T> option, T value) {
        entries.put(option.key(), new Entry(value, ORIGIN_CODE));
        return this;
    }

    /** Sets a value as text, parsed when read; {@code origin} names the file or flag it came from. */
    public Configuration setString(String key, String value, String origin) {
        entries.put(key, new Entry(value, origin));
        return this;
    }

    public Configuration setString(String key, String value) {
        return setString(key, value, ORIGIN_CODE);
    }

    /** The value of {@code option}, its default if unset. A text value that does not parse throws, naming key, value and origin. */
    public <T> T get(ConfigOption<T> option) {
        Entry entry = entries.get(option.key());
        if (entry == null) {
            return option.defaultValue();
        }
        return ConfigValues.convert(option, entry);
    }

    public <T> Optional<T> getOptional(ConfigOption<T> option) {
        Entry entry = entries.get(option.key());
        return entry == null ? Optional.empty() : Optional.ofNullable(ConfigValues.convert(option, entry));
    }

    public boolean contains(ConfigOption<?> option) {
        return entries.containsKey(option.key());
    }

    public boolean containsKey(String key) {
        return entries.containsKey(key);
    }

    /** The raw value of a key as text, or null. */
    public String getString(String key) {
        Entry e = entries.get(key);
        return e == null ? null : String.valueOf(e.value());
    }

    public String originOf(String key) {
        Entry e = entries.get(key);
        return e == null ? null : e.origin();
    }

    public Set<String> keySet() {
        return Collections.unmodifiableSet(entries.keySet());
    }

    public Map<String, Entry> entries() {
        return Collections.unmodifiableMap(entries);
    }

    public Configuration remove(ConfigOption<?> option) {
        entries.remove(option.key());
        return this;
    }

    /** Copies every entry of {@code other} into this one; {@code other} wins on equal keys. */
    public Configuration addAll(Configuration other) {
        entries.putAll(other.entries);
        return this;
    }

    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder("{");
        entries.forEach((k, e) -> sb.append(sb.length() > 1 ? ", " : "").append(k).append('=').append(e.value()));
        return sb.append('}').toString();
    }
}
