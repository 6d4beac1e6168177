package io.weir.api.config;

import java.util.Comparator;
import java.util.List;
import java.util.Map;

/**
 * Checks a configuration before a job runs: every known option must parse, and an unknown key that belongs
 * to Weir (see {@link KnownOptions#RESERVED_PREFIXES}) or looks like a typo of a known one is an error.
 * Other keys are left for the user's own code.
 */
public final class ConfigurationValidator {
    private ConfigurationValidator() {
    }

    public static void validate(Configuration config) {
        for (Map.Entry<String, Configuration.Entry> e : config.entries().entrySet()) {
            String key = e.getKey();
            ConfigOption<?> option = KnownOptions.find(key);
            if (option != null) {
                config.get(option);
                continue;
            }
            ConfigOption<?> closest = closest(key);
            boolean reserved = KnownOptions.RESERVED_PREFIXES.stream().anyMatch(key::startsWith);
            boolean typo = closest != null && distance(key, closest.key()) <= 2;
            if (reserved || typo) {
                throw new IllegalConfigurationException("Unknown configuration key '" + key + "' with value '"
                        + e.getValue().value() + "' (set in " + e.getValue().origin() + ")"
                        + (closest != null ? ": did you mean '" + closest.key() + "'?" : ".")
                        + " Known keys: " + knownKeys() + ".");
            }
        }
    }

    private static String knownKeys() {
        return String.join(", ", KnownOptions.all().stream().map(ConfigOption::key).sorted().toList());
    }

    private static ConfigOption<?> closest(String key) {
        List<ConfigOption<?>> all = KnownOptions.all();
        return all.stream().min(Comparator.comparingInt(o -> distance(key, o.key())))
                .filter(o -> distance(key, o.key()) <= Math.max(3, o.key().length() / 3))
                .orElse(null);
    }

    /** Levenshtein distance, small strings only. */
    static int distance(String a, String b) {
        int[] prev = new int[b.length() + 1];
        int[] cur = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++) {
            prev[j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            cur[0] = i;
            for (int j = 1; j <= b.length(); j++) {
                int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
                cur[j] = Math.min(Math.min(cur[j - 1] + 1, prev[j] + 1), prev[j - 1] + cost);
            }
            int[] t = prev;
            prev = cur;
            cur = t;
        }
        return prev[b.length()];
    }
}
