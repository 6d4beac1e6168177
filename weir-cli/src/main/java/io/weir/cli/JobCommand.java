package io.weir.cli;

import io.weir.api.config.Configuration;
import io.weir.cli.config.ConfigFileLoader;
import io.weir.cli.config.DynamicProperties;
import io.weir.cli.config.JobConfiguration;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

import java.util.Map;
import java.util.concurrent.Callable;

/**
 * A command that starts a job jar: checks the jar, assembles and validates the settings (so mistakes show
 * before anything runs), then hands over to {@link #launch}. Any failure becomes an {@link ErrorReport} on
 * standard error and exit code 1.
 */
abstract class JobCommand implements Callable<Integer> {
    static final int EXIT_FAILURE = 1;

    @Mixin
    JobOptions options;

    @Spec
    CommandSpec spec;

    private final Map<String, String> environment;
    private final String weirHome;

    JobCommand(Map<String, String> environment, String weirHome) {
        this.environment = environment;
        this.weirHome = weirHome;
    }

    @Override
    public final Integer call() {
        try {
            JobJar jar = JobJar.open(options.jar, options.mainClass, weirHome());
            Configuration configuration = JobConfiguration.assemble(
                    ConfigFileLoader.load(environment, weirHome), DynamicProperties.parse(options.settings));
            return launch(jar, configuration);
        } catch (Throwable failure) {
            spec.commandLine().getErr().print(ErrorReport.paragraph(failure, options.verbose));
            spec.commandLine().getErr().flush();
            return EXIT_FAILURE;
        }
    }

    /** The distribution's directory: what bin/weir passed, else $WEIR_HOME; null when neither is set. */
    private String weirHome() {
        return weirHome != null ? weirHome : environment.get(ConfigFileLoader.HOME_ENV);
    }

    /** Runs the job's main with {@code configuration} installed; returns the exit code. */
    abstract int launch(JobJar jar, Configuration configuration) throws Throwable;
}
