package io.weir.bench.jobs;

import io.weir.bench.common.BenchArgs;
import io.weir.bench.common.KeyedChecksum;
import io.weir.bench.common.PlainJava;
import io.weir.bench.common.TextGenerator;
import io.weir.bench.common.Words;
import io.weir.examples.wordcount.Tokenizer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The benchmark's own correctness: Weir's W1, W2 and W3 jobs, in both modes, give the same keyed checksum as the
 * plain-Java loop on the same input, and the benchmark tokenizer splits exactly as the WordCount example does.
 * The Flink twins are checked the same way by weir-bench/run.sh, which fails when any checksum disagrees.
 */
class WeirJobsAgreeWithPlainJavaTest {
    @TempDir
    Path dir;

    @ParameterizedTest
    @ValueSource(strings = {"BATCH", "STREAMING"})
    void wordCountMatchesThePlainJavaLoop(String mode) throws Exception {
        Path text = dir.resolve("w1.txt");
        try (OutputStream out = Files.newOutputStream(text)) {
            TextGenerator.generate(out, 300_000, 5_000, 7);
        }
        String[] args = {"W1", mode, "--input", text.toString()};

        KeyedChecksum weir = WeirJob.runKeyed(BenchArgs.parse(args));
        KeyedChecksum loop = PlainJava.run(BenchArgs.parse(args));

        assertThat(weir.value()).isEqualTo(loop.value());
        assertThat(weir.keys()).isGreaterThan(1_000);
    }

    @ParameterizedTest
    @ValueSource(strings = {"BATCH", "STREAMING"})
    void keyedSumMatchesThePlainJavaLoop(String mode) throws Exception {
        String[] args = {"W2", mode, "--records", "200000", "--keys", "1000"};

        KeyedChecksum weir = WeirJob.runKeyed(BenchArgs.parse(args));
        KeyedChecksum loop = PlainJava.run(BenchArgs.parse(args));

        assertThat(weir.value()).isEqualTo(loop.value());
        assertThat(weir.keys()).isEqualTo(1_000);
        assertThat(weir.total()).isEqualTo(200_000L * 199_999 / 2);
    }

    @ParameterizedTest
    @ValueSource(strings = {"BATCH", "STREAMING"})
    void windowedSumMatchesThePlainJavaLoop(String mode) throws Exception {
        // 600 keys: each key comes back every 6 s of event time, so each 1-minute window holds 10 of its records
        String[] args = {"W3", mode, "--records", "200000", "--keys", "600"};

        KeyedChecksum weir = WeirJob.runKeyed(BenchArgs.parse(args));
        KeyedChecksum loop = PlainJava.run(BenchArgs.parse(args));

        assertThat(weir.value()).isEqualTo(loop.value());
        assertThat(weir.keys()).as("window results").isEqualTo(600L * (200_000 / 6_000 + 1));
        assertThat(weir.total()).isEqualTo(200_000L * 199_999 / 2);
    }

    @Test
    void benchmarkTokenizerSplitsLikeTheWordCountExample() throws IOException {
        ByteArrayOutputStream generated = new ByteArrayOutputStream();
        TextGenerator.generate(generated, 50_000, 1_000, 3);
        List<String> lines = new ArrayList<>(List.of(generated.toString(StandardCharsets.US_ASCII).split("\n")));
        lines.addAll(List.of("", "  Leading, trailing  ", "--x--", "Ünïcode straße", "tab\tand_underscore 42"));
        for (String line : lines) {
            List<String> words = new ArrayList<>();
            Words.forEach(line, words::add);
            assertThat(words).as(line).isEqualTo(Tokenizer.words(line));
        }
    }

    @Test
    void checksumIgnoresOrderAndAddsUpAcrossParts() throws IOException {
        KeyedChecksum whole = new KeyedChecksum();
        whole.add("a", 1);
        whole.add("b", 2);
        whole.add(3L, 4L);
        KeyedChecksum first = new KeyedChecksum();
        first.add(3L, 4L);
        first.add("b", 2);
        KeyedChecksum second = new KeyedChecksum();
        second.add("a", 1);
        Path parts = Files.createDirectory(dir.resolve("parts"));
        first.writePart(parts, 0);
        second.writePart(parts, 1);

        assertThat(KeyedChecksum.readParts(parts, 2).value()).isEqualTo(whole.value());
        KeyedChecksum otherValue = new KeyedChecksum();
        otherValue.add("a", 2);
        otherValue.add("b", 1);
        otherValue.add(3L, 4L);
        assertThat(otherValue.value()).isNotEqualTo(whole.value());
    }
}
