package io.weir.api.environment;

import io.weir.api.config.Configuration;

/**
 * The configuration a launcher ({@code bin/weir run}) installs before it calls a job's {@code main}: the
 * merged {@code conf/config.yaml} and {@code -D} settings. Every {@code getExecutionEnvironment()} call in
 * the job starts from it; settings made in code take precedence.
 */
public final class EnvironmentContext {
    private static volatile Configuration contextConfiguration;
    private static volatile boolean planOnly;

    private EnvironmentContext() {
    }

    public static void install(Configuration configuration, boolean planOnlyMode) {
        contextConfiguration = new Configuration(configuration);
        planOnly = planOnlyMode;
    }

    public static void clear() {
        contextConfiguration = null;
        planOnly = false;
    }

    static Configuration configuration() {
        Configuration c = contextConfiguration;
        return c == null ? new Configuration() : new Configuration(c);
    }

    /** True when the launcher only wants the plan ({@code bin/weir plan}): {@code execute()} prints it and runs nothing. */
    static boolean isPlanOnly() {
        return planOnly;
    }
}
