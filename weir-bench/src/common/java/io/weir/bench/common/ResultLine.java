package io.weir.bench.common;

/**
 * The one line a benchmark JVM prints for run.sh to parse: {@code RESULT} then space-separated
 * {@code name=value} fields, values without spaces.
 * <pre>
 * RESULT engine=weir mode=BATCH workload=W1 wall_s=12.345 records=31000000 records_per_s=2511178 keys=100000 checksum=...
 * </pre>
 * {@code wall_s} is measured inside the JVM, from the start of {@code main} until the result is known; run.sh
 * measures the whole process around it. {@code checksum} is {@link KeyedChecksum#value()}, or {@code -} for a
 * job whose output run.sh checksums itself (W4 prints).
 */
public final class ResultLine {
    private ResultLine() {
    }

    public static String format(String engine, String mode, String workload, long startNanos, long records,
                                long keys, String checksum) {
        long nanos = System.nanoTime() - startNanos;
        // No String.format: its first call costs a fresh JVM about 25 ms here (Formatter, locale data), which W4
        // would count against every engine.
        return "RESULT engine=" + engine + " mode=" + mode + " workload=" + workload
                + " wall_s=" + millisAsSeconds((nanos + 500_000) / 1_000_000)
                + " records=" + records + " records_per_s=" + Math.round(records / (nanos / 1e9))
                + " keys=" + keys + " checksum=" + checksum;
    }

    /** {@code 1234} as {@code 1.234}. */
    static String millisAsSeconds(long millis) {
        String fraction = Long.toString(1000 + millis % 1000).substring(1);
        return millis / 1000 + "." + fraction;
    }
}
