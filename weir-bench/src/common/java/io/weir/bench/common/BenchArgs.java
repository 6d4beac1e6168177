package io.weir.bench.common;

import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

/**
 * The command line every whole-job main takes, whatever the engine:
 * <pre>
 * &lt;W1|W2|W3|W4&gt; [BATCH|STREAMING] [--input &lt;file&gt;] [--records &lt;n&gt;] [--keys &lt;n&gt;] [--parallelism &lt;n&gt;]
 * </pre>
 * W1 WordCount needs {@code --input}; W2 KeyedSum sums {@code i} for {@code i} in {@code [0, records)} per key
 * {@code i mod keys}; W3 Windowed gives record {@code i} the key {@code i mod keys}, the value {@code i} and the event
 * timestamp {@code 10 i} ms, and sums per key in 1-minute tumbling event-time windows; W4 Startup takes nothing. The mode is ignored by the plain-Java loops.
 */
public record BenchArgs(String workload, String mode, Path input, long records, int keys, int parallelism) {
    public static final long DEFAULT_RECORDS = 50_000_000L;
    public static final int DEFAULT_KEYS = 100_000;
    public static final int DEFAULT_PARALLELISM = 2;
    private static final String USAGE = "Usage: <W1|W2|W3|W4> [BATCH|STREAMING] [--input <file>] [--records <n>] "
            + "[--keys <n>] [--parallelism <n>]";

    public static BenchArgs parse(String[] args) {
        if (args.length == 0) {
            throw new IllegalArgumentException("No workload given. " + USAGE);
        }
        String workload = args[0].toUpperCase(Locale.ROOT);
        if (!List.of("W1", "W2", "W3", "W4").contains(workload)) {
            throw new IllegalArgumentException("Unknown workload '" + args[0] + "'. " + USAGE);
        }
        int i = 1;
        String mode = "STREAMING";
        if (args.length > 1 && !args[1].startsWith("--")) {
            mode = args[1].toUpperCase(Locale.ROOT);
            if (!mode.equals("BATCH") && !mode.equals("STREAMING")) {
                throw new IllegalArgumentException("Unknown mode '" + args[1] + "'. " + USAGE);
            }
            i = 2;
        }
        Path input = null;
        long records = DEFAULT_RECORDS;
        int keys = DEFAULT_KEYS;
        int parallelism = DEFAULT_PARALLELISM;
        for (; i < args.length; i += 2) {
            if (i + 1 >= args.length) {
                throw new IllegalArgumentException(args[i] + " needs a value. " + USAGE);
            }
            String value = args[i + 1];
            switch (args[i]) {
                case "--input" -> input = Path.of(value);
                case "--records" -> records = Long.parseLong(value);
                case "--keys" -> keys = Integer.parseInt(value);
                case "--parallelism" -> parallelism = Integer.parseInt(value);
                default -> throw new IllegalArgumentException("Unknown argument '" + args[i] + "'. " + USAGE);
            }
        }
        if (workload.equals("W1") && input == null) {
            throw new IllegalArgumentException("W1 needs --input <text file> (run.sh generates one). " + USAGE);
        }
        if (records < 1 || keys < 1 || parallelism < 1) {
            throw new IllegalArgumentException("--records, --keys and --parallelism must be positive. " + USAGE);
        }
        return new BenchArgs(workload, mode, input, records, keys, parallelism);
    }

    public boolean batch() {
        return mode.equals("BATCH");
    }
}
