package io.weir.cli.config;

import io.weir.api.config.Configuration;
import io.weir.api.config.IllegalConfigurationException;

import java.util.List;

/** The {@code -D key=value} settings of the command line. */
public final class DynamicProperties {
    /** The origin errors name for a value set with {@code -D}. */
    public static final String ORIGIN = "-D command-line option";

    private DynamicProperties() {
    }

    /**
     * Parses each {@code key=value} (split at the first '=', so values may contain '='); later settings of the
     * same key win, as a user appending a {@code -D} to a long command line expects.
     */
    public static Configuration parse(List<String> settings) {
        Configuration configuration = new Configuration();
        for (String setting : settings) {
            int eq = setting.indexOf('=');
            String key = eq < 0 ? "" : setting.substring(0, eq).trim();
            if (key.isEmpty()) {
                throw new IllegalConfigurationException("Invalid -D setting '" + setting
                        + "': expected -Dkey=value, for example -Dexecution.runtime-mode=BATCH");
            }
            configuration.setString(key, setting.substring(eq + 1), ORIGIN);
        }
        return configuration;
    }
}
