package io.weir.cli;

import io.weir.api.config.Configuration;
import io.weir.api.environment.EnvironmentContext;
import io.weir.api.environment.PlanOnlyException;
import picocli.CommandLine.Command;

import java.util.Map;

@Command(name = "plan", mixinStandardHelpOptions = true, separator = " ", usageHelpWidth = 100,
        description = "Prints the execution plan of a job jar as JSON (tasks, chained operators, parallelism, "
                + "exchanges) without running it: the job's main runs up to its first execute().",
        footer = {"", "Example:",
                "  weir plan -Dexecution.runtime-mode=BATCH examples/streaming/WordCount.jar"})
final class PlanCommand extends JobCommand {
    PlanCommand(Map<String, String> environment, String weirHome) {
        super(environment, weirHome);
    }

    @Override
    int launch(JobJar jar, Configuration configuration) throws Throwable {
        EnvironmentContext.install(configuration, true);
        try {
            JobRunner.runMain(jar, options.args);
        } catch (Throwable failure) {
            PlanOnlyException plan = findPlan(failure);
            if (plan == null) {
                throw failure;
            }
            spec.commandLine().getOut().println(plan.getPlan());
            spec.commandLine().getOut().flush();
            return 0;
        } finally {
            EnvironmentContext.clear();
        }
        throw new JobLaunchException("The main method of '" + jar.mainClass() + "' returned without calling "
                + "execute(), or caught the exception execute() throws under 'weir plan', so there is no plan to print");
    }

    /** Jobs may wrap what execute() throws (e.g. in a RuntimeException), so the plan is looked for along the chain. */
    private static PlanOnlyException findPlan(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof PlanOnlyException plan) {
                return plan;
            }
        }
        return null;
    }
}
