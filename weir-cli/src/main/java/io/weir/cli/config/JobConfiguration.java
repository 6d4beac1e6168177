package io.weir.cli.config;

import io.weir.api.config.Configuration;
import io.weir.api.config.ConfigurationValidator;

/**
 * The settings a job launched by {@code bin/weir} starts from. Precedence, lowest first: {@code config.yaml},
 * {@code -D}; settings made in the job's code come last and are applied by the API itself, over these.
 */
public final class JobConfiguration {
    private JobConfiguration() {
    }

    /** File settings overridden by command-line ones, validated so a bad value fails before the job starts. */
    public static Configuration assemble(Configuration fileSettings, Configuration commandLineSettings) {
        Configuration merged = new Configuration(fileSettings).addAll(commandLineSettings);
        ConfigurationValidator.validate(merged);
        return merged;
    }
}
