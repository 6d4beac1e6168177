package io.weir.tests;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.fail;

/** Runs the assembled distribution's {@code bin/weir} as a separate process, the way a user does. */
final class WeirProcess {
    /** Set by the build to weir-dist/target/weir; the fallback serves a run from the module directory. */
    static final Path DISTRIBUTION = Path.of(System.getProperty("weir.dist.dir", "../weir-dist/target/weir"))
            .toAbsolutePath().normalize();
    static final Path SCRIPT = DISTRIBUTION.resolve("bin/weir");

    private static final long TIMEOUT_MINUTES = 3;

    record Result(int exitCode, String stdout, String stderr) {
        @Override
        public String toString() {
            return "exit code " + exitCode + "\n--- stdout\n" + stdout + "\n--- stderr\n" + stderr;
        }
    }

    private WeirProcess() {
    }

    /**
     * {@code bin/weir args...} in {@code workDir}, with {@code env} added to an environment cleared of Weir's
     * own variables so the developer's settings cannot leak into a test.
     */
    static Result run(Path workDir, Map<String, String> env, String... args) throws IOException, InterruptedException {
        return run(workDir, env, null, args);
    }

    /**
     * As {@link #run(Path, Map, String...)}, with the bytes of {@code stdin} fed to the process through a pipe
     * (as {@code cat stdin | bin/weir ...} does), closed after the last byte; null leaves stdin an empty pipe.
     */
    static Result run(Path workDir, Map<String, String> env, Path stdin, String... args)
            throws IOException, InterruptedException {
        List<String> command = new ArrayList<>();
        command.add(SCRIPT.toString());
        command.addAll(List.of(args));
        Path stdout = Files.createTempFile(workDir, "stdout", ".txt");
        Path stderr = Files.createTempFile(workDir, "stderr", ".txt");
        ProcessBuilder builder = new ProcessBuilder(command).directory(workDir.toFile())
                .redirectOutput(stdout.toFile()).redirectError(stderr.toFile());
        builder.environment().keySet().removeAll(List.of("WEIR_HOME", "WEIR_CONF_DIR", "JAVA_OPTS"));
        builder.environment().putAll(env);
        Process process = builder.start();
        Thread feeder = new Thread(() -> {
            try (OutputStream in = process.getOutputStream()) {
                if (stdin != null) {
                    Files.copy(stdin, in);
                }
            } catch (IOException e) {
                // The process closed its stdin early; its exit code and stderr tell why.
            }
        }, "stdin of bin/weir");
        feeder.start();
        if (!process.waitFor(TIMEOUT_MINUTES, TimeUnit.MINUTES)) {
            process.destroyForcibly().waitFor();
            fail("bin/weir " + String.join(" ", args) + " did not finish within " + TIMEOUT_MINUTES + " minutes:\n"
                    + Files.readString(stderr));
        }
        feeder.join();
        return new Result(process.exitValue(), Files.readString(stdout), Files.readString(stderr));
    }

    /**
     * Starts {@code bin/weir args...} in {@code workDir} with its standard input and output as pipes for the test to
     * drive, and standard error into {@code stderr}; the environment is cleared of Weir's variables as in
     * {@link #run}.
     */
    static Process start(Path workDir, Path stderr, String... args) throws IOException {
        List<String> command = new ArrayList<>();
        command.add(SCRIPT.toString());
        command.addAll(List.of(args));
        ProcessBuilder builder = new ProcessBuilder(command).directory(workDir.toFile()).redirectError(stderr.toFile());
        builder.environment().keySet().removeAll(List.of("WEIR_HOME", "WEIR_CONF_DIR", "JAVA_OPTS"));
        return builder.start();
    }
}
