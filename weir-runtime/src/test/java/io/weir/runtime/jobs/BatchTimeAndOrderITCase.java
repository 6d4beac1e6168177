package io.weir.runtime.jobs;

import io.weir.api.common.RuntimeExecutionMode;
import io.weir.api.config.Configuration;
import io.weir.api.config.ExecutionOptions;
import io.weir.api.config.IllegalConfigurationException;
import io.weir.api.connector.source.lib.NumberSequenceSource;
import io.weir.api.environment.StreamExecutionEnvironment;
import io.weir.api.eventtime.WatermarkGenerator;
import io.weir.api.eventtime.WatermarkOutput;
import io.weir.api.eventtime.WatermarkStrategy;
import io.weir.api.functions.Collector;
import io.weir.api.functions.CoProcessFunction;
import io.weir.api.functions.KeyedProcessFunction;
import io.weir.api.tuple.Tuple2;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** DESIGN.md section 1, Time and Order of processing, in both modes. */
class BatchTimeAndOrderITCase {
    static final AtomicLong GENERATOR_EVENTS = new AtomicLong();

    private static StreamExecutionEnvironment env(RuntimeExecutionMode mode, int parallelism) {
        StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment();
        env.setRuntimeMode(mode);
        env.setParallelism(parallelism);
        return env;
    }

    @ParameterizedTest
    @EnumSource(value = RuntimeExecutionMode.class, names = {"STREAMING", "BATCH"})
    void timestampsAreAssignedInBothModesButWatermarkGeneratorsRunOnlyInStreaming(RuntimeExecutionMode mode)
            throws Exception {
        GENERATOR_EVENTS.set(0);
        StreamExecutionEnvironment env = env(mode, 2);
        WatermarkStrategy<Long> strategy = WatermarkStrategy.<Long>forGenerator(CountingGenerator::new)
                .withTimestampAssigner((v, ts) -> v * 1000);
        List<Tuple2<Long, Long>> out = env.fromSource(new NumberSequenceSource(1, 1000), strategy, "timed")
                .keyBy(v -> v % 10)
                .process(new TimestampAndClock())
                .executeAndCollect(10_000);

        assertThat(out).hasSize(1000).allSatisfy(t -> assertThat(t.f1).isEqualTo(t.f0 * 1000));
        assertThat(GENERATOR_EVENTS.get()).isEqualTo(mode == RuntimeExecutionMode.BATCH ? 0 : 1000);
    }

    @Test
    void processingTimeDoesNotAdvanceInBatch() throws Exception {
        StreamExecutionEnvironment env = env(RuntimeExecutionMode.BATCH, 2);
        long before = System.currentTimeMillis();
        List<Long> clocks = env.fromSequence(1, 50_000).keyBy(v -> v % 100).process(new ProcessingClock())
                .executeAndCollect(100_000);

        assertThat(clocks).hasSize(50_000);
        assertThat(new HashSet<>(clocks)).hasSize(1);
        assertThat(clocks.get(0)).isBetween(before, System.currentTimeMillis());
    }

    @Test
    void processingTimeIsTheWallClockInStreaming() throws Exception {
        StreamExecutionEnvironment env = env(RuntimeExecutionMode.STREAMING, 2);
        long before = System.currentTimeMillis();
        List<Long> clocks = env.fromSequence(1, 1000).keyBy(v -> v % 100).process(new ProcessingClock())
                .executeAndCollect(100_000);

        assertThat(clocks).allSatisfy(c -> assertThat(c).isBetween(before, System.currentTimeMillis()));
    }

    @ParameterizedTest
    @EnumSource(value = RuntimeExecutionMode.class, names = {"STREAMING", "BATCH"})
    void batchReadsBroadcastThenRegularThenKeyedInputs(RuntimeExecutionMode mode) throws Exception {
        StreamExecutionEnvironment env = env(mode, 2);
        // Input 0 keyed, input 1 regular: BATCH must still read the regular input first.
        List<String> seen = env.fromSequence(1, 2000).keyBy(v -> v % 10)
                .connect(env.fromSequence(1, 2000).rebalance())
                .process(new RecordInputOrder())
                .executeAndCollect(10_000);

        assertThat(seen).hasSize(4000);
        if (mode == RuntimeExecutionMode.BATCH) {
            for (int subtask = 0; subtask < 2; subtask++) {
                String prefix = subtask + ":";
                List<String> mine = seen.stream().filter(s -> s.startsWith(prefix)).toList();
                int lastRegular = mine.lastIndexOf(prefix + "regular");
                int firstKeyed = mine.indexOf(prefix + "keyed");
                assertThat(lastRegular).isLessThan(firstKeyed);
            }
        }

        List<String> broadcastFirst = env.fromSequence(1, 2000).rebalance()
                .connect(env.fromSequence(1, 50).broadcast())
                .process(new RecordInputOrder())
                .executeAndCollect(10_000);
        assertThat(broadcastFirst).hasSize(2000 + 2 * 50);
        if (mode == RuntimeExecutionMode.BATCH) {
            for (int subtask = 0; subtask < 2; subtask++) {
                String prefix = subtask + ":";
                List<String> mine = broadcastFirst.stream().filter(s -> s.startsWith(prefix)).toList();
                // Input 1 is the broadcast one here; RecordInputOrder names input 1 "regular".
                assertThat(mine.subList(0, 50)).containsOnly(prefix + "regular");
            }
        }
    }

    @Test
    void streamingWithFewerSlotsThanItsParallelismIsRejected() {
        Configuration conf = new Configuration();
        conf.setString("execution.slots", "2", "-D command-line option");
        StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment(conf);
        env.setParallelism(4);
        env.fromSequence(1, 10).map(x -> x).sinkTo(new FailureAndCancelITCase.DiscardingSink<>());

        assertThatThrownBy(() -> env.execute("too wide"))
                .isInstanceOf(IllegalConfigurationException.class)
                .hasMessageContaining("needs 4 slots")
                .hasMessageContaining("execution.slots=2 (set in -D command-line option)");
    }

    /** Also a reduce whose result maps to another key than its inputs: the combiner must ship the key along. */
    @Test
    void batchCompletesWithFewerSlotsThanItsParallelism() throws Exception {
        Configuration conf = new Configuration();
        conf.set(ExecutionOptions.RUNTIME_MODE, RuntimeExecutionMode.BATCH);
        conf.set(ExecutionOptions.SLOTS, 1);
        StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment(conf);
        env.setParallelism(4);
        List<Long> out = env.fromSequence(1, 1000).keyBy(x -> x % 3).reduce(Long::sum).executeAndCollect(10);

        long[] sums = new long[3];
        for (long i = 1; i <= 1000; i++) {
            sums[(int) (i % 3)] += i;
        }
        assertThat(new HashSet<>(out)).isEqualTo(Set.of(sums[0], sums[1], sums[2]));
    }

    // ------------------------------------------------------------------------------------------ functions

    static final class CountingGenerator implements WatermarkGenerator<Long> {
        @Override
        public void onEvent(Long event, long eventTimestamp, WatermarkOutput output) {
            GENERATOR_EVENTS.incrementAndGet();
        }

        @Override
        public void onPeriodicEmit(WatermarkOutput output) {
        }
    }

    static final class TimestampAndClock extends KeyedProcessFunction<Long, Long, Tuple2<Long, Long>> {
        @Override
        public void processElement(Long value, Context ctx, Collector<Tuple2<Long, Long>> out) {
            out.collect(Tuple2.of(value, ctx.timestamp()));
        }
    }

    static final class ProcessingClock extends KeyedProcessFunction<Long, Long, Long> {
        @Override
        public void processElement(Long value, Context ctx, Collector<Long> out) {
            out.collect(ctx.timerService().currentProcessingTime());
        }
    }

    /** Emits "subtask:keyed" for input 0 and "subtask:regular" for input 1, in the order it sees them. */
    static final class RecordInputOrder extends CoProcessFunction<Long, Long, String> {
        @Override
        public void processElement1(Long value, Context ctx, Collector<String> out) {
            out.collect(getRuntimeContext().getIndexOfThisSubtask() + ":keyed");
        }

        @Override
        public void processElement2(Long value, Context ctx, Collector<String> out) {
            out.collect(getRuntimeContext().getIndexOfThisSubtask() + ":regular");
        }
    }
}
