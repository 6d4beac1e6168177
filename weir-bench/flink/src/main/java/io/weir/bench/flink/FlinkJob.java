package io.weir.bench.flink;

import io.weir.bench.common.BenchArgs;
import io.weir.bench.common.KeyedChecksum;
import io.weir.bench.common.ResultLine;
import io.weir.bench.common.Words;
import org.apache.flink.api.common.RuntimeExecutionMode;
import org.apache.flink.api.common.eventtime.WatermarkStrategy;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.api.java.tuple.Tuple2;
import org.apache.flink.configuration.BatchExecutionOptions;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.configuration.ExecutionOptions;
import org.apache.flink.connector.file.src.FileSource;
import org.apache.flink.connector.file.src.reader.TextLineInputFormat;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.flink.util.Collector;
import org.apache.flink.api.connector.source.lib.NumberSequenceSource;
import org.apache.flink.streaming.api.windowing.assigners.TumblingEventTimeWindows;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

/**
 * The whole-job benchmarks on Apache Flink, built operator for operator like Weir's io.weir.bench.jobs.WeirJob,
 * run in a local mini-cluster inside this JVM with Flink's default configuration apart from the runtime mode, the
 * parallelism and, in BATCH, a fixed rather than adaptive parallelism. Same arguments and the same {@link ResultLine}:
 * <pre>
 * FlinkJob &lt;W1|W2|W3|W4&gt; &lt;BATCH|STREAMING&gt; [--input &lt;file&gt;] [--records &lt;n&gt;] [--keys &lt;n&gt;] [--parallelism &lt;n&gt;]
 * </pre>
 * W1 reads with Flink's {@link FileSource} and {@link TextLineInputFormat}, the documented way to read text in
 * 1.20; that format does not split a file, so one source subtask reads the whole single input file.
 */
public final class FlinkJob {
    private FlinkJob() {
    }

    public static void main(String[] args) throws Exception {
        long start = System.nanoTime();
        BenchArgs bench = BenchArgs.parse(args);
        if (bench.workload().equals("W4")) {
            runStartup(bench);
            System.out.println(ResultLine.format("flink", bench.mode(), "W4", start, 3, 0, "-"));
            return;
        }
        KeyedChecksum checksum = runKeyed(bench);
        long records = bench.workload().equals("W1") ? checksum.total() : bench.records();
        System.out.println(ResultLine.format("flink", bench.mode(), bench.workload(), start, records,
                checksum.keys(), checksum.value()));
    }

    /** W4: three elements, a map, a print (to standard out). */
    static void runStartup(BenchArgs bench) throws Exception {
        StreamExecutionEnvironment env = environment(bench);
        env.fromData(1, 2, 3).map(x -> x * 10).print();
        env.execute("W4 Startup");
    }

    /** W1 or W2 (the checksum of the final value per key), or W3 (the checksum of every window result). */
    static KeyedChecksum runKeyed(BenchArgs bench) throws Exception {
        StreamExecutionEnvironment env = environment(bench);
        Path parts = Files.createTempDirectory("flink-bench-checksum");
        try {
            if (bench.workload().equals("W3")) {
                long keys = bench.keys();
                env.fromSource(new NumberSequenceSource(0, bench.records() - 1),
                                WatermarkStrategy.<Long>forMonotonousTimestamps().withTimestampAssigner((i, ts) -> i * 10),
                                "Sequence")
                        .map(i -> Tuple2.of(i % keys, i)).returns(Types.TUPLE(Types.LONG, Types.LONG)).name("Key")
                        .keyBy(t -> t.f0)
                        .window(TumblingEventTimeWindows.of(Duration.ofMinutes(1)))
                        .reduce((a, b) -> Tuple2.of(a.f0, a.f1 + b.f1)).name("Window sum")
                        .sinkTo(new FlinkWindowChecksumSink<>(parts)).name("Checksum");
            } else if (bench.workload().equals("W1")) {
                FileSource<String> text = FileSource
                        .forRecordStreamFormat(new TextLineInputFormat(),
                                new org.apache.flink.core.fs.Path(bench.input().toUri()))
                        .build();
                env.fromSource(text, WatermarkStrategy.noWatermarks(), "Text")
                        .flatMap(FlinkJob::tokenize).returns(Types.TUPLE(Types.STRING, Types.INT)).name("Tokenizer")
                        .keyBy(t -> t.f0)
                        .sum(1).name("Count")
                        .sinkTo(new FlinkChecksumSink<>(parts)).name("Checksum");
            } else {
                long keys = bench.keys();
                env.fromSequence(0, bench.records() - 1)
                        .map(i -> Tuple2.of(i % keys, i)).returns(Types.TUPLE(Types.LONG, Types.LONG)).name("Key")
                        .keyBy(t -> t.f0)
                        .sum(1).name("Sum")
                        .sinkTo(new FlinkChecksumSink<>(parts)).name("Checksum");
            }
            env.execute(bench.workload());
            return KeyedChecksum.readParts(parts, bench.parallelism());
        } finally {
            KeyedChecksum.deleteParts(parts);
        }
    }

    private static StreamExecutionEnvironment environment(BenchArgs bench) {
        Configuration conf = new Configuration();
        conf.set(ExecutionOptions.RUNTIME_MODE, bench.batch() ? RuntimeExecutionMode.BATCH : RuntimeExecutionMode.STREAMING);
        // Flink 1.20's adaptive batch scheduler otherwise picks each BATCH vertex's parallelism from its input
        // size (W1's small smoke input got a single keyed subtask); the benchmark compares at parallelism 2.
        conf.set(BatchExecutionOptions.ADAPTIVE_AUTO_PARALLELISM_ENABLED, false);
        StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment(conf);
        env.setParallelism(bench.parallelism());
        return env;
    }

    static void tokenize(String line, Collector<Tuple2<String, Integer>> out) {
        Words.forEach(line, word -> out.collect(Tuple2.of(word, 1)));
    }
}
