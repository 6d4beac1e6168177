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
        T result = value == null || type.isInstance(value) ? (T) value : parse(option, entry);
        if (!option.accepts(result)) {
            throw new IllegalConfigurationException("Invalid value '" + describeValue(result) + "' for '"
                    + option.key() + "' (set in " + entry.origin() + "): expected " + option.expected());
        }
        return result;
    }

    private static String describeValue(Object value) {
        return value instanceof Duration d ? formatDuration(d) : String.valueOf(value).trim();
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private static <T> T parse(ConfigOption<T> option, Configuration.Entry entry) {
        Class<T> type = option.type();
        String text = String.valueOf(entry.value()).trim();
        try {
            Object parsed;
            if (type == String.class) {
                parsed = text;
            } else if (type == Integer.class) {
                parsed = Math.toIntExact(parseLong(text, Integer.MIN_VALUE, Integer.MAX_VALUE));
            } else if (type == Long.class) {
                parsed = parseLong(text, Long.MIN_VALUE, Long.MAX_VALUE);
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

    /** A duration the way a user would write it back into a setting. */
    static String formatDuration(Duration d) {
        try {
            return d.toNanos() % 1_000_000 == 0 ? d.toMillis() + " ms" : d.toNanos() + " ns";
        } catch (ArithmeticException tooLong) {
            return d.toString();
        }
    }

    /**
     * A whole number within {@code [min, max]}. One that does not fit says so with the bounds, rather than
     * claiming it is not a number (an overflow must never wrap into a different, valid-looking value).
     */
    static long parseLong(String text, long min, long max) {
        long value;
        try {
            value = Long.parseLong(text);
        } catch (NumberFormatException e) {
            if (text.matches("[+-]?\\d+")) {
                throw new IllegalArgumentException("out of range: from " + min + " to " + max);
            }
            throw e;
        }
        if (value < min || value > max) {
            throw new IllegalArgumentException("out of range: from " + min + " to " + max);
        }
        return value;
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

    /**
     * {@code 100}, {@code 100ms}, {@code 100 ms}, {@code 2s}, {@code 2 sec}, {@code 1 min}, {@code 1h}, {@code 1d}.
     * At most {@value #MAX_DURATION_DAYS} days: the runtime waits in nanoseconds, whose {@code long} holds about
     * 292 years; a longer duration is an error rather than an overflow into a short or negative one.
     */
    static Duration parseDuration(String text) {
        Duration d;
        try {
            d = parseDurationUnchecked(text);
            d.toNanos();
        } catch (ArithmeticException tooLong) {
            throw new IllegalArgumentException(DURATION_TOO_LONG);
        }
        return d;
    }

    static final long MAX_DURATION_DAYS = Long.MAX_VALUE / 86_400_000_000_000L;
    private static final String DURATION_TOO_LONG = "too long: at most " + MAX_DURATION_DAYS + " days";

    private static Duration parseDurationUnchecked(String text) {
        String t = text.trim().toLowerCase(Locale.ROOT);
        int i = 0;
        while (i < t.length() && Character.isDigit(t.charAt(i))) {
            i++;
        }
        if (i == 0) {
            throw new IllegalArgumentException("no number");
        }
        long n;
        try {
            n = Long.parseLong(t.substring(0, i));
        } catch (NumberFormatException e) {
            throw new ArithmeticException("more digits than a long holds");
        }
        String unit = t.substring(i).trim();
        return switch (unit) {
            case "", "ms", "milli", "millis", "millisecond", "milliseconds" -> Duration.ofMillis(n);
            case "s", "sec", "secs", "second", "seconds" -> Duration.ofSeconds(n);
            case "min", "mins", "minute", "minutes", "m" -> Duration.ofMinutes(n);
            case "h", "hour", "hours" -> Duration.ofHours(n);
            case "d", "day", "days" -> Duration.ofDays(n);
            case "us", "micro", "micros" -> Duration.ofNanos(Math.multiplyExact(n, 1000L));
            case "ns", "nano", "nanos" -> Duration.ofNanos(n);
            default -> throw new IllegalArgumentException("unknown unit '" + unit + "'");
        };
    }
}
