package io.weir.tests;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The distribution as a user meets it: {@code bin/weir} runs {@code examples/streaming/WordCount.jar} from a
 * working directory outside the distribution, with settings from {@code -D} and from a {@code config.yaml}.
 */
class WordCountEndToEndITCase {
    private static final String WORD_COUNT = "examples/streaming/WordCount.jar";
    private static final long SEED = 20240607L;

    @TempDir
    Path tmp;

    private Path workDir;

    @BeforeAll
    static void distributionIsAssembled() {
        assertThat(WeirProcess.SCRIPT)
                .as("the distribution must be assembled first (mvn package builds weir-dist/target/weir)")
                .isExecutable();
        assertThat(WeirProcess.DISTRIBUTION.resolve(WORD_COUNT)).isRegularFile();
    }

    @BeforeEach
    void createWorkDir() throws IOException {
        workDir = Files.createDirectory(tmp.resolve("cwd"));
    }

    private WeirProcess.Result weir(String... args) throws IOException, InterruptedException {
        return WeirProcess.run(workDir, Map.of(), args);
    }

    private WeirProcess.Result weirWithConfDir(Path confDir, String... args) throws IOException, InterruptedException {
        return WeirProcess.run(workDir, Map.of("WEIR_CONF_DIR", confDir.toString()), args);
    }

    // ------------------------------------------------------------------------------------------- running jobs

    @Test
    void streamingWordCountEndsWithTheSameCountPerWordAsAnIndependentCount() throws Exception {
        Path input = writeRandomText(tmp.resolve("input.txt"), new Random(SEED), 20_000);
        Path output = tmp.resolve("out");

        WeirProcess.Result result = weir("run", WORD_COUNT, "--input", input.toString(), "--output", output.toString());

        assertThat(result.exitCode()).as(result.toString()).isZero();
        assertThat(lastCountPerWord(output)).isEqualTo(countWords(input));
    }

    @Test
    void batchWordCountEmitsOneFinalLinePerWord() throws Exception {
        Path input = writeRandomText(tmp.resolve("input.txt"), new Random(SEED + 1), 5_000);
        Path output = tmp.resolve("out");

        WeirProcess.Result result = weir("run", "-Dexecution.runtime-mode=BATCH", WORD_COUNT,
                "--input", input.toString(), "--output", output.toString());

        assertThat(result.exitCode()).as(result.toString()).isZero();
        List<String> lines = outputLines(output);
        Map<String, Long> expected = countWords(input);
        assertThat(lines).hasSize(expected.size());
        assertThat(lastCountPerWord(output)).isEqualTo(expected);
    }

    @Test
    void wordCountWithoutArgumentsPrintsCountsOfTheBuiltInText() throws Exception {
        WeirProcess.Result result = weir("run", "-Dexecution.runtime-mode=BATCH", WORD_COUNT);

        assertThat(result.exitCode()).as(result.toString()).isZero();
        // Gettysburg Address: "nation" occurs five times. Parallel print sinks prefix lines with "N> ".
        assertThat(result.stdout().lines()).anyMatch(line -> line.matches("(\\d+> )?nation,5"));
    }

    @Test
    void parallelismFromConfigYamlIsHonoured() throws Exception {
        Path confDir = Files.createDirectory(tmp.resolve("conf"));
        Files.writeString(confDir.resolve("config.yaml"), "parallelism:\n  default: 1\n");
        Path input = writeRandomText(tmp.resolve("input.txt"), new Random(SEED + 2), 500);
        Path output = tmp.resolve("out");

        WeirProcess.Result result = weirWithConfDir(confDir, "run", WORD_COUNT,
                "--input", input.toString(), "--output", output.toString());

        assertThat(result.exitCode()).as(result.toString()).isZero();
        assertThat(partFiles(output)).extracting(p -> p.getFileName().toString()).containsExactly("part-0-0");
        assertThat(lastCountPerWord(output)).isEqualTo(countWords(input));
    }

    @Test
    void planPrintsJsonNamingTheOperatorsWithoutRunningTheJob() throws Exception {
        Path output = tmp.resolve("out");

        WeirProcess.Result result = weir("plan", WORD_COUNT, "--output", output.toString());

        assertThat(result.exitCode()).as(result.toString()).isZero();
        assertThat(result.stdout().strip()).startsWith("{").endsWith("}")
                .contains("Tokenizer").contains("Count").contains("Format").contains("File sink");
        assertThat(output).doesNotExist();
    }

    // ------------------------------------------------------------------------------------------- errors

    @Test
    void invalidRuntimeModeFailsBeforeTheJobStartsNamingKeyValueOriginAndAcceptedValues() throws Exception {
        Path output = tmp.resolve("out");

        WeirProcess.Result result = weir("run", "-Dexecution.runtime-mode=FOO", WORD_COUNT,
                "--output", output.toString());

        assertThat(result.exitCode()).as(result.toString()).isNotZero();
        assertThat(result.stderr()).startsWith("Error: ")
                .contains("execution.runtime-mode").contains("'FOO'").contains("-D command-line option")
                .contains("STREAMING, BATCH, AUTOMATIC");
        assertNoStackTrace(result);
        assertThat(output).doesNotExist();
    }

    @Test
    void invalidValueInConfigYamlFailsNamingTheFile() throws Exception {
        Path confDir = Files.createDirectory(tmp.resolve("conf"));
        Path file = Files.writeString(confDir.resolve("config.yaml"), "execution:\n  runtime-mode: SOMETIMES\n");

        WeirProcess.Result result = weirWithConfDir(confDir, "run", WORD_COUNT);

        assertThat(result.exitCode()).as(result.toString()).isNotZero();
        assertThat(result.stderr()).contains("'SOMETIMES'").contains("execution.runtime-mode")
                .contains(file.toRealPath().toString());
        assertNoStackTrace(result);
    }

    @Test
    void confDirThatDoesNotExistFailsNamingIt() throws Exception {
        Path missing = tmp.resolve("no-such-conf");

        WeirProcess.Result result = weirWithConfDir(missing, "run", WORD_COUNT);

        assertThat(result.exitCode()).as(result.toString()).isNotZero();
        assertThat(result.stderr()).contains(missing.toString()).contains("WEIR_CONF_DIR");
    }

    @Test
    void missingJobJarFailsNamingIt() throws Exception {
        WeirProcess.Result result = weir("run", "examples/streaming/NoSuchJob.jar");

        assertThat(result.exitCode()).as(result.toString()).isNotZero();
        assertThat(result.stderr()).startsWith("Error: Job jar 'examples/streaming/NoSuchJob.jar' does not exist");
        assertNoStackTrace(result);
    }

    @Test
    void helpExplainsUsageAndExitsWithZero() throws Exception {
        WeirProcess.Result help = weir("--help");
        assertThat(help.exitCode()).as(help.toString()).isZero();
        assertThat(help.stdout()).contains("Usage: weir").contains("run").contains("plan");

        WeirProcess.Result runHelp = weir("run", "--help");
        assertThat(runHelp.exitCode()).as(runHelp.toString()).isZero();
        assertThat(runHelp.stdout()).contains("Usage: weir run").contains("-Dexecution.runtime-mode=BATCH");
    }

    // ------------------------------------------------------------------------------------------- helpers

    private static void assertNoStackTrace(WeirProcess.Result result) {
        assertThat(result.stderr()).doesNotContain("\tat ").doesNotContain("Exception in thread");
    }

    /**
     * Lines of words drawn with a skew (a few frequent words, a long tail), in mixed case, separated by
     * assorted punctuation and whitespace, with some empty lines.
     */
    private static Path writeRandomText(Path file, Random random, int lines) throws IOException {
        List<String> vocabulary = new ArrayList<>();
        for (int i = 0; i < 400; i++) {
            StringBuilder word = new StringBuilder();
            int length = 1 + random.nextInt(9);
            for (int j = 0; j < length; j++) {
                word.append(random.nextInt(20) == 0 ? (char) ('0' + random.nextInt(10)) : (char) ('a' + random.nextInt(26)));
            }
            vocabulary.add(word.toString());
        }
        String[] separators = {" ", "  ", ", ", ". ", " - ", "\t", "; ", "!", "? ", "--", " (", ") ", "'"};
        StringBuilder text = new StringBuilder();
        for (int line = 0; line < lines; line++) {
            int words = random.nextInt(8) == 0 ? 0 : 1 + random.nextInt(14);
            for (int w = 0; w < words; w++) {
                double skew = random.nextDouble();
                String word = vocabulary.get((int) (skew * skew * vocabulary.size()));
                text.append(random.nextInt(5) == 0 ? word.toUpperCase(Locale.ROOT) : word);
                text.append(separators[random.nextInt(separators.length)]);
            }
            text.append('\n');
        }
        return Files.writeString(file, text);
    }

    /** The expected result, counted here without Weir: lower-case, split at every non [a-z0-9_] character. */
    static Map<String, Long> countWords(Path file) throws IOException {
        Map<String, Long> counts = new TreeMap<>();
        for (String line : Files.readAllLines(file)) {
            for (String token : line.toLowerCase(Locale.ROOT).split("[^a-z0-9_]+")) {
                if (!token.isEmpty()) {
                    counts.merge(token, 1L, Long::sum);
                }
            }
        }
        return counts;
    }

    /** Visible files of the sink's directory; names starting with '.' are files still being written. */
    private static List<Path> partFiles(Path output) throws IOException {
        try (Stream<Path> files = Files.walk(output)) {
            return files.filter(Files::isRegularFile)
                    .filter(p -> !p.getFileName().toString().startsWith("."))
                    .sorted().toList();
        }
    }

    private static List<String> outputLines(Path output) throws IOException {
        List<String> lines = new ArrayList<>();
        for (Path part : partFiles(output)) {
            lines.addAll(Files.readAllLines(part));
        }
        return lines;
    }

    /**
     * A word's last line in the output holds its final count: each word is counted by one subtask, which
     * writes its updates in order to its own part file.
     */
    static Map<String, Long> lastCountPerWord(Path output) throws IOException {
        Map<String, Long> last = new HashMap<>();
        for (String line : outputLines(output)) {
            int comma = line.lastIndexOf(',');
            last.put(line.substring(0, comma), Long.parseLong(line.substring(comma + 1)));
        }
        return new TreeMap<>(last);
    }
}
