package io.weir.testjobs;

import io.weir.api.common.OutputTag;
import io.weir.api.datastream.DataStream;
import io.weir.api.datastream.KeyedStream;
import io.weir.api.datastream.SingleOutputStreamOperator;
import io.weir.api.environment.StreamExecutionEnvironment;
import io.weir.api.eventtime.BoundedOutOfOrdernessWatermarks;
import io.weir.api.eventtime.WatermarkStrategy;
import io.weir.api.functions.Collector;
import io.weir.api.tuple.Tuple2;
import io.weir.api.tuple.Tuple3;
import io.weir.api.windowing.assigners.DynamicProcessingTimeSessionWindows;
import io.weir.api.windowing.assigners.EventTimeSessionWindows;
import io.weir.api.windowing.assigners.SlidingEventTimeWindows;
import io.weir.api.windowing.assigners.SlidingProcessingTimeWindows;
import io.weir.api.windowing.assigners.TumblingEventTimeWindows;
import io.weir.api.windowing.assigners.TumblingProcessingTimeWindows;
import io.weir.api.windowing.windows.GlobalWindow;
import io.weir.api.windowing.windows.TimeWindow;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * A job that hands Weir user code through every API that takes some, written the way users write it: lambdas
 * wherever the API allows, and the job's own record types, source, sink, trigger, evictor and functions, all in
 * this jar only. Run through {@code bin/weir run}, its classes are visible to the job jar's class loader alone, so
 * every copy Weir makes of user code must go through that loader.
 *
 * <p>{@code --input <csv>} holds {@code id,key,time,value} lines (after a header) with times that are at most
 * {@link #MAX_JITTER_MS} out of order; {@code --output <dir>} receives one line per result, each starting with the
 * name of the part of the job that made it. Every result depends on event time only (or, for processing-time
 * windows, only in its totals), so it is the same in STREAMING and BATCH.
 */
public final class UserCodeTour {
    /** The input's times are {@code id * 10} plus at most this much. */
    static final long MAX_JITTER_MS = 9;
    private static final Duration OUT_OF_ORDERNESS = Duration.ofMillis(20);

    private UserCodeTour() {
    }

    public static void main(String[] args) throws Exception {
        String input = argument(args, "--input");
        String output = argument(args, "--output");
        StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment();

        DataStream<Event> events = env.fromSource(new EventFileSource(input, 4), WatermarkStrategy.noWatermarks(),
                        "events")
                .assignTimestampsAndWatermarks(WatermarkStrategy.<Event>forBoundedOutOfOrderness(OUT_OF_ORDERNESS)
                        .withTimestampAssigner((event, previous) -> event.time()));
        DataStream<Probe> probes = env.fromSource(new EventFileSource(input, 4),
                        WatermarkStrategy.<Event>forMonotonousTimestamps()
                                .withTimestampAssigner((event, previous) -> event.id() * 10), "probes")
                .filter(e -> e.value() % 4 == 0)
                .map(Probe::of);
        DataStream<Event> marks = env.fromSource(new EventFileSource(input, 3), WatermarkStrategy.noWatermarks(),
                        "marks")
                .filter(e -> e.value() % 5 == 0)
                .assignTimestampsAndWatermarks(WatermarkStrategy.<Event>forGenerator(
                                () -> new BoundedOutOfOrdernessWatermarks<>(OUT_OF_ORDERNESS))
                        .withTimestampAssigner((event, previous) -> event.time())
                        // Long enough never to mark a busy input idle on a loaded machine: only its copy matters here.
                        .withIdleness(Duration.ofHours(1)));

        List<DataStream<String>> results = new ArrayList<>();
        results.addAll(recordAtATime(events));
        results.addAll(rollingAggregations(events));
        results.addAll(processFunctions(events, probes));
        results.addAll(windows(events));
        results.addAll(joins(events, probes, marks));
        results.addAll(partitionings(events, probes));

        DataStream<String> first = results.remove(0);
        first.union(results.toArray(DataStream[]::new))
                .sinkTo(new LinesSink(output)).setParallelism(1);
        env.execute("User code tour");
    }

    private static List<DataStream<String>> recordAtATime(DataStream<Event> events) {
        return List.of(events
                .map(e -> new Event(e.id(), e.key(), e.time(), e.value() * 2))
                .filter(e -> e.value() % 3 == 0)
                .flatMap((Event e, Collector<String> out) -> {
                    out.collect("mff," + e.id());
                    if (e.value() > 150) {
                        out.collect("mff," + e.id() + "+");
                    }
                }));
    }

    /** Rolling aggregations: STREAMING emits every update, BATCH the final one; the last line per key agrees. */
    private static List<DataStream<String>> rollingAggregations(DataStream<Event> events) {
        KeyedStream<Tuple2<String, Long>, String> values = events
                .map(e -> Tuple2.of(e.key(), (long) e.value()))
                .keyBy(t -> t.f0);
        // Unique per key (value, then id): which record minBy/maxBy keep cannot depend on arrival order.
        KeyedStream<Tuple3<String, Long, Long>, String> ranked = events
                .map(e -> Tuple3.of(e.key(), e.value() * 100_000L + e.id(), e.id()))
                .keyBy(t -> t.f0);
        return List.of(
                values.sum(1).map(t -> "rsum," + t.f0 + "," + t.f1),
                values.min(1).map(t -> "rmin," + t.f0 + "," + t.f1),
                values.max(1).map(t -> "rmax," + t.f0 + "," + t.f1),
                ranked.minBy(1).map(t -> "rminby," + t.f0 + "," + t.f2),
                ranked.maxBy(1).map(t -> "rmaxby," + t.f0 + "," + t.f2),
                events.keyBy(Event::key).reduce(Event::plus).map(e -> "rreduce," + e.key() + "," + e.value()));
    }

    private static List<DataStream<String>> processFunctions(DataStream<Event> events, DataStream<Probe> probes) {
        SingleOutputStreamOperator<String> evenOrOdd = events.process(new EvenOrOdd());
        return List.of(
                evenOrOdd,
                evenOrOdd.getSideOutput(EvenOrOdd.ODD),
                events.keyBy(e -> e.key()).process(new BucketSums(500)),
                events.connect(probes).map(new TagSides()),
                events.connect(probes).flatMap(new SmallEventsAndAllProbes()),
                events.connect(probes).process(new TimestampsOfBothSides()),
                events.connect(probes).keyBy(e -> e.key(), p -> p.key).process(new CountBothSides()));
    }

    private static List<DataStream<String>> windows(DataStream<Event> events) {
        KeyedStream<Event, String> byKey = events.keyBy(e -> e.key());
        OutputTag<Tuple2<String, Long>> late = new OutputTag<>("late") {};
        SingleOutputStreamOperator<Tuple2<String, Long>> lateTolerant = events
                .map(e -> Tuple2.of(e.key(), (long) e.value()))
                .keyBy(t -> t.f0)
                .window(TumblingEventTimeWindows.of(Duration.ofMillis(100)))
                .allowedLateness(Duration.ofMillis(50))
                .sideOutputLateData(late)
                .sum(1);
        return List.of(
                byKey.window(TumblingEventTimeWindows.of(Duration.ofMillis(100)))
                        .reduce((a, b) -> Event.plus(a, b))
                        .map(e -> "twreduce," + e.key() + "," + (e.time() - Math.floorMod(e.time(), 100)) + ","
                                + e.value()),
                byKey.window(TumblingEventTimeWindows.of(Duration.ofMillis(100), Duration.ofMillis(30)))
                        .aggregate(new CountAndSum(), new SummarizeAggregate("twagg")),
                byKey.window(SlidingEventTimeWindows.of(Duration.ofMillis(200), Duration.ofMillis(100)))
                        .process(new SummarizeWindow("swproc")),
                byKey.window(EventTimeSessionWindows.withGap(Duration.ofMillis(25)))
                        .apply((String key, TimeWindow w, Iterable<Event> in, Collector<String> out) -> {
                            long count = 0;
                            long sum = 0;
                            for (Event e : in) {
                                count++;
                                sum += e.value();
                            }
                            out.collect("session," + key + "," + w.getStart() + "," + w.getEnd() + "," + count + ","
                                    + sum);
                        }),
                byKey.window(EventTimeSessionWindows.<Event>withDynamicGap(e -> sessionGapOf(e.key())))
                        .reduce((a, b) -> Event.plus(a, b),
                                (String key, TimeWindow w, Iterable<Event> sums, Collector<String> out) ->
                                        out.collect("dynsession," + key + "," + w.getStart() + "," + w.getEnd() + ","
                                                + sums.iterator().next().value())),
                byKey.window(TumblingEventTimeWindows.of(Duration.ofMillis(100)))
                        .trigger(new CountingEndOfWindowTrigger())
                        .process(new SummarizeWindow("trig")),
                byKey.window(TumblingEventTimeWindows.of(Duration.ofMillis(100)))
                        .evictor(new SmallValueEvictor(50))
                        .reduce((a, b) -> Event.plus(a, b))
                        .map(e -> "evict," + e.key() + "," + (e.time() - Math.floorMod(e.time(), 100)) + ","
                                + e.value()),
                lateTolerant.map(t -> "lsum," + t.f0 + "," + t.f1),
                lateTolerant.getSideOutput(late).map(t -> "late," + t.f0 + "," + t.f1),
                events.map(e -> Tuple3.of(e.key(), e.value() * 100_000L + e.id(), e.id()))
                        .keyBy(t -> t.f0)
                        .window(TumblingEventTimeWindows.of(Duration.ofMillis(100)))
                        .maxBy(1)
                        .map(t -> "wmaxby," + t.f0 + "," + t.f2),
                byKey.window(TumblingProcessingTimeWindows.of(Duration.ofMillis(50)))
                        .reduce((a, b) -> Event.plus(a, b))
                        .map(e -> "pt," + e.key() + "," + e.value()),
                byKey.window(SlidingProcessingTimeWindows.of(Duration.ofMillis(100), Duration.ofMillis(50)))
                        .reduce((a, b) -> Event.plus(a, b))
                        .map(e -> "ptslide," + e.key() + "," + e.value()),
                byKey.window(DynamicProcessingTimeSessionWindows.<Event>withDynamicGap(e -> 30L))
                        .aggregate(new CountAndSum())
                        .map(r -> "ptsession," + r[0] + "," + r[1]),
                byKey.countWindow(5)
                        .apply((String key, GlobalWindow w, Iterable<Event> in, Collector<String> out) ->
                                out.collect("cw," + key + "," + count(in))),
                byKey.countWindow(4, 2)
                        .apply((String key, GlobalWindow w, Iterable<Event> in, Collector<String> out) ->
                                out.collect("cws," + key + "," + count(in))),
                events.windowAll(TumblingEventTimeWindows.of(Duration.ofMillis(500)))
                        .process(new SummarizeAllWindows()),
                events.countWindowAll(100)
                        .aggregate(new CountAndSum())
                        .map(r -> "cwall," + r[0]));
    }

    private static List<DataStream<String>> joins(DataStream<Event> events, DataStream<Probe> probes,
                                                  DataStream<Event> marks) {
        return List.of(
                events.join(marks)
                        .where(e -> e.key()).equalTo(m -> m.key())
                        .window(TumblingEventTimeWindows.of(Duration.ofMillis(100)))
                        .apply((e, m) -> "wjoin," + e.id() + "," + m.id()),
                events.coGroup(probes)
                        .where(e -> e.key()).equalTo(p -> p.key)
                        .window(TumblingEventTimeWindows.of(Duration.ofMillis(200)))
                        .apply((Iterable<Event> first, Iterable<Probe> second, Collector<String> out) -> {
                            String key = null;
                            long count = 0;
                            long sum = 0;
                            for (Event e : first) {
                                key = e.key();
                                count++;
                                sum += e.value();
                            }
                            long probeCount = 0;
                            for (Probe p : second) {
                                key = p.key;
                                probeCount++;
                            }
                            out.collect("cogroup," + key + "," + count + "," + sum + "," + probeCount);
                        }),
                events.keyBy(e -> e.key())
                        .intervalJoin(probes.keyBy(p -> p.key))
                        .between(Duration.ofMillis(-15), Duration.ofMillis(25))
                        .process(new PairIds()));
    }

    private static List<DataStream<String>> partitionings(DataStream<Event> events, DataStream<Probe> probes) {
        return List.of(
                events.rebalance()
                        .map(e -> e.id())
                        .shuffle()
                        .filter(id -> id % 7 == 0)
                        .rescale()
                        .map(id -> "part," + id),
                probes.broadcast()
                        .map(p -> "bcast," + p.id).setParallelism(2));
    }

    /** Each key has its own session gap: 10 ms times one more than the key's number ("k3": 40 ms). */
    static long sessionGapOf(String key) {
        return 10L * (1 + Integer.parseInt(key.substring(1)));
    }

    private static long count(Iterable<?> elements) {
        long n = 0;
        for (Object ignored : elements) {
            n++;
        }
        return n;
    }

    private static String argument(String[] args, String name) {
        for (int i = 0; i + 1 < args.length; i++) {
            if (args[i].equals(name)) {
                return args[i + 1];
            }
        }
        throw new IllegalArgumentException("Missing argument " + name + ". Usage: UserCodeTour --input <csv of "
                + "id,key,time,value> --output <directory>");
    }
}
