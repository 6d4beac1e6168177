package io.weir.cli;

import io.weir.api.config.Configuration;
import io.weir.api.environment.StreamExecutionEnvironment;
import io.weir.cli.testjobs.FailingJob;
import io.weir.cli.testjobs.NoExecuteJob;
import io.weir.cli.testjobs.NoMainClass;
import io.weir.cli.testjobs.PipelineJob;
import io.weir.cli.testjobs.RecordingJob;
import io.weir.cli.testjobs.WrappingPlanJob;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** The command line run in-process: exit codes, what reaches the job, and the error paragraphs. */
class WeirCliTest {
    @TempDir
    Path dir;

    private final Map<String, String> env = new HashMap<>();
    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    @BeforeEach
    void reset() {
        RecordingJob.args = null;
        RecordingJob.configuration = null;
        RecordingJob.contextClassLoader = null;
    }

    private int weir(String... args) {
        return WeirCli.execute(args, env, null, new PrintWriter(out, true), new PrintWriter(err, true));
    }

    private int weirWithHome(String home, String... args) {
        return WeirCli.execute(args, env, home, new PrintWriter(out, true), new PrintWriter(err, true));
    }

    private Path recordingJar() throws IOException {
        return TestJars.jar(dir, "recording.jar", RecordingJob.class, RecordingJob.class);
    }

    private static void assertNoStackTrace(String text) {
        assertThat(text).doesNotContain("\tat ").doesNotContain("Exception in thread");
    }

    // ------------------------------------------------------------------------------------------------- run

    @Test
    void runCallsTheManifestMainClassWithArgumentsAfterTheJarUntouched() throws IOException {
        int code = weir("run", recordingJar().toString(), "--input", "in.txt", "--verbose", "-Dx=y", "-c", "Other",
                "--", "--help");
        assertThat(code).isZero();
        assertThat(RecordingJob.args).containsExactly("--input", "in.txt", "--verbose", "-Dx=y", "-c", "Other",
                "--", "--help");
        assertThat(err.toString()).isEmpty();
    }

    @Test
    void runUsesTheMainClassGivenWithDashC() throws IOException {
        Path jar = TestJars.jar(dir, "no-manifest-main.jar", null, RecordingJob.class);
        assertThat(weir("run", "-c", RecordingJob.class.getName(), jar.toString(), "a")).isZero();
        assertThat(RecordingJob.args).containsExactly("a");
    }

    @Test
    void runAcceptsDashDWithAndWithoutSpaceAndValuesContainingEquals() throws IOException {
        int code = weir("run", "-D", "execution.runtime-mode=BATCH", "-Dparallelism.default=3",
                "-Dmy.filter=a=b", recordingJar().toString());
        assertThat(code).isZero();
        Configuration seen = RecordingJob.configuration;
        assertThat(seen.getString("execution.runtime-mode")).isEqualTo("BATCH");
        assertThat(seen.getString("parallelism.default")).isEqualTo("3");
        assertThat(seen.getString("my.filter")).isEqualTo("a=b");
        assertThat(seen.originOf("parallelism.default")).isEqualTo("-D command-line option");
    }

    @Test
    void runInstallsFileSettingsOverriddenByDashD() throws IOException {
        Files.writeString(dir.resolve("config.yaml"), "execution:\n  runtime-mode: BATCH\nparallelism.default: 2\n");
        env.put("WEIR_CONF_DIR", dir.toString());
        assertThat(weir("run", "-Dparallelism.default=5", recordingJar().toString())).isZero();
        assertThat(RecordingJob.configuration.getString("execution.runtime-mode")).isEqualTo("BATCH");
        assertThat(RecordingJob.configuration.getString("parallelism.default")).isEqualTo("5");
    }

    @Test
    void runClearsTheInstalledSettingsWhenTheJobEnds() throws IOException {
        weir("run", "-Dparallelism.default=5", recordingJar().toString());
        assertThat(StreamExecutionEnvironment.getExecutionEnvironment().getConfiguration().keySet()).isEmpty();
    }

    @Test
    void runGivesTheJobItsJarLoaderAsContextClassLoader() throws IOException {
        ClassLoader before = Thread.currentThread().getContextClassLoader();
        weir("run", recordingJar().toString());
        assertThat(RecordingJob.contextClassLoader.getName()).isEqualTo("weir-job");
        assertThat(Thread.currentThread().getContextClassLoader()).isSameAs(before);
    }

    // ------------------------------------------------------------------------------------------------- errors

    @Test
    void missingJarFailsNamingThePath() {
        int code = weir("run", "no/such/job.jar");
        assertThat(code).isEqualTo(1);
        assertThat(err.toString()).startsWith("Error: Job jar 'no/such/job.jar' does not exist");
        assertNoStackTrace(err.toString());
    }

    @Test
    void relativeJarMissingFromTheWorkingDirectoryIsTakenFromWeirHome() throws IOException {
        Files.createDirectories(dir.resolve("examples/streaming"));
        Files.move(recordingJar(), dir.resolve("examples/streaming/Recording.jar"));
        assertThat(weirWithHome(dir.toString(), "run", "examples/streaming/Recording.jar", "x")).isZero();
        assertThat(RecordingJob.args).containsExactly("x");
    }

    @Test
    void weirHomeFromTheEnvironmentIsUsedWhenTheScriptPassedNone() throws IOException {
        Files.createDirectories(dir.resolve("examples"));
        Files.move(recordingJar(), dir.resolve("examples/Recording.jar"));
        env.put("WEIR_HOME", dir.toString());
        assertThat(weir("run", "examples/Recording.jar")).isZero();
    }

    @Test
    void missingJarNamesBothPlacesItWasLookedFor() {
        assertThat(weirWithHome(dir.toString(), "run", "no/such/job.jar")).isEqualTo(1);
        assertThat(err.toString()).contains("does not exist (looked in the working directory ")
                .contains("and in WEIR_HOME " + dir);
    }

    @Test
    void jarWithoutMainClassAsksForDashC() throws IOException {
        Path jar = TestJars.jar(dir, "plain.jar", null, RecordingJob.class);
        assertThat(weir("run", jar.toString())).isEqualTo(1);
        assertThat(err.toString()).contains("names no Main-Class in its manifest").contains("-c <class name>");
    }

    @Test
    void fileThatIsNotAJarFailsNamingIt() throws IOException {
        Path notAJar = Files.writeString(dir.resolve("job.jar"), "plain text");
        assertThat(weir("run", notAJar.toString())).isEqualTo(1);
        assertThat(err.toString()).startsWith("Error: Job jar '" + notAJar + "' cannot be read as a jar file");
    }

    @Test
    void mainClassMissingFromTheJarFailsNamingIt() throws IOException {
        assertThat(weir("run", "-c", "com.example.Nope", recordingJar().toString())).isEqualTo(1);
        assertThat(err.toString()).contains("Main class 'com.example.Nope' is not in job jar");
    }

    @Test
    void classWithoutMainMethodFailsSayingWhatIsMissing() throws IOException {
        Path jar = TestJars.jar(dir, "nomain.jar", NoMainClass.class, NoMainClass.class);
        assertThat(weir("run", jar.toString())).isEqualTo(1);
        assertThat(err.toString()).contains("has no 'public static void main(String[] args)' method");
    }

    @Test
    void invalidValueOnTheCommandLineNamesKeyValueOriginAndAcceptedValuesWithoutStackTrace() throws IOException {
        int code = weir("run", "-Dexecution.runtime-mode=FOO", recordingJar().toString());
        assertThat(code).isEqualTo(1);
        assertThat(err.toString())
                .startsWith("Error: Invalid value 'FOO' for 'execution.runtime-mode' (set in -D command-line option)")
                .contains("STREAMING, BATCH, AUTOMATIC")
                .doesNotContain("Caused by");
        assertNoStackTrace(err.toString());
        assertThat(RecordingJob.args).as("the job must not start").isNull();
    }

    @Test
    void invalidValueInConfigYamlNamesTheFile() throws IOException {
        Path file = Files.writeString(dir.resolve("config.yaml"), "parallelism.default: many\n");
        env.put("WEIR_CONF_DIR", dir.toString());
        assertThat(weir("run", recordingJar().toString())).isEqualTo(1);
        assertThat(err.toString()).contains("'many'").contains("parallelism.default")
                .contains(file.toAbsolutePath().normalize().toString());
    }

    @Test
    void unknownKeyWithATypoSuggestsTheKnownKey() throws IOException {
        assertThat(weir("run", "-Dexecution.runtime-mod=BATCH", recordingJar().toString())).isEqualTo(1);
        assertThat(err.toString()).contains("did you mean 'execution.runtime-mode'");
    }

    @Test
    void malformedConfigYamlNamesTheFileAndLine() throws IOException {
        Files.writeString(dir.resolve("config.yaml"), "execution:\n  runtime-mode: [BATCH\n");
        env.put("WEIR_CONF_DIR", dir.toString());
        assertThat(weir("run", recordingJar().toString())).isEqualTo(1);
        assertThat(err.toString()).startsWith("Error: Cannot parse configuration file '"
                + dir.resolve("config.yaml").toAbsolutePath().normalize() + "' at line ");
        assertNoStackTrace(err.toString());
    }

    @Test
    void confDirThatDoesNotExistNamesIt() throws IOException {
        env.put("WEIR_CONF_DIR", dir.resolve("missing").toString());
        assertThat(weir("run", recordingJar().toString())).isEqualTo(1);
        assertThat(err.toString()).contains("'" + dir.resolve("missing") + "'").contains("WEIR_CONF_DIR");
    }

    @Test
    void jobFailureShowsEachDistinctCauseOnceWithoutStackTrace() throws IOException {
        Path jar = TestJars.jar(dir, "failing.jar", FailingJob.class, FailingJob.class);
        assertThat(weir("run", jar.toString())).isEqualTo(1);
        List<String> lines = err.toString().lines().toList();
        assertThat(lines.get(0)).startsWith("Error: Job 'WordCount' failed in operator 'Sink' (subtask 1/1)");
        assertThat(lines).containsSubsequence("Caused by: IOException: No space left on device",
                "(Run with --verbose to see the stack trace.)");
        assertThat(lines).filteredOn(l -> l.contains("Cannot write part file")).hasSize(1);
        assertNoStackTrace(err.toString());
    }

    @Test
    void verboseAddsTheStackTrace() throws IOException {
        Path jar = TestJars.jar(dir, "failing.jar", FailingJob.class, FailingJob.class);
        assertThat(weir("run", "--verbose", jar.toString())).isEqualTo(1);
        assertThat(err.toString()).startsWith("Error: Job 'WordCount' failed").contains("\tat ")
                .contains(FailingJob.class.getName());
    }

    @Test
    void detachedIsRejectedBecauseTheJobRunsInsideTheProcess() throws IOException {
        for (String option : List.of("-d", "--detached")) {
            StringWriter errors = new StringWriter();
            int code = WeirCli.execute(new String[] {"run", option, recordingJar().toString()}, env, null,
                    new PrintWriter(out, true), new PrintWriter(errors, true));

            assertThat(code).as(option).isEqualTo(2);
            assertThat(errors.toString()).as(option).startsWith("Error: weir run has no detached mode")
                    .contains("nohup");
            assertThat(RecordingJob.args).as("main must not have been called").isNull();
        }
    }

    @Test
    void optionUnknownToTheCliBeforeTheJarIsAUsageError() throws IOException {
        assertThat(weir("run", "--input", "x", recordingJar().toString())).isEqualTo(2);
        assertThat(err.toString()).startsWith("Error: Unknown option: '--input'").contains("weir run --help");
    }

    @Test
    void runWithoutJarIsAUsageError() {
        assertThat(weir("run")).isEqualTo(2);
        assertThat(err.toString()).startsWith("Error: Missing required parameter: '<job.jar>'");
    }

    @Test
    void noCommandIsAUsageErrorListingTheCommands() {
        assertThat(weir()).isEqualTo(2);
        assertThat(err.toString()).contains("missing command").contains("run").contains("plan");
    }

    // ------------------------------------------------------------------------------------------------- plan

    @Test
    void planPrintsThePlanOfTheJobInsteadOfRunningIt() throws IOException {
        Path jar = TestJars.jar(dir, "pipeline.jar", PipelineJob.class, PipelineJob.class);
        int code = weir("plan", jar.toString());
        assertThat(err.toString()).isEmpty();
        assertThat(code).isZero();
        assertThat(out.toString()).contains("\"Letters\"").contains("\"Upper\"").contains("\"Printer\"");
    }

    @Test
    void planFindsThePlanWhenTheJobWrapsWhatExecuteThrew() throws IOException {
        Path jar = TestJars.jar(dir, "wrapping.jar", WrappingPlanJob.class, WrappingPlanJob.class);
        assertThat(weir("plan", jar.toString())).isZero();
        assertThat(out.toString().trim()).isEqualTo("{\"operators\":[\"Wrapped\"]}");
    }

    @Test
    void planOfAMainThatNeverExecutesIsAnError() throws IOException {
        Path jar = TestJars.jar(dir, "noexec.jar", NoExecuteJob.class, NoExecuteJob.class);
        assertThat(weir("plan", jar.toString())).isEqualTo(1);
        assertThat(err.toString()).contains("returned without calling execute()");
    }

    @Test
    void planValidatesSettingsToo() throws IOException {
        Path jar = TestJars.jar(dir, "pipeline.jar", PipelineJob.class, PipelineJob.class);
        assertThat(weir("plan", "-Dexecution.runtime-mode=FOO", jar.toString())).isEqualTo(1);
        assertThat(err.toString()).contains("Invalid value 'FOO'");
    }

    // ------------------------------------------------------------------------------------------------- help

    @Test
    void helpExplainsTheCommandsAndSettingPrecedence() {
        assertThat(weir("--help")).isZero();
        assertThat(out.toString()).contains("run").contains("plan").contains("config.yaml")
                .contains("-Dexecution.runtime-mode=BATCH");
    }

    @Test
    void runHelpShowsDashDExamples() {
        assertThat(weir("run", "--help")).isZero();
        assertThat(out.toString()).contains("-Dexecution.runtime-mode=BATCH").contains("-D parallelism.default=2")
                .contains("<job.jar>");
    }

    @Test
    void versionPrintsWeir() {
        assertThat(weir("--version")).isZero();
        assertThat(out.toString()).startsWith("Weir ");
    }

    @Test
    void helpAfterTheJarGoesToTheJobInsteadOfShowingUsage() throws IOException {
        assertThat(weir("run", recordingJar().toString(), "--help")).isZero();
        assertThat(RecordingJob.args).containsExactly("--help");
        assertThat(out.toString()).doesNotContain("Usage");
    }
}
