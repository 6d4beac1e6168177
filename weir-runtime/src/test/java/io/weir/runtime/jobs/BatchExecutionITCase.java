package io.weir.runtime.jobs;

import io.weir.api.common.JobExecutionException;
import io.weir.api.common.JobExecutionResult;
import io.weir.api.common.RuntimeExecutionMode;
import io.weir.api.config.Configuration;
import io.weir.api.config.ExecutionOptions;
import io.weir.api.environment.StreamExecutionEnvironment;
import io.weir.api.eventtime.WatermarkStrategy;
import io.weir.api.functions.OpenContext;
import io.weir.api.functions.RichMapFunction;
import io.weir.api.tuple.Tuple2;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** BATCH scheduling and recovery: stages, slots, per-task retries, lost partitions, clean work directories. */
class BatchExecutionITCase {
    static final List<String> EVENTS = Collections.synchronizedList(new ArrayList<>());
    static final Map<String, AtomicInteger> OPENS = new ConcurrentHashMap<>();

    @TempDir
    Path tmp;

    @BeforeEach
    void reset() {
        EVENTS.clear();
        OPENS.clear();
    }

    private StreamExecutionEnvironment batchEnv(int parallelism, String... settings) {
        Configuration conf = new Configuration();
        conf.set(ExecutionOptions.RUNTIME_MODE, RuntimeExecutionMode.BATCH);
        conf.setString("io.tmp.dirs", tmp.toString(), "test");
        for (int i = 0; i < settings.length; i += 2) {
            conf.setString(settings[i], settings[i + 1], "test");
        }
        StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment(conf);
        env.setParallelism(parallelism);
        return env;
    }

    private static Map<Long, Long> expectedSums(long n, int keys) {
        Map<Long, Long> sums = new HashMap<>();
        for (long i = 1; i <= n; i++) {
            sums.merge(i % keys, i, Long::sum);
        }
        return sums;
    }

    private static Map<Long, Long> asMap(List<Tuple2<Long, Long>> out) {
        Map<Long, Long> m = new HashMap<>();
        for (Tuple2<Long, Long> t : out) {
            assertThat(m.put(t.f0, t.f1)).as("key %s emitted twice", t.f0).isNull();
        }
        return m;
    }

    private List<String> filesLeftIn(Path dir) throws IOException {
        try (Stream<Path> files = Files.walk(dir)) {
            return files.filter(Files::isRegularFile).map(Path::toString).collect(Collectors.toList());
        }
    }

    @Test
    void withOneSlotStagesRunOneAfterAnother() throws Exception {
        StreamExecutionEnvironment env = batchEnv(2, "execution.slots", "1");
        List<Tuple2<Long, Long>> out = env.fromSequence(1, 10_000)
                .map(new Recording<>("stage1")).name("stage1")
                .keyBy(x -> x % 10)
                .map(new Recording<>("stage2")).name("stage2")
                .map(x -> Tuple2.of(x % 10, x))
                .keyBy(t -> t.f0)
                .sum(1).name("stage3")
                .executeAndCollect(100);

        assertThat(asMap(out)).isEqualTo(expectedSums(10_000, 10));
        // One slot: no two subtasks overlap, and every stage-1 subtask closed before any stage-2 subtask opened.
        int lastStage1Close = Math.max(EVENTS.lastIndexOf("close stage1 0"), EVENTS.lastIndexOf("close stage1 1"));
        int firstStage2Open = Math.min(EVENTS.indexOf("open stage2 0"), EVENTS.indexOf("open stage2 1"));
        assertThat(lastStage1Close).isLessThan(firstStage2Open);
        for (int i = 0; i < EVENTS.size(); i += 2) {
            assertThat(EVENTS.get(i)).startsWith("open");
            assertThat(EVENTS.get(i + 1)).startsWith("close").endsWith(EVENTS.get(i).substring(5));
        }
    }

    @Test
    void aTaskThatFailsOnceIsRetriedAloneAndUpstreamIsNotRerun() throws Exception {
        StreamExecutionEnvironment env = batchEnv(2, "restart-strategy.type", "fixed-delay",
                "restart-strategy.fixed-delay.delay", "0 ms");
        List<Tuple2<Long, Long>> out = env.fromSequence(1, 20_000)
                .map(new Recording<>("upstream")).name("upstream")
                .keyBy(x -> x % 7)
                .map(new FailsOnFirstAttempt()).name("flaky")
                .keyBy(t -> t.f0)
                .reduce((a, b) -> Tuple2.of(a.f0, a.f1 + b.f1))
                .executeAndCollect(100);

        assertThat(asMap(out)).isEqualTo(expectedSums(20_000, 7));
        assertThat(OPENS.get("upstream")).hasValue(2);
        assertThat(OPENS.get("flaky")).hasValue(3);
    }

    /** Parallelism 1: the failing map is chained to the collect sink, which has seen 299 records when it fails. */
    @Test
    void aRetriedTaskChainedToTheCollectSinkDeliversEveryRecordOnce() throws Exception {
        StreamExecutionEnvironment env = batchEnv(1, "restart-strategy.type", "fixed-delay",
                "restart-strategy.fixed-delay.delay", "0 ms");
        List<Tuple2<Long, Long>> out = env.fromSequence(1, 20_000)
                .map(x -> Tuple2.of(x % 1000, x))
                .keyBy(t -> t.f0)
                .sum(1)
                .map(new FailsAfterSomeOutput()).name("flaky")
                .executeAndCollect(10_000);

        assertThat(asMap(out)).isEqualTo(expectedSums(20_000, 1000));
    }

    @Test
    void aRetriedTaskChainedToPrintPrintsEveryLineOnce() throws Exception {
        StreamExecutionEnvironment env = batchEnv(1, "restart-strategy.type", "fixed-delay",
                "restart-strategy.fixed-delay.delay", "0 ms");
        env.fromSequence(1, 20_000)
                .map(x -> Tuple2.of(x % 1000, x))
                .keyBy(t -> t.f0)
                .sum(1)
                .map(new FailsAfterSomeOutput()).name("flaky")
                .print();
        java.io.ByteArrayOutputStream captured = new java.io.ByteArrayOutputStream();
        java.io.PrintStream original = System.out;
        System.setOut(new java.io.PrintStream(captured, true, java.nio.charset.StandardCharsets.UTF_8));
        try {
            env.execute("print once");
        } finally {
            System.setOut(original);
        }

        List<String> lines = captured.toString(java.nio.charset.StandardCharsets.UTF_8).lines().toList();
        assertThat(lines).hasSize(1000).doesNotHaveDuplicates();
        assertThat(lines).contains("(0," + expectedSums(20_000, 1000).get(0L) + ")");
    }

    @Test
    void theResultReportsTaskAttempts() throws Exception {
        StreamExecutionEnvironment env = batchEnv(2, "restart-strategy.type", "fixed-delay",
                "restart-strategy.fixed-delay.delay", "0 ms");
        env.fromSequence(1, 1000).keyBy(x -> x % 7).map(new FailsOnFirstAttempt()).name("flaky")
                .sinkTo(new FailureAndCancelITCase.DiscardingSink<>());

        JobExecutionResult result = env.execute("attempts");

        // Source (2 subtasks) and flaky + sink (2 subtasks), one of which ran twice.
        assertThat(result.getTaskAttempts()).isEqualTo(5);
        assertThat(result.getRuntimeMode()).isEqualTo(RuntimeExecutionMode.BATCH);
    }

    @Test
    void aDeletedResultPartitionMakesItsProducerRunAgainFirst() throws Exception {
        StreamExecutionEnvironment env = batchEnv(1, "restart-strategy.type", "fixed-delay",
                "restart-strategy.fixed-delay.delay", "0 ms");
        List<Tuple2<Long, Long>> out = env.fromSequence(1, 5_000)
                .map(new Recording<>("producer")).name("producer")
                .keyBy(x -> x % 5)
                .map(new DamagesInputOnFirstAttempt(tmp.toString(), false)).name("consumer")
                .keyBy(t -> t.f0)
                .sum(1)
                .executeAndCollect(100);

        assertThat(asMap(out)).isEqualTo(expectedSums(5_000, 5));
        assertThat(OPENS.get("producer")).hasValue(2);
    }

    @Test
    void aCorruptResultPartitionIsDetectedAndItsProducerRunsAgain() throws Exception {
        StreamExecutionEnvironment env = batchEnv(1, "restart-strategy.type", "fixed-delay",
                "restart-strategy.fixed-delay.delay", "0 ms");
        List<Tuple2<Long, Long>> out = env.fromSequence(1, 5_000)
                .map(new Recording<>("producer")).name("producer")
                .keyBy(x -> x % 5)
                .map(new DamagesInputOnFirstAttempt(tmp.toString(), true)).name("consumer")
                .keyBy(t -> t.f0)
                .sum(1)
                .executeAndCollect(100);

        assertThat(asMap(out)).isEqualTo(expectedSums(5_000, 5));
        assertThat(OPENS.get("producer")).hasValue(2);
    }

    @Test
    void withoutARestartStrategyAFailureFailsTheJobAndLeavesNoFiles() throws IOException {
        StreamExecutionEnvironment env = batchEnv(2);
        env.fromSequence(1, 10_000).keyBy(x -> x % 3).map(new FailsOnFirstAttempt()).name("flaky")
                .sinkTo(new FailureAndCancelITCase.DiscardingSink<>());

        assertThatThrownBy(() -> env.execute("no restarts"))
                .isInstanceOf(JobExecutionException.class)
                .hasMessageContaining("operator 'flaky'")
                .hasRootCauseMessage("first attempt fails");
        assertThat(filesLeftIn(tmp)).isEmpty();
    }

    @Test
    void aSuccessfulJobLeavesNoFilesInTheWorkDirectory() throws Exception {
        StreamExecutionEnvironment env = batchEnv(2, "execution.sort.memory", "128 kb",
                "execution.batch.partition-memory", "64 kb");
        List<Tuple2<Long, Long>> out = env.fromSequence(1, 200_000).map(x -> Tuple2.of(x % 1000, x))
                .keyBy(t -> t.f0).sum(1).executeAndCollect(10_000);

        assertThat(asMap(out)).isEqualTo(expectedSums(200_000, 1000));
        assertThat(filesLeftIn(tmp)).isEmpty();
    }

    @Test
    void cancellingABatchJobStopsItAndRemovesItsFiles() throws Exception {
        StreamExecutionEnvironment env = batchEnv(2);
        FailureAndCancelITCase.BlockingSink.reset(0);
        env.fromSequence(1, 100_000).keyBy(x -> x % 10).reduce(Long::sum)
                .sinkTo(new FailureAndCancelITCase.BlockingSink());
        io.weir.api.common.JobClient client = env.executeAsync("to cancel");
        assertThat(FailureAndCancelITCase.BlockingSink.ARRIVED.await(30, java.util.concurrent.TimeUnit.SECONDS))
                .isTrue();
        assertThat(filesLeftIn(tmp)).isNotEmpty();

        client.cancel().get(10, java.util.concurrent.TimeUnit.SECONDS);

        assertThat(client.getJobStatus()).isEqualTo(io.weir.api.common.JobStatus.CANCELED);
        assertThat(filesLeftIn(tmp)).isEmpty();
    }

    @Test
    void anUnwritableWorkDirectoryIsAClearError() throws IOException {
        Path notADirectory = Files.writeString(tmp.resolve("plain-file"), "x");
        Configuration conf = new Configuration();
        conf.set(ExecutionOptions.RUNTIME_MODE, RuntimeExecutionMode.BATCH);
        conf.setString("io.tmp.dirs", notADirectory.toString(), "-D command-line option");
        StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment(conf);
        env.fromSequence(1, 10).keyBy(x -> x).reduce(Long::sum).sinkTo(new FailureAndCancelITCase.DiscardingSink<>());

        assertThatThrownBy(() -> env.execute("bad dir"))
                .hasMessageContaining("could not create its work directory in '" + notADirectory + "'")
                .hasMessageContaining("io.tmp.dirs, set in -D command-line option");
    }

    @Test
    void batchRefusesAnUnboundedSourceBeforeRunningAnything() {
        StreamExecutionEnvironment env = batchEnv(1);
        MeteredEndlessSource.EMITTED.set(0);
        env.fromSource(new MeteredEndlessSource(), WatermarkStrategy.noWatermarks(), "clicks")
                .sinkTo(new FailureAndCancelITCase.DiscardingSink<>());

        assertThatThrownBy(() -> env.execute("unbounded"))
                .hasMessageContaining("source 'clicks' is unbounded");
        assertThat(MeteredEndlessSource.EMITTED.get()).isZero();
    }

    // ------------------------------------------------------------------------------------------ functions

    /** Records open/close per subtask and counts opens per name. */
    static final class Recording<T> extends RichMapFunction<T, T> {
        private final String name;

        Recording(String name) {
            this.name = name;
        }

        @Override
        public void open(OpenContext openContext) {
            OPENS.computeIfAbsent(name, n -> new AtomicInteger()).incrementAndGet();
            EVENTS.add("open " + name + " " + getRuntimeContext().getIndexOfThisSubtask());
        }

        @Override
        public T map(T value) {
            return value;
        }

        @Override
        public void close() {
            EVENTS.add("close " + name + " " + getRuntimeContext().getIndexOfThisSubtask());
        }
    }

    /** Fails half-way through its first attempt on subtask 0. */
    static final class FailsOnFirstAttempt extends RichMapFunction<Long, Tuple2<Long, Long>> {
        private int seen;

        @Override
        public void open(OpenContext openContext) {
            OPENS.computeIfAbsent("flaky", n -> new AtomicInteger()).incrementAndGet();
        }

        @Override
        public Tuple2<Long, Long> map(Long value) {
            if (getRuntimeContext().getAttemptNumber() == 0 && getRuntimeContext().getIndexOfThisSubtask() == 0
                    && ++seen == 100) {
                throw new IllegalStateException("first attempt fails");
            }
            return Tuple2.of(value % 7, value);
        }
    }

    /** Fails at its 300th record on subtask 0's first attempt, after it has emitted 299. */
    static final class FailsAfterSomeOutput extends RichMapFunction<Tuple2<Long, Long>, Tuple2<Long, Long>> {
        private int seen;

        @Override
        public Tuple2<Long, Long> map(Tuple2<Long, Long> value) {
            if (getRuntimeContext().getAttemptNumber() == 0 && getRuntimeContext().getIndexOfThisSubtask() == 0
                    && ++seen == 300) {
                throw new IllegalStateException("fails after output");
            }
            return value;
        }
    }

    /** On its first attempt, deletes or corrupts the result partitions it is about to read. */
    static final class DamagesInputOnFirstAttempt extends RichMapFunction<Long, Tuple2<Long, Long>> {
        private final String workRoot;
        private final boolean corrupt;

        DamagesInputOnFirstAttempt(String workRoot, boolean corrupt) {
            this.workRoot = workRoot;
            this.corrupt = corrupt;
        }

        @Override
        public void open(OpenContext openContext) throws IOException {
            if (getRuntimeContext().getAttemptNumber() > 0) {
                return;
            }
            try (Stream<Path> files = Files.walk(Path.of(workRoot))) {
                for (Path data : files.filter(p -> p.toString().endsWith(".data")).toList()) {
                    if (corrupt) {
                        try (RandomAccessFile f = new RandomAccessFile(data.toFile(), "rw")) {
                            long at = f.length() / 2;
                            f.seek(at);
                            int b = f.read();
                            f.seek(at);
                            f.write(b ^ 0x5a);
                        }
                    } else {
                        Files.delete(data);
                    }
                }
            }
        }

        @Override
        public Tuple2<Long, Long> map(Long value) {
            return Tuple2.of(value % 5, value);
        }
    }
}
