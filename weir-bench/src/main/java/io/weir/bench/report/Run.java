package io.weir.bench.report;

import java.util.List;

/**
 * One benchmark JVM as run.sh recorded it: one tab-separated line of {@code runs.tsv}, in the order of
 * {@link #COLUMNS}. Times in seconds; {@code processSeconds} is measured around the whole process,
 * {@code jobSeconds} inside it (from the start of main); {@code load1} is the 1-minute load average just before
 * the run.
 */
record Run(int rep, String workload, String engine, String mode, String status, double processSeconds,
           double jobSeconds, long records, long rssKb, String checksum, double load1, String log) {
    static final List<String> COLUMNS = List.of("rep", "workload", "engine", "mode", "status", "process_s", "job_s",
            "records", "rss_kb", "checksum", "load1", "log");

    static Run parse(String line) {
        String[] f = line.split("\t", -1);
        if (f.length != COLUMNS.size()) {
            throw new IllegalArgumentException("A runs.tsv line needs " + COLUMNS.size() + " tab-separated fields "
                    + COLUMNS + ", got " + f.length + ": " + line);
        }
        return new Run(Integer.parseInt(f[0]), f[1], f[2], f[3], f[4], number(f[5]), number(f[6]),
                (long) number(f[7]), (long) number(f[8]), f[9], number(f[10]), f[11]);
    }

    boolean ok() {
        return status.equals("ok");
    }

    /** "weir BATCH", "flink STREAMING", "java single-thread". */
    String setup() {
        return engine + " " + mode;
    }

    private static double number(String s) {
        return s.isEmpty() || s.equals("-") ? Double.NaN : Double.parseDouble(s);
    }
}
