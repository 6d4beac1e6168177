package io.weir.bench.report;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Turns run.sh's {@code runs.tsv} into the Markdown of RESULTS.md and checks that every run agreed.
 * <pre>
 * ResultsReport table &lt;runs.tsv&gt; &lt;machine.txt&gt; &lt;RESULTS.md&gt;   exit 0 ok, 1 a run failed, 2 checksums disagree
 * ResultsReport splice &lt;RESULTS.md&gt; &lt;block&gt; &lt;content file&gt;
 * </pre>
 * Each generated part lives between {@code <!-- generated:NAME:begin -->} and {@code <!-- generated:NAME:end -->}
 * and is replaced in place, so that hand-written notes around it survive a new run.
 */
public final class ResultsReport {
    /** The setups of a workload in the order the table shows them; a workload shows those it has runs for. */
    private static final List<String> SETUPS = List.of("weir BATCH", "flink BATCH", "weir STREAMING",
            "flink STREAMING", "java single-thread");

    private ResultsReport() {
    }

    public static void main(String[] args) throws IOException {
        if (args.length == 4 && args[0].equals("table")) {
            System.exit(table(Path.of(args[1]), Path.of(args[2]), Path.of(args[3])));
        } else if (args.length == 4 && args[0].equals("splice")) {
            splice(Path.of(args[1]), args[2], Files.readString(Path.of(args[3]), StandardCharsets.UTF_8));
        } else {
            throw new IllegalArgumentException("Usage: ResultsReport table <runs.tsv> <machine.txt> <RESULTS.md> | "
                    + "splice <RESULTS.md> <block> <content file>");
        }
    }

    static int table(Path runsFile, Path machineFile, Path results) throws IOException {
        List<Run> runs = Files.readAllLines(runsFile, StandardCharsets.UTF_8).stream()
                .filter(line -> !line.isBlank() && !line.startsWith("rep\t")).map(Run::parse)
                .collect(Collectors.toList());
        Map<String, List<Run>> byWorkload = new LinkedHashMap<>();
        for (Run run : runs) {
            byWorkload.computeIfAbsent(run.workload(), w -> new ArrayList<>()).add(run);
        }
        StringBuilder md = new StringBuilder();
        md.append("### Machine\n\n```\n").append(Files.readString(machineFile, StandardCharsets.UTF_8).strip())
                .append("\n```\n\n");
        md.append("### Results\n\n");
        md.append("Median over the successful runs (min-max in brackets). *wall s* is the whole process, JVM start to "
                + "exit; *in-JVM s* runs from the start of `main` to the result. records/s = records / median wall s "
                + "(W1: words, W2 and W3: input records). Peak RSS: the highest of the runs (`/usr/bin/time -v`). "
                + "Ratios: Weir / Flink in the same mode.\n\n");
        md.append("| workload | engine | mode | ok/runs | wall s | in-JVM s | records/s | peak RSS MB "
                + "| Weir/Flink wall | Weir/Flink RSS |\n");
        md.append("|---|---|---|---:|---:|---:|---:|---:|---:|---:|\n");
        Map<String, Map<String, Stats>> stats = new LinkedHashMap<>();
        for (Map.Entry<String, List<Run>> w : byWorkload.entrySet()) {
            Map<String, Stats> bySetup = new LinkedHashMap<>();
            for (String setup : SETUPS) {
                List<Run> of = w.getValue().stream().filter(r -> r.setup().equals(setup)).collect(Collectors.toList());
                if (!of.isEmpty()) {
                    bySetup.put(setup, Stats.of(of));
                }
            }
            stats.put(w.getKey(), bySetup);
            for (Map.Entry<String, Stats> s : bySetup.entrySet()) {
                Stats st = s.getValue();
                Stats flink = s.getKey().startsWith("weir ")
                        ? bySetup.get(s.getKey().replace("weir ", "flink ")) : null;
                String[] setup = s.getKey().split(" ");
                md.append(String.format(Locale.ROOT, "| %s | %s | %s | %d/%d | %s | %s | %s | %s | %s | %s |%n",
                        w.getKey(), setup[0], setup[1], st.ok, st.runs, st.wallText(), seconds(st.jobMedian),
                        rate(st.records / st.wallMedian), megabytes(st.rssMaxKb),
                        flink == null ? "" : ratio(st.wallMedian, flink.wallMedian),
                        flink == null ? "" : ratio(st.rssMaxKb, flink.rssMaxKb)));
            }
        }
        md.append('\n');
        md.append(targets(stats));
        int checksumStatus = checksums(byWorkload, md);
        md.append(failures(runs));
        md.append(allRuns(runs));
        splice(results, "results", md.toString());
        boolean failed = runs.stream().anyMatch(r -> !r.ok());
        if (checksumStatus != 0) {
            return checksumStatus;
        }
        return failed ? 1 : 0;
    }

    /** The targets of issue 5, each with what this run measured. */
    private static String targets(Map<String, Map<String, Stats>> stats) {
        StringBuilder md = new StringBuilder("### Targets (issues 4 and 5)\n\n| target | measured | met |\n|---|---|---|\n");
        for (String w : List.of("W1", "W2")) {
            target(md, stats, w, "BATCH", 0.5);
            target(md, stats, w, "STREAMING", 0.7);
        }
        // Issue 4: the windowed sum at most half of Flink's time in BATCH and no slower in STREAMING.
        target(md, stats, "W3", "BATCH", 0.5);
        target(md, stats, "W3", "STREAMING", 1.0);
        Stats w4 = get(stats, "W4", "weir BATCH");
        Stats w4s = get(stats, "W4", "weir STREAMING");
        for (Stats s : new Stats[] {w4, w4s}) {
            if (s != null) {
                md.append(String.format(Locale.ROOT, "| W4 %s: Weir whole process <= 0.4 s | %s s | %s |%n",
                        s.mode, seconds(s.wallMedian), met(s.wallMedian <= 0.4)));
                Stats flink = get(stats, "W4", "flink " + s.mode);
                if (flink != null) {
                    double r = s.wallMedian / flink.wallMedian;
                    md.append(String.format(Locale.ROOT, "| W4 %s: Weir <= 0.25 x Flink | %.2f x | %s |%n", s.mode, r,
                            met(r <= 0.25)));
                }
            }
        }
        Stats w1 = get(stats, "W1", "weir BATCH");
        Stats loop = get(stats, "W1", "java single-thread");
        if (w1 != null && loop != null) {
            double r = w1.wallMedian / loop.wallMedian;
            md.append(String.format(Locale.ROOT, "| W1 BATCH p=2: Weir <= 1.5 x plain-Java loop | %.2f x | %s |%n", r,
                    met(r <= 1.5)));
        }
        for (Map.Entry<String, Map<String, Stats>> w : stats.entrySet()) {
            for (String mode : List.of("BATCH", "STREAMING")) {
                Stats weir = w.getValue().get("weir " + mode);
                Stats flink = w.getValue().get("flink " + mode);
                if (weir != null && flink != null) {
                    md.append(String.format(Locale.ROOT, "| %s %s: Weir peak RSS < Flink's | %s vs %s MB | %s |%n",
                            w.getKey(), mode, megabytes(weir.rssMaxKb), megabytes(flink.rssMaxKb),
                            met(weir.rssMaxKb < flink.rssMaxKb)));
                }
            }
        }
        return md.append('\n').toString();
    }

    private static void target(StringBuilder md, Map<String, Map<String, Stats>> stats, String w, String mode,
                               double limit) {
        Stats weir = get(stats, w, "weir " + mode);
        Stats flink = get(stats, w, "flink " + mode);
        if (weir != null && flink != null) {
            double r = weir.wallMedian / flink.wallMedian;
            md.append(String.format(Locale.ROOT, "| %s %s p=2: Weir <= %.1f x Flink | %.2f x | %s |%n", w, mode, limit,
                    r, met(r <= limit)));
        }
    }

    private static Stats get(Map<String, Map<String, Stats>> stats, String workload, String setup) {
        Map<String, Stats> w = stats.get(workload);
        Stats s = w == null ? null : w.get(setup);
        return s == null || s.ok == 0 ? null : s;
    }

    /** Appends the checksum table; returns 2 if some workload's successful runs disagree, else 0. */
    private static int checksums(Map<String, List<Run>> byWorkload, StringBuilder md) {
        md.append("### Checksums\n\nW1/W2: `keys:sum of final values:hash` of the final value per key (see "
                + "`KeyedChecksum`); W3: `results:sum:hash` over every window result (key, timestamp, sum); W4: SHA-256 prefix of the sorted printed lines without subtask prefixes.\n\n");
        md.append("| workload | checksum | runs |\n|---|---|---|\n");
        int status = 0;
        for (Map.Entry<String, List<Run>> w : byWorkload.entrySet()) {
            Map<String, List<String>> byChecksum = new LinkedHashMap<>();
            for (Run r : w.getValue()) {
                if (r.ok()) {
                    byChecksum.computeIfAbsent(r.checksum(), c -> new ArrayList<>()).add(r.setup() + " #" + r.rep());
                }
            }
            for (Map.Entry<String, List<String>> c : byChecksum.entrySet()) {
                md.append("| ").append(w.getKey()).append(" | `").append(c.getKey()).append("` | ")
                        .append(byChecksum.size() == 1 ? "all " + c.getValue().size() + " successful runs"
                                : String.join(", ", c.getValue())).append(" |\n");
            }
            if (byChecksum.size() > 1) {
                status = 2;
                md.append("\n**CHECKSUMS DISAGREE for ").append(w.getKey()).append("**: the engines computed different "
                        + "results.\n\n");
                System.err.println("CHECKSUMS DISAGREE for " + w.getKey() + ": " + byChecksum);
            }
        }
        md.append('\n');
        return status;
    }

    private static String failures(List<Run> runs) {
        List<Run> failed = runs.stream().filter(r -> !r.ok()).collect(Collectors.toList());
        if (failed.isEmpty()) {
            return "";
        }
        StringBuilder md = new StringBuilder("### Failed runs\n\n| rep | workload | engine | mode | status | log |\n"
                + "|---:|---|---|---|---|---|\n");
        for (Run r : failed) {
            md.append(String.format(Locale.ROOT, "| %d | %s | %s | %s | %s | `%s` |%n", r.rep(), r.workload(),
                    r.engine(), r.mode(), r.status(), r.log()));
            System.err.println("FAILED: " + r.workload() + " " + r.setup() + " run " + r.rep() + ": " + r.status()
                    + ", log " + r.log());
        }
        return md.append('\n').toString();
    }

    private static String allRuns(List<Run> runs) {
        StringBuilder md = new StringBuilder("### Every run, in the order run\n\n"
                + "| rep | workload | engine | mode | status | wall s | in-JVM s | RSS MB | load avg (1 min) before |\n"
                + "|---:|---|---|---|---|---:|---:|---:|---:|\n");
        for (Run r : runs) {
            md.append(String.format(Locale.ROOT, "| %d | %s | %s | %s | %s | %s | %s | %s | %.2f |%n", r.rep(),
                    r.workload(), r.engine(), r.mode(), r.status(), seconds(r.processSeconds()),
                    seconds(r.jobSeconds()), megabytes(r.rssKb()), r.load1()));
        }
        return md.append('\n').toString();
    }

    static void splice(Path file, String block, String content) throws IOException {
        String begin = "<!-- generated:" + block + ":begin (weir-bench/run.sh writes this part) -->";
        String end = "<!-- generated:" + block + ":end -->";
        String piece = begin + "\n" + content.strip() + "\n" + end;
        String text = Files.exists(file) ? Files.readString(file, StandardCharsets.UTF_8) : "# Weir benchmark results\n";
        int from = text.indexOf(begin);
        int to = text.indexOf(end);
        if (from >= 0 && to > from) {
            text = text.substring(0, from) + piece + text.substring(to + end.length());
        } else {
            text = text.stripTrailing() + "\n\n" + piece + "\n";
        }
        Files.writeString(file, text, StandardCharsets.UTF_8);
    }

    private static String met(boolean met) {
        return met ? "yes" : "**no**";
    }

    private static String seconds(double s) {
        return Double.isNaN(s) ? "-" : String.format(Locale.ROOT, "%.3f", s);
    }

    private static String rate(double r) {
        return Double.isNaN(r) || Double.isInfinite(r) ? "-" : String.format(Locale.ROOT, "%,.0f", r);
    }

    private static String megabytes(double kb) {
        return Double.isNaN(kb) || kb <= 0 ? "-" : String.format(Locale.ROOT, "%.0f", kb / 1024);
    }

    private static String ratio(double a, double b) {
        return Double.isNaN(a) || Double.isNaN(b) || b == 0 ? "-" : String.format(Locale.ROOT, "%.2f", a / b);
    }

    /** The figures of one setup of one workload. */
    private static final class Stats {
        String mode;
        int runs;
        int ok;
        double wallMedian = Double.NaN;
        double wallMin = Double.NaN;
        double wallMax = Double.NaN;
        double jobMedian = Double.NaN;
        double rssMaxKb = Double.NaN;
        long records;

        static Stats of(List<Run> runs) {
            Stats s = new Stats();
            s.mode = runs.get(0).mode();
            s.runs = runs.size();
            List<Run> ok = runs.stream().filter(Run::ok).collect(Collectors.toList());
            s.ok = ok.size();
            if (!ok.isEmpty()) {
                double[] wall = ok.stream().mapToDouble(Run::processSeconds).sorted().toArray();
                s.wallMedian = median(wall);
                s.wallMin = wall[0];
                s.wallMax = wall[wall.length - 1];
                s.jobMedian = median(ok.stream().mapToDouble(Run::jobSeconds).sorted().toArray());
                s.rssMaxKb = ok.stream().mapToDouble(Run::rssKb).max().orElse(Double.NaN);
                s.records = ok.get(0).records();
            }
            return s;
        }

        String wallText() {
            if (ok == 0) {
                return "-";
            }
            return ok == 1 ? seconds(wallMedian) : seconds(wallMedian) + " (" + seconds(wallMin) + "-"
                    + seconds(wallMax) + ")";
        }

        private static double median(double[] sorted) {
            int n = sorted.length;
            return n % 2 == 1 ? sorted[n / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2;
        }
    }
}
