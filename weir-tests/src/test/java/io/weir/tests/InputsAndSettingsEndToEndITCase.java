package io.weir.tests;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.CompletableFuture;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Careless use through the real {@code bin/weir} (issue 10, items 7 and 8): piped and FIFO input is read, not
 * taken as empty; an output inside the input is refused; settings mistakes stop the command before the job runs.
 */
class InputsAndSettingsEndToEndITCase {
    private static final String WORD_COUNT = "examples/streaming/WordCount.jar";
    private static final long SEED = 0x91bed5L;

    @TempDir
    Path tmp;

    private Path workDir;

    @BeforeAll
    static void distributionIsAssembled() {
        assertThat(WeirProcess.SCRIPT).as("the distribution must be assembled first").isExecutable();
    }

    @BeforeEach
    void createWorkDir() throws IOException {
        workDir = Files.createDirectory(tmp.resolve("cwd"));
    }

    // ------------------------------------------------------------------------------------------- inputs

    @ParameterizedTest
    @ValueSource(strings = {"STREAMING", "BATCH"})
    void textPipedToDevStdinIsCountedInFull(String mode) throws Exception {
        Path text = writeRandomText(tmp.resolve("text.txt"), new Random(SEED), 5_000);
        Path output = tmp.resolve("out");

        WeirProcess.Result result = WeirProcess.run(workDir, Map.of(), text, "run",
                "-Dexecution.runtime-mode=" + mode, WORD_COUNT, "--input", "/dev/stdin", "--output", output.toString());

        assertThat(result.exitCode()).as(result.toString()).isZero();
        assertThat(WordCountEndToEndITCase.lastCountPerWord(output))
                .isEqualTo(WordCountEndToEndITCase.countWords(text));
    }

    @ParameterizedTest
    @ValueSource(strings = {"STREAMING", "BATCH"})
    void textWrittenIntoAFifoIsCountedInFull(String mode) throws Exception {
        Path text = writeRandomText(tmp.resolve("text.txt"), new Random(SEED + 1), 5_000);
        Path fifo = Fifos.mkfifo(tmp.resolve("feed"));
        Path output = tmp.resolve("out");
        // Opening a FIFO for writing waits until the job opens it for reading.
        CompletableFuture<Long> writer = CompletableFuture.supplyAsync(() -> {
            try (var out = Files.newOutputStream(fifo)) {
                return Files.copy(text, out);
            } catch (IOException e) {
                throw new RuntimeException(e);
            }
        });

        WeirProcess.Result result = weir("run", "-Dexecution.runtime-mode=" + mode, WORD_COUNT,
                "--input", fifo.toString(), "--output", output.toString());

        if (!writer.isDone()) {
            // The job never opened the FIFO: read it here so the writer is not left waiting, then fail below.
            try (var in = Files.newInputStream(fifo)) {
                in.transferTo(java.io.OutputStream.nullOutputStream());
            }
        }
        assertThat(result.exitCode()).as(result.toString()).isZero();
        assertThat(writer.join()).isEqualTo(Files.size(text));
        assertThat(WordCountEndToEndITCase.lastCountPerWord(output))
                .isEqualTo(WordCountEndToEndITCase.countWords(text));
    }

    @ParameterizedTest
    @ValueSource(strings = {"STREAMING", "BATCH"})
    void anOutputDirectoryInsideTheInputIsRefusedNamingBoth(String mode) throws Exception {
        Path input = Files.createDirectory(tmp.resolve("in"));
        writeRandomText(input.resolve("a.txt"), new Random(SEED), 10);
        Path output = input.resolve("counts");

        WeirProcess.Result result = weir("run", "-Dexecution.runtime-mode=" + mode, WORD_COUNT,
                "--input", input.toString(), "--output", output.toString());

        assertThat(result.exitCode()).as(result.toString()).isEqualTo(1);
        assertThat(result.stderr()).startsWith("Error: ")
                .contains("writes into '" + output + "', which lies inside the input path '" + input + "'")
                .contains("Choose an output directory outside the input");
        assertThat(output).doesNotExist();
    }

    @Test
    void aDanglingSymlinkInTheInputDirectoryFailsTheJobNamingIt() throws Exception {
        Path input = Files.createDirectory(tmp.resolve("in"));
        writeRandomText(input.resolve("a.txt"), new Random(SEED), 10);
        Path link = Files.createSymbolicLink(input.resolve("b.txt"), tmp.resolve("moved.txt"));

        WeirProcess.Result result = weir("run", WORD_COUNT, "--input", input.toString(),
                "--output", tmp.resolve("out").toString());

        assertThat(result.exitCode()).as(result.toString()).isEqualTo(1);
        assertThat(result.stderr()).contains("'" + link + "', a symbolic link to '" + tmp.resolve("moved.txt")
                + "', which does not exist");
    }

    // ------------------------------------------------------------------------------------------- settings

    @Test
    void aKeyWithoutItsPrefixIsReportedAsATypoBeforeTheJobRuns() throws Exception {
        Path output = tmp.resolve("out");

        WeirProcess.Result result = weir("run", "-Druntime-mode=BATCH", WORD_COUNT, "--output", output.toString());

        assertThat(result.exitCode()).as(result.toString()).isEqualTo(1);
        assertThat(result.stderr()).startsWith("Error: ").contains("'runtime-mode'")
                .contains("did you mean 'execution.runtime-mode'?");
        assertThat(output).doesNotExist();
    }

    @Test
    void aValueGivenToASectionInConfigYamlIsAnError() throws Exception {
        Path confDir = Files.createDirectory(tmp.resolve("conf"));
        Path file = Files.writeString(confDir.resolve("config.yaml"), "execution: BATCH\n");
        Path output = tmp.resolve("out");

        WeirProcess.Result result = WeirProcess.run(workDir, Map.of("WEIR_CONF_DIR", confDir.toString()),
                "run", WORD_COUNT, "--output", output.toString());

        assertThat(result.exitCode()).as(result.toString()).isEqualTo(1);
        assertThat(result.stderr()).contains("'execution' with value 'BATCH' (set in " + file + ")")
                .contains("names a section of settings");
        assertThat(output).doesNotExist();
    }

    @ParameterizedTest
    @ValueSource(strings = {"parallelism.default=0", "pipeline.max-parallelism=40000", "execution.slots=0",
            "execution.buffer-timeout=999999999 d"})
    void anOutOfRangeSettingStopsTheCommandBeforeMainRuns(String setting) throws Exception {
        Path output = tmp.resolve("out");

        WeirProcess.Result result = weir("run", "-D" + setting, WORD_COUNT, "--output", output.toString());

        assertThat(result.exitCode()).as(result.toString()).isEqualTo(1);
        assertThat(result.stderr()).startsWith("Error: Invalid value")
                .contains("'" + setting.substring(0, setting.indexOf('=')) + "' (set in -D command-line option)");
        assertThat(output).doesNotExist();
    }

    @Test
    void aConfDirWithoutConfigYamlIsReported() throws Exception {
        Path confDir = Files.createDirectory(tmp.resolve("empty-conf"));

        WeirProcess.Result result = WeirProcess.run(workDir, Map.of("WEIR_CONF_DIR", confDir.toString()),
                "run", WORD_COUNT);

        assertThat(result.exitCode()).as(result.toString()).isEqualTo(1);
        assertThat(result.stderr()).contains("'" + confDir + "' (set in WEIR_CONF_DIR) holds no config.yaml");
    }

    // ------------------------------------------------------------------------------------------- helpers

    private WeirProcess.Result weir(String... args) throws IOException, InterruptedException {
        return WeirProcess.run(workDir, Map.of(), args);
    }

    /** Lines of words from a skewed vocabulary, mixed case, assorted separators, some empty lines. */
    private static Path writeRandomText(Path file, Random random, int lines) throws IOException {
        String[] separators = {" ", ", ", ". ", "\t", "; ", "!", " (", ") "};
        StringBuilder text = new StringBuilder();
        for (int line = 0; line < lines; line++) {
            int words = random.nextInt(8) == 0 ? 0 : 1 + random.nextInt(12);
            for (int w = 0; w < words; w++) {
                double skew = random.nextDouble();
                String word = "w" + Integer.toString((int) (skew * skew * 300), 36);
                text.append(random.nextInt(5) == 0 ? word.toUpperCase(Locale.ROOT) : word);
                text.append(separators[random.nextInt(separators.length)]);
            }
            text.append('\n');
        }
        return Files.writeString(file, text);
    }
}
