package io.weir.cli;

import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.util.ArrayList;
import java.util.List;

/** What {@code weir run} and {@code weir plan} share: settings, the jar, its main class and the job's own arguments. */
final class JobOptions {
    @Option(names = "-D", paramLabel = "<key=value>",
            description = "A setting for the job, over conf/config.yaml; repeatable. "
                    + "Both -Dkey=value and -D key=value work, e.g. -Dexecution.runtime-mode=BATCH "
                    + "or -D parallelism.default=2.")
    List<String> settings = new ArrayList<>();

    @Option(names = {"-c", "--class"}, paramLabel = "<mainClass>",
            description = "The job's main class; default: the Main-Class of the jar's manifest.")
    String mainClass;

    @Option(names = "--verbose", description = "Print the stack trace when something fails.")
    boolean verbose;

    @Parameters(index = "0", paramLabel = "<job.jar>",
            description = "The job jar. A relative path that does not exist under the working directory "
                    + "is looked up under WEIR_HOME.")
    String jar;

    @Parameters(index = "1..*", paramLabel = "<args>",
            description = "Arguments for the job's main method, passed as they are: everything after the jar "
                    + "belongs to the job, even words that look like options.")
    List<String> args = new ArrayList<>();
}
