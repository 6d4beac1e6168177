package io.weir.bench.common;

import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.HashMap;

/**
 * The floor: W1, W2 and W3 as a single-threaded loop with no framework at all: read, tokenize with {@link Words},
 * count or sum in a {@link HashMap} (per key and 1-minute window for W3). Prints the same {@link ResultLine} as
 * the engines, with the same checksum.
 * <pre>
 * PlainJava &lt;W1|W2|W3&gt; [--input &lt;file&gt;] [--records &lt;n&gt;] [--keys &lt;n&gt;]
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

    /** W3's window: one minute. */
    public static final long W3_WINDOW_MS = 60_000;
    /** W3's event time per record index. */
    public static final long W3_MS_PER_RECORD = 10;

    /** A key and the last millisecond of a W3 window. */
    private record KeyAndWindow(long key, long maxTimestamp) {
    }

    /** W1 or W2 (the checksum of the final value per key), or W3 (of every window's result). */
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
            case "W3" -> {
                HashMap<KeyAndWindow, Long> sums = new HashMap<>();
                long keys = bench.keys();
                for (long i = 0; i < bench.records(); i++) {
                    long timestamp = i * W3_MS_PER_RECORD;
                    long end = timestamp - Math.floorMod(timestamp, W3_WINDOW_MS) + W3_WINDOW_MS - 1;
                    sums.merge(new KeyAndWindow(i % keys, end), i, Long::sum);
                }
                sums.forEach((window, sum) -> checksum.addWindowResult(window.key(), window.maxTimestamp(), sum));
            }
            default -> throw new IllegalArgumentException("The plain-Java loop exists for W1, W2 and W3, not "
                    + bench.workload());
        }
        return checksum;
    }
}
