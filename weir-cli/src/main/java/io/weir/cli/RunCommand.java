package io.weir.cli;

import io.weir.api.config.Configuration;
import io.weir.api.environment.EnvironmentContext;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.util.Map;

@Command(name = "run", mixinStandardHelpOptions = true, separator = " ", usageHelpWidth = 100,
        description = "Runs a job jar's main method with the settings of conf/config.yaml and -D.",
        footer = {"", "Examples:",
                "  weir run examples/streaming/WordCount.jar --input README.md --output /tmp/out",
                "  weir run -Dexecution.runtime-mode=BATCH examples/streaming/WordCount.jar",
                "  weir run -D parallelism.default=2 -c com.example.MyJob my-job.jar --my-arg 1"})
final class RunCommand extends JobCommand {
    private static final String DETACHED = "-d/--detached";

    @Option(names = {"-d", "--detached"},
            description = "Not supported: the job runs inside this process. Use the shell to run it in the "
                    + "background (nohup ... &).")
    boolean detached;

    RunCommand(Map<String, String> environment, String weirHome) {
        super(environment, weirHome);
    }

    @Override
    int launch(JobJar jar, Configuration configuration) throws Throwable {
        if (detached) {
            spec.commandLine().getErr().println("Error: weir run has no detached mode (" + DETACHED + "): Weir runs "
                    + "the job inside this process, so the job ends when the process does. To keep it running in the "
                    + "background, let the shell detach the process, e.g. 'nohup bin/weir run my-job.jar > job.log "
                    + "2>&1 &'.");
            spec.commandLine().getErr().flush();
            return WeirCli.EXIT_USAGE;
        }
        EnvironmentContext.install(configuration, false);
        try {
            JobRunner.runMain(jar, options.args);
            AsyncJobs.awaitAll(EnvironmentContext.asyncJobs(), spec.commandLine().getErr());
            return 0;
        } finally {
            EnvironmentContext.clear();
        }
    }
}
