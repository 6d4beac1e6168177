package io.weir.cli;

import io.weir.cli.config.ConfigFileLoader;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.IVersionProvider;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

import java.io.PrintWriter;
import java.util.Map;
import java.util.concurrent.Callable;

/**
 * {@code bin/weir}: runs job jars ({@code weir run}) and prints their plans ({@code weir plan}).
 * Exit codes: 0 success, 1 the job or its settings failed, 2 the command line itself is wrong.
 */
@Command(name = "weir", mixinStandardHelpOptions = true, versionProvider = WeirCli.Version.class, usageHelpWidth = 100,
        description = "Runs Weir dataflow jobs packaged as jars, embedded in this process: no cluster needed.",
        footer = {"",
                "Settings, lowest precedence first: <conf dir>/config.yaml (the conf dir is $WEIR_CONF_DIR, "
                        + "default <WEIR_HOME>/conf), -D options, then whatever the job sets in its code.",
                "",
                "Examples:",
                "  weir run examples/streaming/WordCount.jar --input README.md --output /tmp/out",
                "  weir run -Dexecution.runtime-mode=BATCH examples/streaming/WordCount.jar",
                "  weir plan examples/streaming/WordCount.jar",
                "  weir run --help"})
public final class WeirCli implements Callable<Integer> {
    static final int EXIT_USAGE = 2;

    @Spec
    CommandSpec spec;

    public static void main(String[] args) {
        System.exit(execute(args, System.getenv(), System.getProperty(ConfigFileLoader.HOME_PROPERTY),
                new PrintWriter(System.out, true), new PrintWriter(System.err, true)));
    }

    /** Runs one command line and returns its exit code; {@code environment} stands in for {@link System#getenv()}. */
    static int execute(String[] args, Map<String, String> environment, String weirHome, PrintWriter out, PrintWriter err) {
        return commandLine(environment, weirHome, out, err).execute(args);
    }

    static CommandLine commandLine(Map<String, String> environment, String weirHome, PrintWriter out, PrintWriter err) {
        CommandLine commandLine = new CommandLine(new WeirCli())
                .addSubcommand(new RunCommand(environment, weirHome))
                .addSubcommand(new PlanCommand(environment, weirHome))
                .setOut(out)
                .setErr(err)
                .setParameterExceptionHandler(WeirCli::reportUsageError);
        // Set after the subcommands exist so it reaches them: everything after the jar is the job's.
        commandLine.setStopAtPositional(true);
        return commandLine;
    }

    @Override
    public Integer call() {
        spec.commandLine().getErr().println("Error: missing command: use 'weir run' or 'weir plan'.");
        spec.commandLine().usage(spec.commandLine().getErr());
        return EXIT_USAGE;
    }

    private static int reportUsageError(CommandLine.ParameterException e, String[] args) {
        CommandLine command = e.getCommandLine();
        PrintWriter err = command.getErr();
        err.println("Error: " + e.getMessage());
        err.println("Run '" + command.getCommandSpec().qualifiedName() + " --help' for usage.");
        err.flush();
        return EXIT_USAGE;
    }

    /** The version recorded in the jar's manifest by the build. */
    static final class Version implements IVersionProvider {
        @Override
        public String[] getVersion() {
            String version = WeirCli.class.getPackage().getImplementationVersion();
            return new String[] {"Weir " + (version == null ? "(development build)" : version)};
        }
    }
}
