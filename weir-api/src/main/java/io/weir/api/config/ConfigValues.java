package io.weir.api.config;

import java.time.Duration;
import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/** Parses text values into option types; errors name the key, the value, its origin and what is accepted. */
final class ConfigValues {
    private ConfigValues() {
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    static <T> T convert(ConfigOption<T> option, Configuration.Entry entry) {
        Object value = entry.value();
        Class<T> type = option.type();
        if (value == null || type.isInstance(value)) {
            return (T) value;
        }
        String text = String.valueOf(value).trim();
        try {
            Object parsed;
            if (type == String.class) {
                parsed = text;
            } else if (type == Integer.class) {
                parsed = Integer.parseInt(text);
            } else if (type == Long.class) {
                parsed = Long.parseLong(text);
            } else if (type == Double.class) {
                parsed = Double.parseDouble(text);
            } else if (type == Boolean.class) {
                parsed = parseBoolean(text);
            } else if (type == Duration.class) {
                parsed = parseDuration(text);
            } else if (type == MemorySize.class) {
                parsed = MemorySize.parse(text);
            } else if (type.isEnum()) {
                parsed = parseEnum((Class) type, text);
            } else {
                throw new IllegalStateException("Unsupported option type " + type.getName());
            }
            return (T) parsed;
        } catch (RuntimeException e) {
            throw new IllegalConfigurationException("Invalid value '" + text + "' for '" + option.key() + "' (set in "
                    + entry.origin() + "): " + accepted(type) + describe(e), e);
        }
    }

    private static String describe(RuntimeException e) {
        return e instanceof NumberFormatException || e.getMessage() == null ? "" : " (" + e.getMessage() + ")";
    }

    static String accepted(Class<?> type) {
        if (type.isEnum()) {
            return "accepted values are " + Arrays.stream(type.getEnumConstants()).map(Object::toString)
                    .collect(Collectors.joining(", ")) + " (case-insensitive)";
        }
        if (type == Integer.class || type == Long.class) {
            return "expected a whole number";
        }
        if (type == Double.class) {
            return "expected a number";
        }
        if (type == Boolean.class) {
            return "expected true or false";
        }
        if (type == Duration.class) {
            return "expected a duration such as 100 ms, 2 s, 1 min (a bare number means milliseconds)";
        }
        if (type == MemorySize.class) {
            return "expected a memory size such as 64 mb or 1 gb (a bare number means bytes)";
        }
        return "expected " + type.getSimpleName();
    }

    private static boolean parseBoolean(String text) {
        if (text.equalsIgnoreCase("true")) {
            return true;
        }
        if (text.equalsIgnoreCase("false")) {
            return false;
        }
        throw new IllegalArgumentException();
    }

    private static <E extends Enum<E>> E parseEnum(Class<E> type, String text) {
        for (E constant : type.getEnumConstants()) {
            if (constant.name().equalsIgnoreCase(text.replace('-', '_'))) {
                return constant;
            }
        }
        throw new IllegalArgumentException();
    }

    /** {@code 100}, {@code 100ms}, {@code 100 ms}, {@code 2s}, {@code 2 sec}, {@code 1 min}, {@code 1h}, {@code 1d}. */
    static Duration parseDuration(String text) {
        String t = text.trim().toLowerCase(Locale.ROOT);
        int i = 0;
        while (i < t.length() && Character.isDigit(t.charAt(i))) {
            i++;
        }
        if (i == 0) {
            throw new IllegalArgumentException("no number");
        }
        long n = Long.parseLong(t.substring(0, i));
        String unit = t.substring(i).trim();
        return switch (unit) {
            case "", "ms", "milli", "millis", "millisecond", "milliseconds" -> Duration.ofMillis(n);
            case "s", "sec", "secs", "second", "seconds" -> Duration.ofSeconds(n);
            case "min", "mins", "minute", "minutes", "m" -> Duration.ofMinutes(n);
            case "h", "hour", "hours" -> Duration.ofHours(n);
            case "d", "day", "days" -> Duration.ofDays(n);
            case "us", "micro", "micros" -> Duration.ofNanos(n * 1000);
            case "ns", "nano", "nanos" -> Duration.ofNanos(n);
            default -> throw new IllegalArgumentException("unknown unit '" + unit + "'");
        };
    }
}
