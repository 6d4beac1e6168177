package io.weir.runtime.jobs;

import io.weir.api.accumulators.Accumulator;
import io.weir.api.common.JobExecutionResult;
import io.weir.api.common.RuntimeExecutionMode;
import io.weir.api.environment.StreamExecutionEnvironment;
import io.weir.api.functions.OpenContext;
import io.weir.api.functions.RichFilterFunction;
import io.weir.api.functions.RichMapFunction;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.HashSet;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import static io.weir.runtime.jobs.TestJobs.environment;
import static org.assertj.core.api.Assertions.assertThat;

/** What a rich function learns from its RuntimeContext, and accumulators merged into the job result. */
class RuntimeContextAndAccumulatorsITCase {
    private static final int N = 20_000;

    @AfterEach
    void clearSinks() {
        CollectingSink.clearAll();
    }

    @ParameterizedTest(name = "parallelism {0}")
    @ValueSource(ints = {1, 2, 4})
    void runtimeContextTellsEachSubtaskItsIndexParallelismAndJobName(int parallelism) throws Exception {
        StreamExecutionEnvironment env = environment(parallelism);
        env.setMaxParallelism(64);
        env.fromSequence(0, N - 1)
                .rebalance()
                .map(new DescribeSubtask()).name("describe")
                .sinkTo(CollectingSink.named("default parallelism"));
        env.fromSequence(0, N - 1)
                .rebalance()
                .map(new DescribeSubtask()).name("describe three").setParallelism(3)
                .sinkTo(CollectingSink.named("parallelism three")).setParallelism(3);
        String jobName = "context job at " + parallelism;
        env.execute(jobName);

        assertThat(distinct("default parallelism")).isEqualTo(IntStream.range(0, parallelism)
                .mapToObj(i -> new SubtaskView(jobName, "describe", i, parallelism, 64)).collect(Collectors.toSet()));
        assertThat(distinct("parallelism three")).isEqualTo(IntStream.range(0, 3)
                .mapToObj(i -> new SubtaskView(jobName, "describe three", i, 3, 64)).collect(Collectors.toSet()));
    }

    @ParameterizedTest(name = "parallelism {0}")
    @ValueSource(ints = {1, 2, 4})
    void accumulatorsOfAllSubtasksAreMergedIntoTheJobResult(int parallelism) throws Exception {
        StreamExecutionEnvironment env = environment(parallelism);
        env.fromSequence(1, N)
                .map(new CountingMap())
                .rebalance()
                .filter(new CountingFilter()).setParallelism(3)
                .sinkTo(CollectingSink.named("kept")).setParallelism(3);
        JobExecutionResult result = env.execute("accumulators at " + parallelism);

        long multiplesOfSeven = N / 7;
        assertThat(result.getJobName()).isEqualTo("accumulators at " + parallelism);
        assertThat(result.getRuntimeMode()).isEqualTo(RuntimeExecutionMode.STREAMING);
        assertThat(result.<Long>getAccumulatorResult("mapped")).isEqualTo((long) N);
        assertThat(result.<Integer>getAccumulatorResult("even")).isEqualTo(N / 2);
        assertThat(result.<Long>getAccumulatorResult("kept")).isEqualTo(multiplesOfSeven);
        // One counter name used by two operators in different tasks: both contributions add up.
        assertThat(result.<Long>getAccumulatorResult("touched")).isEqualTo(2L * N);
        assertThat(result.<Long>getAccumulatorResult("largest")).isEqualTo((long) N);
        assertThat(result.<Long>getAccumulatorResult("no such accumulator")).isNull();
        assertThat(CollectingSink.<Long>results("kept")).hasSize((int) multiplesOfSeven);
    }

    @ParameterizedTest(name = "parallelism {0}")
    @ValueSource(ints = {1, 2, 4})
    void openAndCloseRunOncePerSubtaskAroundItsRecords(int parallelism) throws Exception {
        StreamExecutionEnvironment env = environment(parallelism);
        env.fromSequence(1, N)
                .map(new Lifecycle())
                .rebalance()
                .map(new Lifecycle()).setParallelism(3)
                .sinkTo(CollectingSink.named("out")).setParallelism(3);
        JobExecutionResult result = env.execute("lifecycle");

        assertThat(result.<Long>getAccumulatorResult("opened")).isEqualTo(parallelism + 3L);
        assertThat(result.<Long>getAccumulatorResult("closed")).isEqualTo(parallelism + 3L);
        assertThat(result.<Long>getAccumulatorResult("records outside open..close")).isZero();
        assertThat(result.<Long>getAccumulatorResult("records")).isEqualTo(2L * N);
    }

    private static Set<SubtaskView> distinct(String sink) {
        return new HashSet<>(CollectingSink.<SubtaskView>results(sink));
    }

    record SubtaskView(String jobName, String taskName, int subtask, int parallelism, int maxParallelism) {
    }

    static final class DescribeSubtask extends RichMapFunction<Long, SubtaskView> {
        @Override
        public SubtaskView map(Long value) {
            return new SubtaskView(getRuntimeContext().getJobName(), getRuntimeContext().getTaskName(),
                    getRuntimeContext().getIndexOfThisSubtask(), getRuntimeContext().getNumberOfParallelSubtasks(),
                    getRuntimeContext().getMaxNumberOfParallelSubtasks());
        }
    }

    static final class CountingMap extends RichMapFunction<Long, Long> {
        private transient MaxAccumulator largest;

        @Override
        public void open(OpenContext openContext) {
            largest = new MaxAccumulator();
            getRuntimeContext().addAccumulator("largest", largest);
        }

        @Override
        public Long map(Long value) {
            getRuntimeContext().getLongCounter("mapped").add(1L);
            getRuntimeContext().getLongCounter("touched").add(1L);
            if (value % 2 == 0) {
                getRuntimeContext().getIntCounter("even").add(1);
            }
            largest.add(value);
            return value;
        }
    }

    static final class CountingFilter extends RichFilterFunction<Long> {
        @Override
        public boolean filter(Long value) {
            getRuntimeContext().getLongCounter("touched").add(1L);
            boolean keep = value % 7 == 0;
            if (keep) {
                getRuntimeContext().getLongCounter("kept").add(1L);
            }
            return keep;
        }
    }

    /** Counts open and close calls, and records that arrive before open or after close. */
    static final class Lifecycle extends RichMapFunction<Long, Long> {
        private transient boolean open;

        @Override
        public void open(OpenContext openContext) {
            getRuntimeContext().getLongCounter("opened").add(1L);
            getRuntimeContext().getLongCounter("records outside open..close");
            open = true;
        }

        @Override
        public Long map(Long value) {
            getRuntimeContext().getLongCounter("records").add(1L);
            if (!open) {
                getRuntimeContext().getLongCounter("records outside open..close").add(1L);
            }
            return value;
        }

        @Override
        public void close() {
            getRuntimeContext().getLongCounter("closed").add(1L);
            open = false;
        }
    }

    /** A user-defined accumulator: the largest value added on any subtask. */
    static final class MaxAccumulator implements Accumulator<Long, Long> {
        private long max = Long.MIN_VALUE;

        @Override
        public void add(Long value) {
            max = Math.max(max, value);
        }

        @Override
        public Long getLocalValue() {
            return max;
        }

        @Override
        public void resetLocal() {
            max = Long.MIN_VALUE;
        }

        @Override
        public void merge(Accumulator<Long, Long> other) {
            max = Math.max(max, other.getLocalValue());
        }

        @Override
        public MaxAccumulator clone() {
            MaxAccumulator copy = new MaxAccumulator();
            copy.max = max;
            return copy;
        }
    }
}
