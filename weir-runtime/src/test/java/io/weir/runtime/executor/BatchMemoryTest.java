package io.weir.runtime.executor;

import io.weir.api.common.RuntimeExecutionMode;
import io.weir.api.config.Configuration;
import io.weir.api.config.ExecutionOptions;
import io.weir.api.config.IllegalConfigurationException;
import io.weir.api.dag.Pipeline;
import io.weir.api.datastream.DataStreamSink;
import io.weir.api.environment.StreamExecutionEnvironment;
import io.weir.runtime.graph.JobGraph;
import io.weir.runtime.translate.JobGraphTranslator;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The heap check of BATCH memory settings. The job: a source (one result partition per subtask) feeding a keyed
 * reduce (one sort per subtask), parallelism 2, so with 4 slots two sorts and two partitions may be held at once.
 */
class BatchMemoryTest {
    private static final long MB = 1L << 20;

    private static JobGraph keyedJob(Configuration conf) {
        conf.set(ExecutionOptions.RUNTIME_MODE, RuntimeExecutionMode.BATCH);
        StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment(conf);
        env.setParallelism(2);
        DataStreamSink<Long> sink = env.fromSequence(1, 100).keyBy(x -> x % 3).reduce((a, b) -> a + b).print();
        return JobGraphTranslator.translate(new Pipeline("keyed", List.of(sink.getTransformation()),
                env.getConfiguration()));
    }

    /** A keyed stream connected to an unkeyed one: BATCH groups the keyed input by key with a sort of its own. */
    private static JobGraph mixedConnectJob(Configuration conf) {
        conf.set(ExecutionOptions.RUNTIME_MODE, RuntimeExecutionMode.BATCH);
        StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment(conf);
        env.setParallelism(2);
        DataStreamSink<Long> sink = env.fromSequence(1, 100).keyBy(x -> x % 3)
                .connect(env.fromSequence(1, 10))
                .map(new Both())
                .print();
        return JobGraphTranslator.translate(new Pipeline("mixed", List.of(sink.getTransformation()),
                env.getConfiguration()));
    }

    private static final class Both implements io.weir.api.functions.CoMapFunction<Long, Long, Long> {
        private static final long serialVersionUID = 1L;

        @Override
        public Long map1(Long value) {
            return value;
        }

        @Override
        public Long map2(Long value) {
            return value;
        }
    }

    @Test
    void theSortOfAKeyedInputGroupedForAnUnkeyedOperatorCounts() {
        // The connect's two subtasks each sort (2 x 64 mb) besides the sources' partitions: more than half of
        // 160 mb, so the unset sort memory shrinks, as for a keyed operator.
        BatchMemory memory = BatchMemory.fit(mixedConnectJob(new Configuration()), 4, 160 * MB);

        assertThat(memory.sortBytes()).isLessThan(64 * MB);
    }

    @Test
    void defaultsAreKeptWhenTheyFitInHalfTheHeap() {
        BatchMemory memory = BatchMemory.fit(keyedJob(new Configuration()), 4, 1024 * MB);

        assertThat(memory).isEqualTo(new BatchMemory(64 * MB, 16 * MB));
    }

    @Test
    void settingsLeftUnsetShrinkUntilTheTasksAtOnceFitInHalfTheHeap() {
        // Defaults need 2 x 64 + 2 x 16 = 160 mb; half of a 128 mb heap is 64 mb.
        BatchMemory memory = BatchMemory.fit(keyedJob(new Configuration()), 4, 128 * MB);

        assertThat(2 * memory.sortBytes() + 2 * memory.partitionBytes()).isLessThanOrEqualTo(64 * MB);
        assertThat(memory.sortBytes()).isBetween(BatchMemory.MIN_DERIVED_SORT_BYTES, 64 * MB - 1);
        assertThat(memory.partitionBytes()).isBetween(BatchMemory.MIN_DERIVED_PARTITION_BYTES, 16 * MB - 1);
        assertThat(2 * memory.sortBytes() + 2 * memory.partitionBytes()).isGreaterThan(60 * MB);
    }

    @Test
    void anExplicitSettingIsKeptWhileTheUnsetOneShrinksAroundIt() {
        Configuration conf = new Configuration();
        conf.setString(ExecutionOptions.SORT_MEMORY.key(), "32 mb", "-D");

        // Half of 160 mb is 80 mb: 2 x 32 mb of sorts leave 16 mb for two partitions.
        BatchMemory memory = BatchMemory.fit(keyedJob(conf), 4, 160 * MB);

        assertThat(memory.sortBytes()).isEqualTo(32 * MB);
        assertThat(memory.partitionBytes()).isBetween(7 * MB, 8 * MB);
    }

    @Test
    void onlyTheTasksThatMayRunAtOnceCount() {
        // One slot: a single sort (64 mb) is the most one task holds; it fits in half of 160 mb.
        assertThat(BatchMemory.fit(keyedJob(new Configuration()), 1, 160 * MB))
                .isEqualTo(new BatchMemory(64 * MB, 16 * MB));
    }

    @Test
    void anExplicitSettingThatDoesNotFitIsAnErrorNamingSettingValueHeapAndTasksAtOnce() {
        Configuration conf = new Configuration();
        conf.setString(ExecutionOptions.SORT_MEMORY.key(), "200 mb", "config.yaml");

        assertThatThrownBy(() -> BatchMemory.fit(keyedJob(conf), 4, 256 * MB))
                .isInstanceOf(IllegalConfigurationException.class)
                .hasMessageContaining("BATCH job 'keyed' does not fit in the heap")
                .hasMessageContaining("4 tasks may run at once (execution.slots)")
                .hasMessageContaining("execution.sort.memory=200 mb (set in config.yaml)")
                .hasMessageContaining("execution.batch.partition-memory=")
                .hasMessageContaining("maximum heap of 256 mb")
                .hasMessageContaining("-Xmx");
    }

    @Test
    void aHeapTooSmallEvenForTheSmallestDerivedSettingsIsAnError() {
        assertThatThrownBy(() -> BatchMemory.fit(keyedJob(new Configuration()), 4, 8 * MB))
                .isInstanceOf(IllegalConfigurationException.class)
                .hasMessageContaining("execution.sort.memory=4 mb (derived from the heap)")
                .hasMessageContaining("maximum heap of 8 mb");
    }
}
