package io.weir.bench.jobs;

import io.weir.api.common.RuntimeExecutionMode;
import io.weir.api.config.Configuration;
import io.weir.api.environment.StreamExecutionEnvironment;
import io.weir.api.eventtime.WatermarkStrategy;
import io.weir.api.functions.Collector;
import io.weir.api.tuple.Tuple2;
import io.weir.bench.common.BenchArgs;
import io.weir.bench.common.KeyedChecksum;
import io.weir.bench.common.ResultLine;
import io.weir.bench.common.Words;
import io.weir.api.connector.source.lib.NumberSequenceSource;
import io.weir.api.windowing.assigners.TumblingEventTimeWindows;
import io.weir.connectors.file.FileSource;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

/**
 * The whole-job benchmarks on Weir, one per JVM:
 * <pre>
 * WeirJob &lt;W1|W2|W3|W4&gt; &lt;BATCH|STREAMING&gt; [--input &lt;file&gt;] [--records &lt;n&gt;] [--keys &lt;n&gt;] [--parallelism &lt;n&gt;]
 * </pre>
 * <ul>
 *   <li>W1 WordCount: text file, {@link Words} tokenizer, {@code keyBy(word).sum(1)};</li>
 *   <li>W2 KeyedSum: {@code fromSequence(0, records - 1)}, {@code (i mod keys, i)}, {@code keyBy(f0).sum(1)};</li>
 *   <li>W3 Windowed: {@code (i mod keys, i)} at event time {@code 10 i} ms, {@code keyBy(f0)}, 1-minute tumbling
 *   event-time windows, a sum per key and window;</li>
 *   <li>W4 Startup: three elements, a map, a print.</li>
 * </ul>
 * W1 and W2 end in {@link ChecksumSink}, W3 in {@link WindowChecksumSink}; the main adds up its parts and prints one {@link ResultLine}. The Flink
 * twin, io.weir.bench.flink.FlinkJob, builds the same pipelines operator for operator.
 */
public final class WeirJob {
    private static final String SETTING_PREFIX = "weir.";
    private WeirJob() {
    }

    public static void main(String[] args) throws Exception {
        long start = System.nanoTime();
        BenchArgs bench = BenchArgs.parse(args);
        if (bench.workload().equals("W4")) {
            runStartup(bench);
            System.out.println(ResultLine.format("weir", bench.mode(), "W4", start, 3, 0, "-"));
            return;
        }
        KeyedChecksum checksum = runKeyed(bench);
        // W1 counts words, so the total of the counts is the number of records that went through the keyBy.
        long records = bench.workload().equals("W1") ? checksum.total() : bench.records();
        System.out.println(ResultLine.format("weir", bench.mode(), bench.workload(), start, records,
                checksum.keys(), checksum.value()));
    }

    /** W4: three elements, a map, a print (to standard out). */
    static void runStartup(BenchArgs bench) throws Exception {
        StreamExecutionEnvironment env = environment(bench);
        env.fromElements(1, 2, 3).map(x -> x * 10).print();
        env.execute("W4 Startup");
    }

    /** W1 or W2 (the checksum of the final value per key), or W3 (the checksum of every window result). */
    static KeyedChecksum runKeyed(BenchArgs bench) throws Exception {
        StreamExecutionEnvironment env = environment(bench);
        Path parts = Files.createTempDirectory("weir-bench-checksum");
        try {
            if (bench.workload().equals("W3")) {
                long keys = bench.keys();
                env.fromSource(new NumberSequenceSource(0, bench.records() - 1),
                                WatermarkStrategy.<Long>forMonotonousTimestamps().withTimestampAssigner((i, ts) -> i * 10),
                                "Sequence")
                        .map(i -> Tuple2.of(i % keys, i)).name("Key")
                        .keyBy(t -> t.f0)
                        .window(TumblingEventTimeWindows.of(Duration.ofMinutes(1)))
                        .reduce((a, b) -> Tuple2.of(a.f0, a.f1 + b.f1)).name("Window sum")
                        .sinkTo(new WindowChecksumSink<>(parts)).name("Checksum");
            } else if (bench.workload().equals("W1")) {
                env.fromSource(FileSource.forTextLines(bench.input().toString()), WatermarkStrategy.noWatermarks(),
                                "Text")
                        .flatMap(WeirJob::tokenize).name("Tokenizer")
                        .keyBy(t -> t.f0)
                        .sum(1).name("Count")
                        .sinkTo(new ChecksumSink<>(parts)).name("Checksum");
            } else {
                long keys = bench.keys();
                env.fromSequence(0, bench.records() - 1)
                        .map(i -> Tuple2.of(i % keys, i)).name("Key")
                        .keyBy(t -> t.f0)
                        .sum(1).name("Sum")
                        .sinkTo(new ChecksumSink<>(parts)).name("Checksum");
            }
            env.execute(bench.workload());
            return KeyedChecksum.readParts(parts, bench.parallelism());
        } finally {
            KeyedChecksum.deleteParts(parts);
        }
    }

    private static StreamExecutionEnvironment environment(BenchArgs bench) {
        // -Dweir.<key>=<value> sets a Weir option for experiments (e.g. -Dweir.execution.sort.memory=256mb);
        // run.sh passes none, so the table always measures the defaults.
        Configuration settings = new Configuration();
        System.getProperties().stringPropertyNames().stream().filter(name -> name.startsWith(SETTING_PREFIX))
                .forEach(name -> settings.setString(name.substring(SETTING_PREFIX.length()),
                        System.getProperty(name), "-D" + name));
        StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment(settings);
        env.setParallelism(bench.parallelism());
        env.setRuntimeMode(bench.batch() ? RuntimeExecutionMode.BATCH : RuntimeExecutionMode.STREAMING);
        return env;
    }

    static void tokenize(String line, Collector<Tuple2<String, Integer>> out) {
        Words.forEach(line, word -> out.collect(Tuple2.of(word, 1)));
    }
}
