package io.weir.bench.common;

import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.HashMap;

/**
 * The floor: W1 and W2 as a single-threaded loop with no framework at all: read, tokenize with {@link Words},
 * count in a {@link HashMap}. Prints the same {@link ResultLine} as the engines, with the same checksum.
 * <pre>
 * PlainJava &lt;W1|W2&gt; [--input &lt;file&gt;] [--records &lt;n&gt;] [--keys &lt;n&gt;]
 * </pre>
 */
public final class PlainJava {
    private PlainJava() {
    }

    public static void main(String[] args) throws IOException {
        long start = System.nanoTime();
        BenchArgs bench = BenchArgs.parse(args);
        KeyedChecksum checksum = run(bench);
        // W1 counts words: the total of the counts is the number of words counted.
        long records = bench.workload().equals("W1") ? checksum.total() : bench.records();
        System.out.println(ResultLine.format("java", "single-thread", bench.workload(), start, records,
                checksum.keys(), checksum.value()));
    }

    /** W1 or W2; returns the checksum of the final value per key. */
    public static KeyedChecksum run(BenchArgs bench) throws IOException {
        KeyedChecksum checksum = new KeyedChecksum();
        switch (bench.workload()) {
            case "W1" -> {
                HashMap<String, Integer> counts = new HashMap<>();
                try (BufferedReader reader = Files.newBufferedReader(bench.input(), StandardCharsets.UTF_8)) {
                    for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                        Words.forEach(line, word -> counts.merge(word, 1, Integer::sum));
                    }
                }
                checksum.addAll(counts);
            }
            case "W2" -> {
                HashMap<Long, Long> sums = new HashMap<>();
                long keys = bench.keys();
                for (long i = 0; i < bench.records(); i++) {
                    sums.merge(i % keys, i, Long::sum);
                }
                checksum.addAll(sums);
            }
            default -> throw new IllegalArgumentException("The plain-Java loop exists for W1 and W2 only, not "
                    + bench.workload());
        }
        return checksum;
    }
}
