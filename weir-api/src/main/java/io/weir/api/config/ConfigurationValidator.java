package io.weir.api.config;

import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Checks a configuration before a job runs: every known option must parse and be in its range, and an unknown
 * key that belongs to Weir (see {@link KnownOptions#RESERVED_PREFIXES}) or looks like a typo of a known one is
 * an error. A typo is a key that differs from a known key only by letter case, by leaving out its leading
 * part ({@code runtime-mode} for {@code execution.runtime-mode}), or by at most two letters. A value given to
 * a section ({@code execution: BATCH}) is an error too. Other keys are left for the user's own code.
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
            String where = "'" + key + "' with value '" + e.getValue().value() + "' (set in "
                    + e.getValue().origin() + ")";
            List<String> inSection = keysInSection(key);
            if (!inSection.isEmpty()) {
                String example = likelyMeant(inSection, e.getValue());
                String value = String.valueOf(e.getValue().value());
                throw new IllegalConfigurationException("Configuration key " + where + " names a section of "
                        + "settings, not a setting, so its value would be ignored. Set a key inside it, flat ('"
                        + example + ": " + value + "') or nested ('" + key + ":' with '"
                        + example.substring(key.length() + 1) + ": " + value + "' indented below). Keys in it: "
                        + String.join(", ", inSection) + ".");
            }
            ConfigOption<?> typoOf = typoOf(key);
            boolean reserved = KnownOptions.RESERVED_PREFIXES.stream()
                    .anyMatch(prefix -> key.toLowerCase(Locale.ROOT).startsWith(prefix));
            if (reserved || typoOf != null) {
                ConfigOption<?> suggestion = typoOf != null ? typoOf : closest(key);
                throw new IllegalConfigurationException("Unknown configuration key " + where
                        + (suggestion != null ? ": did you mean '" + suggestion.key() + "'?" : ".")
                        + " Known keys: " + knownKeys() + ".");
            }
        }
    }

    /** The known keys below {@code key} when it is (up to letter case) a section such as {@code execution}. */
    private static List<String> keysInSection(String key) {
        String prefix = key.toLowerCase(Locale.ROOT) + ".";
        return KnownOptions.all().stream().map(ConfigOption::key)
                .filter(k -> k.toLowerCase(Locale.ROOT).startsWith(prefix)).sorted().toList();
    }

    /** The first key of the section whose option takes the value ({@code BATCH} fits the runtime mode), else the first. */
    private static String likelyMeant(List<String> keysInSection, Configuration.Entry entry) {
        for (String candidate : keysInSection) {
            try {
                new Configuration().setString(candidate, String.valueOf(entry.value()), entry.origin())
                        .get(KnownOptions.find(candidate));
                if (KnownOptions.find(candidate).type() != String.class) {
                    return candidate;
                }
            } catch (IllegalConfigurationException doesNotFit) {
                // try the next key of the section
            }
        }
        return keysInSection.get(0);
    }

    /** The known option {@code key} is most likely a misspelling of, or null if it looks like a key of its own. */
    static ConfigOption<?> typoOf(String key) {
        String lower = key.toLowerCase(Locale.ROOT);
        List<ConfigOption<?>> all = KnownOptions.all();
        for (ConfigOption<?> o : all) {
            if (o.key().toLowerCase(Locale.ROOT).equals(lower)) {
                return o;
            }
        }
        for (ConfigOption<?> o : all) {
            if (o.key().toLowerCase(Locale.ROOT).endsWith("." + lower)) {
                return o;
            }
        }
        ConfigOption<?> closest = closest(key);
        return closest != null && distance(lower, closest.key().toLowerCase(Locale.ROOT)) <= 2 ? closest : null;
    }

    private static String knownKeys() {
        return String.join(", ", KnownOptions.all().stream().map(ConfigOption::key).sorted().toList());
    }

    private static ConfigOption<?> closest(String key) {
        List<ConfigOption<?>> all = KnownOptions.all();
        String lower = key.toLowerCase(Locale.ROOT);
        return all.stream().min(Comparator.comparingInt(o -> distance(lower, o.key().toLowerCase(Locale.ROOT))))
                .filter(o -> distance(lower, o.key().toLowerCase(Locale.ROOT)) <= Math.max(3, o.key().length() / 3))
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
