package io.weir.runtime.jobs;

import io.weir.api.accumulators.Accumulator;
import io.weir.api.common.CloseableIterator;
import io.weir.api.common.JobExecutionException;
import io.weir.api.common.RuntimeExecutionMode;
import io.weir.api.config.Configuration;
import io.weir.api.config.ExecutionOptions;
import io.weir.api.connector.source.Boundedness;
import io.weir.api.connector.source.InputStatus;
import io.weir.api.connector.source.ReaderOutput;
import io.weir.api.connector.source.Source;
import io.weir.api.connector.source.SourceReader;
import io.weir.api.connector.source.SourceReaderContext;
import io.weir.api.connector.source.SplitEnumerator;
import io.weir.api.connector.source.lib.NumberSequenceSource;
import io.weir.api.environment.StreamExecutionEnvironment;
import io.weir.api.eventtime.WatermarkStrategy;
import io.weir.api.functions.OpenContext;
import io.weir.api.functions.RichMapFunction;
import io.weir.runtime.jobs.FailureAndCancelITCase.DiscardingSink;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * A job never hangs: an {@link Error} thrown anywhere in a job's threads (its coordinator, where split
 * enumerators are created; a task; the coordinator's handling of what a task reports) fails the job, and
 * {@code execute()} / {@code executeAndCollect()} return with the error as the cause. The timeout only turns a
 * regression (a hang) into a failure instead of a stuck build.
 */
@Timeout(60)
class JobThreadErrorsITCase {

    /** The coordinator completes the result as its last action, so its thread ends right after; waited for. */
    @AfterEach
    @Timeout(60)
    void noTaskThreadOutlivesItsJob() throws InterruptedException {
        for (Thread t : Thread.getAllStackTraces().keySet()) {
            if (t.getName().startsWith("weir-job ")) {
                t.join();
            }
        }
        assertThat(Thread.getAllStackTraces().keySet())
                .filteredOn(t -> t.getName().startsWith("weir-task ") && t.isAlive())
                .isEmpty();
    }

    private static StreamExecutionEnvironment env(RuntimeExecutionMode mode, int parallelism) {
        Configuration conf = new Configuration();
        conf.set(ExecutionOptions.RUNTIME_MODE, mode);
        StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment(conf);
        env.setParallelism(parallelism);
        return env;
    }

    @ParameterizedTest
    @EnumSource(value = RuntimeExecutionMode.class, names = {"STREAMING", "BATCH"})
    void anErrorFromASplitEnumeratorFailsTheJobWithIt(RuntimeExecutionMode mode) {
        StreamExecutionEnvironment env = env(mode, 2);
        env.fromSource(new EnumeratorThrows(), WatermarkStrategy.noWatermarks(), "broken listing")
                .map(x -> x + 1)
                .sinkTo(new DiscardingSink<>());

        assertThatThrownBy(() -> env.execute("enumerator error"))
                .isInstanceOf(JobExecutionException.class)
                .hasMessageContaining("'broken listing'")
                .hasMessageContaining("io/weir/missing/Helper")
                .hasRootCauseInstanceOf(NoClassDefFoundError.class);
    }

    @ParameterizedTest
    @EnumSource(value = RuntimeExecutionMode.class, names = {"STREAMING", "BATCH"})
    void anOutOfMemoryErrorInAFunctionFailsTheJobNamingTheOperator(RuntimeExecutionMode mode) {
        StreamExecutionEnvironment env = env(mode, 2);
        env.fromSequence(1, 50_000)
                .keyBy(x -> x % 7)
                .map(new RunsOutOfMemoryAt(31_337L)).name("greedy map")
                .sinkTo(new DiscardingSink<>());

        assertThatThrownBy(() -> env.execute("out of memory"))
                .isInstanceOf(JobExecutionException.class)
                .hasMessageContaining("greedy map")
                .hasMessageContaining("The JVM ran out of heap; the settings that drive this job's memory: ")
                .hasMessageContaining(mode == RuntimeExecutionMode.BATCH
                        ? "execution.sort.memory=" : "execution.channel-capacity=")
                .hasMessageContaining("-Xmx")
                .hasRootCauseInstanceOf(OutOfMemoryError.class);
    }

    /**
     * On a full heap, the failure path itself runs out of memory: here the first description of the error (the log
     * line of the task's failure) throws another {@link OutOfMemoryError}, as building that string did in a real
     * heap-exhaustion run. The job must still cancel its other tasks and fail with the original error. Before the
     * fix, STREAMING recorded the failure but threw before cancelling anything, so the other source and the maps
     * waited forever for the failed source's end of input (the timeout turns that hang into a failure).
     */
    @ParameterizedTest
    @EnumSource(value = RuntimeExecutionMode.class, names = {"STREAMING", "BATCH"})
    void anOutOfMemoryErrorWhileReportingAnOutOfMemoryErrorStillFailsTheJobWithIt(RuntimeExecutionMode mode) {
        StreamExecutionEnvironment env = env(mode, 2);
        env.fromSource(new RunsOutOfMemoryReadingSplitOf(50_000, 31_337), WatermarkStrategy.noWatermarks(),
                        "exhausted source")
                .keyBy(x -> x % 7)
                .map(x -> x + 1).name("plain map")
                .sinkTo(new DiscardingSink<>());

        assertThatThrownBy(() -> env.execute("out of memory twice"))
                .isInstanceOf(JobExecutionException.class)
                .hasMessageContaining("exhausted source")
                .hasMessageContaining("The JVM ran out of heap; the settings that drive this job's memory: ")
                .rootCause().isInstanceOf(OutOfMemoryErrorDescribedOnlyOnce.class);
    }

    @ParameterizedTest
    @EnumSource(value = RuntimeExecutionMode.class, names = {"STREAMING", "BATCH"})
    void sortMemoryBeyondTheHeapIsRejectedBeforeABatchJobStartsAndUnusedInStreaming(RuntimeExecutionMode mode)
            throws Exception {
        Configuration conf = new Configuration();
        conf.set(ExecutionOptions.RUNTIME_MODE, mode);
        conf.setString(ExecutionOptions.SORT_MEMORY.key(), "1000 gb", "test");
        StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment(conf);
        env.setParallelism(2);
        List<Long> sums = new ArrayList<>();
        Runnable run = () -> {
            try (CloseableIterator<Long> out = env.fromSequence(1, 100).keyBy(x -> x % 2).reduce((a, b) -> a + b)
                    .executeAndCollect()) {
                out.forEachRemaining(sums::add);
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        };

        if (mode == RuntimeExecutionMode.BATCH) {
            assertThatThrownBy(run::run)
                    .rootCause()
                    .isInstanceOf(io.weir.api.config.IllegalConfigurationException.class)
                    .hasMessageContaining("execution.sort.memory=1000 gb (set in test)")
                    .hasMessageContaining("maximum heap of");
        } else {
            run.run();
            assertThat(sums).contains(2550L, 2500L);
        }
    }

    @ParameterizedTest
    @EnumSource(value = RuntimeExecutionMode.class, names = {"STREAMING", "BATCH"})
    void executeAndCollectEndsWithTheErrorWhenATaskRunsOutOfMemory(RuntimeExecutionMode mode) throws Exception {
        StreamExecutionEnvironment env = env(mode, 2);
        List<Long> seen = new ArrayList<>();
        try (CloseableIterator<Long> out = env.fromSequence(1, 50_000)
                .map(new RunsOutOfMemoryAt(20_000L)).name("greedy map")
                .executeAndCollect()) {
            assertThatThrownBy(() -> {
                while (out.hasNext()) {
                    seen.add(out.next());
                }
            }).hasMessageContaining("greedy map").hasRootCauseInstanceOf(OutOfMemoryError.class);
        }
        assertThat(seen).doesNotContain(20_000L);
    }

    @ParameterizedTest
    @EnumSource(value = RuntimeExecutionMode.class, names = {"STREAMING", "BATCH"})
    void anErrorWhileMergingAccumulatorsFailsTheJobInsteadOfReportingSuccess(RuntimeExecutionMode mode) {
        StreamExecutionEnvironment env = env(mode, 2);
        env.fromSequence(1, 1_000)
                .map(new CountsWithBrokenAccumulator()).name("counting map")
                .sinkTo(new DiscardingSink<>());

        assertThatThrownBy(() -> env.execute("accumulator error"))
                .isInstanceOf(JobExecutionException.class)
                .hasMessageContaining("counting map")
                .hasRootCauseInstanceOf(AssertionError.class)
                .rootCause().hasMessageContaining("merge refused");
    }

    @ParameterizedTest
    @EnumSource(value = RuntimeExecutionMode.class, names = {"STREAMING", "BATCH"})
    void aRestartDelayTooLongToComputeIsRejectedNamingTheSettingBeforeAnythingRuns(RuntimeExecutionMode mode) {
        Configuration conf = new Configuration();
        conf.set(ExecutionOptions.RUNTIME_MODE, mode);
        conf.setString("restart-strategy.type", "fixed-delay", "test");
        conf.setString("restart-strategy.fixed-delay.delay", "9223372036854775 s", "test");

        // Checked when the settings are read, so the delay of a restart can never overflow while a job runs.
        assertThatThrownBy(() -> StreamExecutionEnvironment.getExecutionEnvironment(conf))
                .isInstanceOf(io.weir.api.config.IllegalConfigurationException.class)
                .hasMessageContaining("restart-strategy.fixed-delay.delay")
                .hasMessageContaining("9223372036854775 s")
                .hasMessageContaining("set in test");
    }

    /** Its enumerator needs a class that is not on the class path, as a job built against a missing jar would. */
    static final class EnumeratorThrows implements Source<Long, NumberSequenceSource.Range> {
        private final NumberSequenceSource delegate = new NumberSequenceSource(1, 100);

        @Override
        public Boundedness getBoundedness() {
            return Boundedness.BOUNDED;
        }

        @Override
        public SplitEnumerator<NumberSequenceSource.Range> createEnumerator(int parallelism) {
            throw new NoClassDefFoundError("io/weir/missing/Helper");
        }

        @Override
        public SourceReader<Long, NumberSequenceSource.Range> createReader(SourceReaderContext context)
                throws Exception {
            return delegate.createReader(context);
        }
    }

    /**
     * The longs 1..{@code count}; the reader given the split holding {@code at} throws an
     * {@link OutOfMemoryErrorDescribedOnlyOnce} instead of reading it. An {@link Error} from a reader reaches the
     * task's report as it is, so the first description of it is the one made while the failure is reported.
     */
    static final class RunsOutOfMemoryReadingSplitOf implements Source<Long, NumberSequenceSource.Range> {
        private final NumberSequenceSource delegate;
        private final long at;

        RunsOutOfMemoryReadingSplitOf(long count, long at) {
            this.delegate = new NumberSequenceSource(1, count);
            this.at = at;
        }

        @Override
        public Boundedness getBoundedness() {
            return Boundedness.BOUNDED;
        }

        @Override
        public SplitEnumerator<NumberSequenceSource.Range> createEnumerator(int parallelism) {
            return delegate.createEnumerator(parallelism);
        }

        @Override
        public SourceReader<Long, NumberSequenceSource.Range> createReader(SourceReaderContext context)
                throws Exception {
            SourceReader<Long, NumberSequenceSource.Range> reader = delegate.createReader(context);
            return new SourceReader<>() {
                private boolean exhausted;

                @Override
                public void addSplit(NumberSequenceSource.Range split) throws Exception {
                    exhausted = split.from() <= at && at <= split.to();
                    reader.addSplit(split);
                }

                @Override
                public InputStatus pollNext(ReaderOutput<Long> output) throws Exception {
                    if (exhausted) {
                        throw new OutOfMemoryErrorDescribedOnlyOnce();
                    }
                    return reader.pollNext(output);
                }
            };
        }
    }

    /**
     * An OutOfMemoryError whose first {@link #toString()} throws another, as making any string does while the heap
     * is still full; later descriptions succeed, as they do once the failed task's state has been released.
     */
    static final class OutOfMemoryErrorDescribedOnlyOnce extends OutOfMemoryError {
        private static final long serialVersionUID = 1L;
        private final AtomicBoolean described = new AtomicBoolean();

        OutOfMemoryErrorDescribedOnlyOnce() {
            super("Java heap space (injected)");
        }

        @Override
        public String toString() {
            if (described.compareAndSet(false, true)) {
                throw new OutOfMemoryError("Java heap space (injected, while describing the first)");
            }
            return super.toString();
        }
    }

    /** Throws an OutOfMemoryError at one value, as an allocation too large for the heap would. */
    static final class RunsOutOfMemoryAt extends RichMapFunction<Long, Long> {
        private final long at;

        RunsOutOfMemoryAt(long at) {
            this.at = at;
        }

        @Override
        public Long map(Long value) {
            if (value == at) {
                throw new OutOfMemoryError("Java heap space (injected at " + at + ")");
            }
            return value;
        }
    }

    /** Registers an accumulator whose merge fails: the coordinator meets the error while taking a task's result. */
    static final class CountsWithBrokenAccumulator extends RichMapFunction<Long, Long> {
        private BrokenCounter counter;

        @Override
        public void open(OpenContext context) {
            counter = new BrokenCounter();
            getRuntimeContext().addAccumulator("broken", counter);
        }

        @Override
        public Long map(Long value) {
            counter.add(1L);
            return value;
        }
    }

    static final class BrokenCounter implements Accumulator<Long, Long> {
        private long count;

        @Override
        public void add(Long value) {
            count += value;
        }

        @Override
        public Long getLocalValue() {
            return count;
        }

        @Override
        public void resetLocal() {
            count = 0;
        }

        @Override
        public void merge(Accumulator<Long, Long> other) {
            throw new AssertionError("merge refused");
        }

        @Override
        public BrokenCounter clone() {
            BrokenCounter copy = new BrokenCounter();
            copy.count = count;
            return copy;
        }
    }
}
