package io.weir.api.config;

import java.util.Locale;

/** An amount of memory, written like {@code 64 mb}, {@code 1g} or {@code 4096} (bytes). */
public record MemorySize(long bytes) {
    public MemorySize {
        if (bytes < 0) {
            throw new IllegalArgumentException("Memory size must not be negative: " + bytes);
        }
    }

    public static MemorySize ofMebiBytes(long mb) {
        return new MemorySize(mb << 20);
    }

    /** Parses {@code 123}, {@code 64k}, {@code 64 kb}, {@code 32m}, {@code 32mb}, {@code 2g}, {@code 2gb}. */
    public static MemorySize parse(String text) {
        String t = text.trim().toLowerCase(Locale.ROOT);
        int i = 0;
        while (i < t.length() && Character.isDigit(t.charAt(i))) {
            i++;
        }
        if (i == 0) {
            throw new IllegalArgumentException("expected a number followed by an optional unit (b, kb, mb, gb)");
        }
        String unit = t.substring(i).trim();
        long factor = switch (unit) {
            case "", "b", "bytes" -> 1L;
            case "k", "kb", "kib" -> 1L << 10;
            case "m", "mb", "mib" -> 1L << 20;
            case "g", "gb", "gib" -> 1L << 30;
            default -> throw new IllegalArgumentException("unknown unit '" + unit + "' (use b, kb, mb or gb)");
        };
        try {
            return new MemorySize(Math.multiplyExact(Long.parseLong(t.substring(0, i)), factor));
        } catch (NumberFormatException | ArithmeticException tooLarge) {
            // Only digits reach here, so the number itself or its product with the unit overflowed a long.
            throw new IllegalArgumentException("too large: at most " + (Long.MAX_VALUE >> 30) + " gb");
        }
    }

    @Override
    public String toString() {
        if (bytes % (1L << 30) == 0 && bytes > 0) {
            return (bytes >> 30) + " gb";
        }
        if (bytes % (1L << 20) == 0 && bytes > 0) {
            return (bytes >> 20) + " mb";
        }
        if (bytes % (1L << 10) == 0 && bytes > 0) {
            return (bytes >> 10) + " kb";
        }
        return bytes + " b";
    }
}
