package io.weir.bench.common;

import java.util.Locale;

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
        double seconds = (System.nanoTime() - startNanos) / 1e9;
        return String.format(Locale.ROOT,
                "RESULT engine=%s mode=%s workload=%s wall_s=%.3f records=%d records_per_s=%.0f keys=%d checksum=%s",
                engine, mode, workload, seconds, records, records / seconds, keys, checksum);
    }
}
