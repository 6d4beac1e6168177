package io.weir.bench.common;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.SplittableRandom;

/**
 * Generates the W1 input: seeded {@link Zipf} words over a fixed vocabulary, 6 to 14 (on average 10) words a
 * line, with a capitalised first word, the odd comma and a full stop, so the tokenizer has real work to do. The
 * same arguments always give the same bytes.
 * <pre>
 * TextGenerator &lt;output file&gt; &lt;bytes&gt; [vocabulary=100000] [seed=42]
 * </pre>
 * Writes to a temporary file first and renames it, so an interrupted run never leaves a truncated input behind.
 */
public final class TextGenerator {
    private TextGenerator() {
    }

    public static void main(String[] args) throws IOException {
        if (args.length < 2) {
            throw new IllegalArgumentException("Usage: TextGenerator <output file> <bytes> [vocabulary] [seed]");
        }
        Path output = Path.of(args[0]);
        long bytes = Long.parseLong(args[1]);
        int vocabulary = args.length > 2 ? Integer.parseInt(args[2]) : 100_000;
        long seed = args.length > 3 ? Long.parseLong(args[3]) : 42L;
        long start = System.nanoTime();
        Path tmp = output.resolveSibling(output.getFileName() + ".tmp");
        long lines;
        try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(tmp), 1 << 20)) {
            lines = generate(out, bytes, vocabulary, seed);
        }
        Files.move(tmp, output, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        System.out.printf("Generated %s: %d bytes, %d lines, vocabulary %d, seed %d, in %.1f s%n", output,
                Files.size(output), lines, vocabulary, seed, (System.nanoTime() - start) / 1e9);
    }

    /** Writes whole lines until at least {@code bytes} are written; returns the number of lines. */
    public static long generate(OutputStream out, long bytes, int vocabulary, long seed) throws IOException {
        SplittableRandom random = new SplittableRandom(seed);
        Zipf zipf = new Zipf(vocabulary, random);
        byte[][] words = new byte[zipf.size()][];
        for (int i = 0; i < words.length; i++) {
            words[i] = zipf.word(i).getBytes(StandardCharsets.US_ASCII);
        }
        byte[] line = new byte[1024];
        long written = 0;
        long lines = 0;
        while (written < bytes) {
            int n = 6 + random.nextInt(9);
            int at = 0;
            for (int w = 0; w < n; w++) {
                byte[] word = words[zipf.sample(random)];
                System.arraycopy(word, 0, line, at, word.length);
                if (w == 0) {
                    line[at] = (byte) Character.toUpperCase(line[at]);
                }
                at += word.length;
                if (w < n - 1) {
                    if (random.nextInt(20) == 0) {
                        line[at++] = ',';
                    }
                    line[at++] = ' ';
                }
            }
            line[at++] = '.';
            line[at++] = '\n';
            out.write(line, 0, at);
            written += at;
            lines++;
        }
        return lines;
    }
}
