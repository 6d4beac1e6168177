package io.weir.runtime.jobs;

import io.weir.api.accumulators.Accumulator;
import io.weir.api.common.JobExecutionException;
import io.weir.api.environment.StreamExecutionEnvironment;
import io.weir.api.eventtime.WatermarkStrategy;
import io.weir.api.functions.Collector;
import io.weir.api.functions.ProcessFunction;
import io.weir.api.functions.MapFunction;
import io.weir.api.functions.OpenContext;
import io.weir.api.functions.RichMapFunction;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static io.weir.runtime.jobs.TestJobs.collectAll;
import static io.weir.runtime.jobs.TestJobs.environment;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Jobs that cannot run or that fail: clear errors that name the operator, and no task left running. */
class JobFailuresITCase {

    @BeforeEach
    void resetSource() {
        EndlessSource.resetCounts();
    }

    @AfterEach
    void clearSinks() {
        CollectingSink.clearAll();
    }

    @ParameterizedTest(name = "parallelism {0}")
    @ValueSource(ints = {1, 2, 4})
    void anonymousFunctionCapturingTheTestIsRejectedAtSubmission(int parallelism) {
        StreamExecutionEnvironment env = environment(parallelism);
        // Deliberately anonymous: it captures this (non-serializable) test instance.
        MapFunction<Long, Long> anonymous = new MapFunction<>() {
            @Override
            public Long map(Long value) {
                return value + 1;
            }
        };
        env.fromSequence(1, 10).map(anonymous).name("anonymous map").sinkTo(CollectingSink.named("never"));

        assertThatThrownBy(() -> env.execute("anonymous"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("'anonymous map'")
                .hasMessageContaining("not serializable")
                .hasMessageContaining("static nested class");
        assertThat(CollectingSink.<Long>results("never")).isEmpty();
    }

    @ParameterizedTest(name = "parallelism {0}")
    @ValueSource(ints = {1, 2, 4})
    void exceptionInAUserFunctionFailsTheJobAndNamesTheOperator(int parallelism) {
        StreamExecutionEnvironment env = environment(parallelism);
        env.fromSequence(1, 10_000)
                .map(x -> {
                    if (x == 7_777) {
                        throw new IllegalStateException("no sevens");
                    }
                    return x;
                }).name("picky map")
                .sinkTo(CollectingSink.named("out"));

        assertThatThrownBy(() -> env.execute("failing"))
                .isInstanceOf(JobExecutionException.class)
                .hasMessageContaining("'picky map'")
                .hasMessageContaining("no sevens")
                .hasRootCauseInstanceOf(IllegalStateException.class);
    }

    @ParameterizedTest(name = "parallelism {0}")
    @ValueSource(ints = {1, 2, 4})
    void failureInAnUnboundedJobCancelsEveryTask(int parallelism) {
        StreamExecutionEnvironment env = environment(parallelism);
        env.fromSource(new EndlessSource(), WatermarkStrategy.noWatermarks(), "endless")
                .rebalance()
                .map(x -> {
                    if (x >= 50_000) {
                        throw new IllegalStateException("enough");
                    }
                    return x;
                }).name("limit")
                .sinkTo(CollectingSink.named("out"));

        assertThatThrownBy(() -> env.execute("unbounded failing"))
                .isInstanceOf(JobExecutionException.class)
                .hasMessageContaining("'limit'")
                .hasMessageContaining("enough");
        assertThat(EndlessSource.readersOpened()).isBetween(1, parallelism);
        assertThat(EndlessSource.readersClosed()).isEqualTo(EndlessSource.readersOpened());
    }

    @ParameterizedTest(name = "parallelism {0}")
    @ValueSource(ints = {1, 2, 4})
    void registeringATimerOnAStreamThatIsNotKeyedFailsTheJobWithAClearMessage(int parallelism) {
        StreamExecutionEnvironment env = environment(parallelism);

        assertThatThrownBy(() -> collectAll(env.fromSequence(1, 100).process(new SetsATimer())
                .name("timer user")))
                .hasMessageContaining("'timer user' is not keyed")
                .hasMessageContaining("keyBy")
                .hasRootCauseInstanceOf(UnsupportedOperationException.class);
    }

    @ParameterizedTest(name = "parallelism {0}")
    @ValueSource(ints = {1, 2, 4})
    void accumulatorWithoutAValueFailsTheJobResultInsteadOfHangingTheClient(int parallelism) {
        StreamExecutionEnvironment env = environment(parallelism);
        env.fromSequence(1, 1_000).map(new RegistersAnAccumulatorWithoutValue())
                .sinkTo(CollectingSink.named("out"));

        assertThatThrownBy(() -> env.execute("null accumulator"))
                .isInstanceOf(JobExecutionException.class)
                .hasMessageContaining("Job 'null accumulator'")
                .hasMessageContaining("Accumulator 'last text'")
                .hasMessageContaining("returned null");
        assertThat(CollectingSink.<Long>results("out")).hasSize(1_000);
    }

    static final class RegistersAnAccumulatorWithoutValue extends RichMapFunction<Long, Long> {
        @Override
        public void open(OpenContext openContext) {
            getRuntimeContext().addAccumulator("last text", new LastText());
        }

        @Override
        public Long map(Long value) {
            return value;
        }
    }

    /** A user accumulator whose value is null until something is added; nothing ever is. */
    static final class LastText implements Accumulator<String, String> {
        private String last;

        @Override
        public void add(String value) {
            last = value;
        }

        @Override
        public String getLocalValue() {
            return last;
        }

        @Override
        public void resetLocal() {
            last = null;
        }

        @Override
        public void merge(Accumulator<String, String> other) {
            if (other.getLocalValue() != null) {
                last = other.getLocalValue();
            }
        }

        @Override
        public LastText clone() {
            LastText copy = new LastText();
            copy.last = last;
            return copy;
        }
    }

    /** Registers a timer but has no onTimer, so the job can be built; the registration itself must fail. */
    static final class SetsATimer extends ProcessFunction<Long, Long> {
        @Override
        public void processElement(Long value, Context ctx, Collector<Long> out) {
            ctx.timerService().registerEventTimeTimer(value + 1_000);
            out.collect(value);
        }
    }
}
