package io.weir.cli;

import io.weir.api.config.Configuration;
import io.weir.api.environment.EnvironmentContext;
import picocli.CommandLine.Command;

import java.util.Map;

@Command(name = "run", mixinStandardHelpOptions = true, separator = " ", usageHelpWidth = 100,
        description = "Runs a job jar's main method with the settings of conf/config.yaml and -D.",
        footer = {"", "Examples:",
                "  weir run examples/streaming/WordCount.jar --input README.md --output /tmp/out",
                "  weir run -Dexecution.runtime-mode=BATCH examples/streaming/WordCount.jar",
                "  weir run -D parallelism.default=2 -c com.example.MyJob my-job.jar --my-arg 1"})
final class RunCommand extends JobCommand {
    RunCommand(Map<String, String> environment, String weirHome) {
        super(environment, weirHome);
    }

    @Override
    int launch(JobJar jar, Configuration configuration) throws Throwable {
        EnvironmentContext.install(configuration, false);
        try {
            JobRunner.runMain(jar, options.args);
            return 0;
        } finally {
            EnvironmentContext.clear();
        }
    }
}
