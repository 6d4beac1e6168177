package io.weir.api.environment;

import io.weir.api.common.JobClient;
import io.weir.api.config.Configuration;

import java.util.ArrayList;
import java.util.List;

/**
 * The configuration a launcher ({@code bin/weir run}) installs before it calls a job's {@code main}: the
 * merged {@code conf/config.yaml} and {@code -D} settings. Every {@code getExecutionEnvironment()} call in
 * the job starts from it; settings made in code take precedence.
 */
public final class EnvironmentContext {
    private static volatile Configuration contextConfiguration;
    private static volatile boolean planOnly;
    private static final List<JobClient> ASYNC_JOBS = new ArrayList<>();

    private EnvironmentContext() {
    }

    public static void install(Configuration configuration, boolean planOnlyMode) {
        contextConfiguration = new Configuration(configuration);
        planOnly = planOnlyMode;
    }

    public static void clear() {
        contextConfiguration = null;
        planOnly = false;
        synchronized (ASYNC_JOBS) {
            ASYNC_JOBS.clear();
        }
    }

    /** The jobs started with {@code executeAsync()} since {@link #install}, in start order. */
    public static List<JobClient> asyncJobs() {
        synchronized (ASYNC_JOBS) {
            return List.copyOf(ASYNC_JOBS);
        }
    }

    /** Remembers a job started with {@code executeAsync()}, only while a launcher has installed a context. */
    static void asyncJobStarted(JobClient client) {
        if (contextConfiguration != null) {
            synchronized (ASYNC_JOBS) {
                ASYNC_JOBS.add(client);
            }
        }
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
