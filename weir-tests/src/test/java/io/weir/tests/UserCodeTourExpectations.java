package io.weir.tests;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * What weir-test-jobs' {@code UserCodeTour} must output for a list of events, computed here straight from the
 * definitions of its parts (plain loops over the events, no Weir), so that a wrong copy, a lost record or a
 * record in the wrong window shows up as a difference. Lines are {@code section,fields...}.
 */
final class UserCodeTourExpectations {
    /** An input line: {@code id,key,time,value}. */
    record Event(long id, String key, long time, int value) {
    }

    private static final long TUMBLING = 100;
    private static final long TUMBLING_OFFSET = 30;
    private static final long SLIDING_SIZE = 200;
    private static final long SLIDING_SLIDE = 100;
    private static final long SESSION_GAP = 25;
    private static final long BUCKET = 500;
    private static final long ALL_WINDOW = 500;
    private static final long COGROUP_WINDOW = 200;
    private static final long JOIN_LOWER = -15;
    private static final long JOIN_UPPER = 25;

    private final List<Event> events;
    private final List<Event> probes;
    private final List<Event> marks;

    UserCodeTourExpectations(List<Event> events) {
        this.events = List.copyOf(events);
        // A probe is an event whose value is a multiple of 4, taken at exactly id * 10.
        this.probes = events.stream().filter(e -> e.value() % 4 == 0)
                .map(e -> new Event(e.id(), e.key(), e.id() * 10, e.value())).toList();
        this.marks = events.stream().filter(e -> e.value() % 5 == 0).toList();
    }

    long valueSum() {
        return events.stream().mapToLong(Event::value).sum();
    }

    /** Every section the job writes at least one line to ("late" stays empty: no record is late). */
    Set<String> sectionsWithOutput() {
        Set<String> sections = new TreeSet<>();
        sections.addAll(exactSections().entrySet().stream().filter(s -> !s.getValue().isEmpty())
                .map(Map.Entry::getKey).toList());
        sections.addAll(finalValuePerKeySections().keySet());
        sections.addAll(totalsPerKeySections().keySet());
        sections.add("ptsession");
        return sections;
    }

    /** Sections whose lines are the same in both modes, as multisets. */
    Map<String, Map<String, Integer>> exactSections() {
        Map<String, List<String>> lines = new LinkedHashMap<>();
        lines.put("mff", recordAtATime());
        lines.put("pf", perEvent(e -> e.value() % 2 == 0 ? "pf," + e.id() : null));
        lines.put("pfodd", perEvent(e -> e.value() % 2 != 0 ? "pfodd," + e.id() : null));
        lines.put("bucket", bucketSums());
        lines.put("comap1", perEvent(e -> "comap1," + e.id()));
        lines.put("comap2", probes.stream().map(p -> "comap2," + p.id()).toList());
        lines.put("coflat1", perEvent(e -> e.value() < 10 ? "coflat1," + e.id() : null));
        lines.put("coflat2", probes.stream().flatMap(p -> List.of("coflat2," + p.id(), "coflat2," + p.id()).stream())
                .toList());
        lines.put("coproc1", perEvent(e -> "coproc1," + e.id() + "," + e.time()));
        lines.put("coproc2", probes.stream().map(p -> "coproc2," + p.id() + "," + p.time()).toList());
        lines.put("kcoproc", countsOfBothSides());
        lines.put("twreduce", tumbling("twreduce", (key, start, in) -> key + "," + start + "," + sum(in), 0));
        lines.put("twagg", tumbling("twagg", (key, start, in) -> key + "," + start + "," + in.size() + "," + sum(in),
                TUMBLING_OFFSET));
        lines.put("swproc", sliding("swproc"));
        lines.put("session", sessions(key -> SESSION_GAP, (key, w, in) -> "session," + key + "," + w[0] + "," + w[1]
                + "," + in.size() + "," + sum(in)));
        lines.put("dynsession", sessions(UserCodeTourExpectations::sessionGapOf, (key, w, in) -> "dynsession," + key
                + "," + w[0] + "," + w[1] + "," + sum(in)));
        lines.put("trig", tumbling("trig", (key, start, in) -> key + "," + start + "," + in.size() + "," + sum(in), 0));
        lines.put("evict", tumbling("evict", (key, start, in) -> {
            List<Event> kept = in.stream().filter(e -> e.value() >= 50).toList();
            return kept.isEmpty() ? null : key + "," + start + "," + sum(kept);
        }, 0));
        lines.put("lsum", tumbling("lsum", (key, start, in) -> key + "," + sum(in), 0));
        lines.put("late", List.of());
        lines.put("wmaxby", tumbling("wmaxby", (key, start, in) -> {
            Event max = in.get(0);
            for (Event e : in) {
                if (e.value() > max.value() || e.value() == max.value() && e.id() > max.id()) {
                    max = e;
                }
            }
            return key + "," + max.id();
        }, 0));
        lines.put("cw", countWindows("cw", 5, 5));
        lines.put("cws", countWindows("cws", 4, 2));
        lines.put("all", allWindows());
        List<String> cwall = new ArrayList<>();
        for (int i = 0; i < events.size() / 100; i++) {
            cwall.add("cwall,100");
        }
        lines.put("cwall", cwall);
        lines.put("wjoin", windowJoin());
        lines.put("cogroup", coGroup());
        lines.put("ijoin", intervalJoin());
        lines.put("part", perEvent(e -> e.id() % 7 == 0 ? "part," + e.id() : null));
        // Broadcast to a map of parallelism 2: each probe reaches both subtasks.
        lines.put("bcast", probes.stream().flatMap(p -> List.of("bcast," + p.id(), "bcast," + p.id()).stream())
                .toList());
        Map<String, Map<String, Integer>> multisets = new LinkedHashMap<>();
        lines.forEach((section, l) -> multisets.put(section, multiset(l)));
        return multisets;
    }

    /** Rolling aggregations: the last line of each key (STREAMING's last update, BATCH's only one). */
    Map<String, Map<String, String>> finalValuePerKeySections() {
        Map<String, Map<String, String>> sections = new LinkedHashMap<>();
        Map<String, List<Event>> byKey = byKey(events);
        Map<String, String> sum = new TreeMap<>();
        Map<String, String> min = new TreeMap<>();
        Map<String, String> max = new TreeMap<>();
        Map<String, String> minBy = new TreeMap<>();
        Map<String, String> maxBy = new TreeMap<>();
        Map<String, String> reduce = new TreeMap<>();
        byKey.forEach((key, in) -> {
            sum.put(key, "rsum," + key + "," + sum(in));
            min.put(key, "rmin," + key + "," + in.stream().mapToInt(Event::value).min().orElseThrow());
            max.put(key, "rmax," + key + "," + in.stream().mapToInt(Event::value).max().orElseThrow());
            minBy.put(key, "rminby," + key + "," + in.stream().min(UserCodeTourExpectations::byValueThenId)
                    .orElseThrow().id());
            maxBy.put(key, "rmaxby," + key + "," + in.stream().max(UserCodeTourExpectations::byValueThenId)
                    .orElseThrow().id());
            reduce.put(key, "rreduce," + key + "," + sum(in));
        });
        sections.put("rsum", sum);
        sections.put("rmin", min);
        sections.put("rmax", max);
        sections.put("rminby", minBy);
        sections.put("rmaxby", maxBy);
        sections.put("rreduce", reduce);
        return sections;
    }

    /**
     * Processing-time windows: how records fall into windows depends on the wall clock in STREAMING (and on the
     * frozen submission time in BATCH); the totals per key over all windows do not. A sliding window twice as
     * long as its slide holds each record twice.
     */
    Map<String, Map<String, Long>> totalsPerKeySections() {
        Map<String, Long> once = new TreeMap<>();
        byKey(events).forEach((key, in) -> once.put(key, sum(in)));
        Map<String, Long> twice = new TreeMap<>();
        once.forEach((key, total) -> twice.put(key, 2 * total));
        Map<String, Map<String, Long>> sections = new LinkedHashMap<>();
        sections.put("pt", once);
        sections.put("ptslide", twice);
        return sections;
    }

    // ------------------------------------------------------------------------------------------ the parts

    private List<String> recordAtATime() {
        List<String> lines = new ArrayList<>();
        for (Event e : events) {
            int doubled = e.value() * 2;
            if (doubled % 3 == 0) {
                lines.add("mff," + e.id());
                if (doubled > 150) {
                    lines.add("mff," + e.id() + "+");
                }
            }
        }
        return lines;
    }

    private List<String> bucketSums() {
        Map<String, Long> sums = new TreeMap<>();
        for (Event e : events) {
            sums.merge(e.key() + "," + floor(e.time(), BUCKET, 0), (long) e.value(), Long::sum);
        }
        return sums.entrySet().stream().map(s -> "bucket," + s.getKey() + "," + s.getValue()).toList();
    }

    private List<String> countsOfBothSides() {
        Map<String, Long> eventCounts = counts(events);
        Map<String, Long> probeCounts = counts(probes);
        return eventCounts.keySet().stream()
                .map(key -> "kcoproc," + key + "," + eventCounts.get(key) + "," + probeCounts.getOrDefault(key, 0L))
                .toList();
    }

    private interface WindowResult {
        /** The line after the section name, or null for none. */
        String of(String key, long start, List<Event> contents);
    }

    private List<String> tumbling(String section, WindowResult result, long offset) {
        Map<String, List<Event>> windows = new TreeMap<>();
        for (Event e : events) {
            windows.computeIfAbsent(e.key() + "|" + floor(e.time(), TUMBLING, offset), k -> new ArrayList<>()).add(e);
        }
        return windowLines(section, windows, result);
    }

    private List<String> sliding(String section) {
        Map<String, List<Event>> windows = new TreeMap<>();
        for (Event e : events) {
            for (long start = floor(e.time(), SLIDING_SLIDE, 0); start > e.time() - SLIDING_SIZE;
                 start -= SLIDING_SLIDE) {
                windows.computeIfAbsent(e.key() + "|" + start, k -> new ArrayList<>()).add(e);
            }
        }
        return windowLines(section, windows,
                (key, start, in) -> key + "," + start + "," + in.size() + "," + sum(in));
    }

    private static List<String> windowLines(String section, Map<String, List<Event>> windows,
                                            WindowResult result) {
        List<String> lines = new ArrayList<>();
        for (Map.Entry<String, List<Event>> w : windows.entrySet()) {
            String[] keyAndStart = w.getKey().split("\\|");
            String line = result.of(keyAndStart[0], Long.parseLong(keyAndStart[1]), w.getValue());
            if (line != null) {
                lines.add(section + "," + line);
            }
        }
        return lines;
    }

    private interface SessionResult {
        String of(String key, long[] startAndEnd, List<Event> contents);
    }

    /**
     * A record at {@code t} opens {@code [t, t + gap)}; windows that overlap or touch merge (as {@code TimeWindow}
     * says), so a session continues while the next record is at most its end.
     */
    private List<String> sessions(Function<String, Long> gapOfKey, SessionResult result) {
        List<String> lines = new ArrayList<>();
        byKey(events).forEach((key, in) -> {
            long gap = gapOfKey.apply(key);
            List<Event> sorted = in.stream().sorted((a, b) -> Long.compare(a.time(), b.time())).toList();
            List<Event> session = new ArrayList<>();
            long start = 0;
            long end = 0;
            for (Event e : sorted) {
                if (!session.isEmpty() && e.time() > end) {
                    lines.add(result.of(key, new long[] {start, end}, session));
                    session = new ArrayList<>();
                }
                if (session.isEmpty()) {
                    start = e.time();
                    end = e.time() + gap;
                }
                session.add(e);
                end = Math.max(end, e.time() + gap);
            }
            lines.add(result.of(key, new long[] {start, end}, session));
        });
        return lines;
    }

    /** {@code countWindow(size, slide)}: a firing every {@code slide} records of a key, of its last {@code size}. */
    private List<String> countWindows(String section, int size, int slide) {
        List<String> lines = new ArrayList<>();
        counts(events).forEach((key, n) -> {
            for (long seen = slide; seen <= n; seen += slide) {
                lines.add(section + "," + key + "," + Math.min(size, seen));
            }
        });
        return lines;
    }

    private List<String> allWindows() {
        Map<Long, List<Event>> windows = new TreeMap<>();
        for (Event e : events) {
            windows.computeIfAbsent(floor(e.time(), ALL_WINDOW, 0), k -> new ArrayList<>()).add(e);
        }
        return windows.entrySet().stream()
                .map(w -> "all," + w.getKey() + "," + w.getValue().size() + "," + sum(w.getValue())).toList();
    }

    private List<String> windowJoin() {
        List<String> lines = new ArrayList<>();
        for (Event e : events) {
            for (Event m : marks) {
                if (e.key().equals(m.key()) && floor(e.time(), TUMBLING, 0) == floor(m.time(), TUMBLING, 0)) {
                    lines.add("wjoin," + e.id() + "," + m.id());
                }
            }
        }
        return lines;
    }

    private List<String> coGroup() {
        Map<String, long[]> groups = new TreeMap<>();
        for (Event e : events) {
            long[] g = groups.computeIfAbsent(e.key() + "," + floor(e.time(), COGROUP_WINDOW, 0), k -> new long[3]);
            g[0]++;
            g[1] += e.value();
        }
        for (Event p : probes) {
            groups.computeIfAbsent(p.key() + "," + floor(p.time(), COGROUP_WINDOW, 0), k -> new long[3])[2]++;
        }
        return groups.entrySet().stream().map(g -> "cogroup," + g.getKey().split(",")[0] + "," + g.getValue()[0]
                + "," + g.getValue()[1] + "," + g.getValue()[2]).toList();
    }

    private List<String> intervalJoin() {
        List<String> lines = new ArrayList<>();
        for (Event e : events) {
            for (Event p : probes) {
                if (e.key().equals(p.key()) && p.time() >= e.time() + JOIN_LOWER && p.time() <= e.time() + JOIN_UPPER) {
                    lines.add("ijoin," + e.id() + "," + p.id());
                }
            }
        }
        return lines;
    }

    // ------------------------------------------------------------------------------------------ helpers

    /** The job's dynamic session gap: 10 ms times one more than the key's number ("k3": 40 ms). */
    private static long sessionGapOf(String key) {
        return 10L * (1 + Integer.parseInt(key.substring(1)));
    }

    private static int byValueThenId(Event a, Event b) {
        int byValue = Integer.compare(a.value(), b.value());
        return byValue != 0 ? byValue : Long.compare(a.id(), b.id());
    }

    /** The start of the window of {@code size} (shifted by {@code offset}) that holds {@code time}. */
    private static long floor(long time, long size, long offset) {
        return time - Math.floorMod(time - offset, size);
    }

    private List<String> perEvent(Function<Event, String> line) {
        return events.stream().map(line).filter(l -> l != null).toList();
    }

    private static long sum(List<Event> in) {
        return in.stream().mapToLong(Event::value).sum();
    }

    private static Map<String, List<Event>> byKey(List<Event> in) {
        return in.stream().collect(Collectors.groupingBy(Event::key, TreeMap::new, Collectors.toList()));
    }

    private static Map<String, Long> counts(List<Event> in) {
        return in.stream().collect(Collectors.groupingBy(Event::key, TreeMap::new, Collectors.counting()));
    }

    static Map<String, Integer> multiset(List<String> lines) {
        Map<String, Integer> counts = new HashMap<>();
        for (String line : lines) {
            counts.merge(line, 1, Integer::sum);
        }
        return counts;
    }

    /** The job's output, by section (the first field of each line), in the order the one sink subtask wrote it. */
    record Output(Map<String, List<String>> bySection) {
        static Output parse(List<String> lines) {
            Map<String, List<String>> bySection = new TreeMap<>();
            for (String line : lines) {
                bySection.computeIfAbsent(line.substring(0, line.indexOf(',')), s -> new ArrayList<>()).add(line);
            }
            return new Output(bySection);
        }

        Set<String> sections() {
            return bySection.keySet();
        }

        Map<String, Integer> multiset(String section) {
            return UserCodeTourExpectations.multiset(bySection.getOrDefault(section, List.of()));
        }

        /** {@code section,key,...}: the last line of each key. */
        Map<String, String> lastLinePerKey(String section) {
            Map<String, String> last = new TreeMap<>();
            for (String line : bySection.getOrDefault(section, List.of())) {
                last.put(line.split(",")[1], line);
            }
            return last;
        }

        /** {@code section,key,value}: the sum of the values of each key. */
        Map<String, Long> totalsPerKey(String section) {
            Map<String, Long> totals = new TreeMap<>();
            for (String line : bySection.getOrDefault(section, List.of())) {
                String[] fields = line.split(",");
                totals.merge(fields[1], Long.parseLong(fields[2]), Long::sum);
            }
            return totals;
        }

        /** {@code section,number,number,...}: the sum of each column. */
        List<Long> columnTotals(String section) {
            List<Long> totals = new ArrayList<>();
            for (String line : bySection.getOrDefault(section, List.of())) {
                String[] fields = line.split(",");
                for (int i = 1; i < fields.length; i++) {
                    if (totals.size() < i) {
                        totals.add(0L);
                    }
                    totals.set(i - 1, totals.get(i - 1) + Long.parseLong(fields[i]));
                }
            }
            return totals;
        }
    }
}
