package io.weir.cli.testjobs;

import io.weir.api.config.Configuration;
import io.weir.api.environment.StreamExecutionEnvironment;

import java.util.List;

/** Records what a launched job sees: its arguments, the settings it starts from and its context class loader. */
public final class RecordingJob {
    public static volatile List<String> args;
    public static volatile Configuration configuration;
    public static volatile ClassLoader contextClassLoader;

    private RecordingJob() {
    }

    public static void main(String[] arguments) {
        args = List.of(arguments);
        configuration = StreamExecutionEnvironment.getExecutionEnvironment().getConfiguration();
        contextClassLoader = Thread.currentThread().getContextClassLoader();
    }
}
