package io.weir.runtime.jobs;

import io.weir.api.common.JobExecutionException;
import io.weir.api.common.RuntimeExecutionMode;
import io.weir.api.config.Configuration;
import io.weir.api.config.ExecutionOptions;
import io.weir.api.environment.StreamExecutionEnvironment;
import io.weir.api.functions.MapFunction;
import io.weir.runtime.jobs.CommittingTestSink.Batch;
import io.weir.runtime.jobs.CommittingTestSink.Behaviour;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.io.IOException;
import java.util.List;
import java.util.Random;
import java.util.stream.LongStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * A sink with a committer publishes only when the whole job succeeded: its writers' committables are committed
 * once, together, after every task finished; a job that fails commits nothing and its committer discards what was
 * prepared. The same in both modes.
 */
class SinkCommitITCase {
    private static final long SEED = 20261204L;

    private static StreamExecutionEnvironment env(RuntimeExecutionMode mode, boolean restarts) {
        Configuration conf = new Configuration();
        conf.set(ExecutionOptions.RUNTIME_MODE, mode);
        conf.setString("execution.slots", "4", "test");
        if (restarts) {
            conf.setString("restart-strategy.type", "fixed-delay", "test");
            conf.setString("restart-strategy.fixed-delay.delay", "0 ms", "test");
        }
        return StreamExecutionEnvironment.getExecutionEnvironment(conf);
    }

    private static Long[] randomNumbers(int n) {
        Random random = new Random(SEED);
        return LongStream.range(0, n).map(i -> random.nextInt(1_000_000)).boxed().toArray(Long[]::new);
    }

    @ParameterizedTest
    @EnumSource(value = RuntimeExecutionMode.class, names = {"STREAMING", "BATCH"})
    void commitsEverySubtasksOutputOnceInOneCallAfterTheJobSucceeded(RuntimeExecutionMode mode) throws Exception {
        String name = "succeeds-" + mode;
        Long[] input = randomNumbers(5_000);
        StreamExecutionEnvironment env = env(mode, false);
        env.fromElements(input).rebalance().map(x -> x).setParallelism(3)
                .sinkTo(CommittingTestSink.named(name, Behaviour.WORKS)).setParallelism(3).name("committing");

        env.execute("commit " + mode);

        CommittingTestSink.Log log = CommittingTestSink.log(name);
        assertThat(log.commitCalls).hasSize(1);
        assertThat(log.commitCalls.get(0)).extracting(Batch::subtask).containsExactlyInAnyOrder(0, 1, 2);
        assertThat(TestJobs.multiset(log.committedRecords())).isEqualTo(TestJobs.multiset(List.of(input)));
        assertThat(log.discarded).isEmpty();
        assertThat(log.committerClosed).isTrue();
        assertThat(log.jobIds).hasSize(3).containsOnly(log.jobIds.get(0)).allMatch(id -> id.matches("[0-9a-f]{32}"));
    }

    @ParameterizedTest
    @EnumSource(value = RuntimeExecutionMode.class, names = {"STREAMING", "BATCH"})
    void commitsNothingWhenASinkSubtaskFailsAfterAnotherPrepared(RuntimeExecutionMode mode) {
        String name = "sink-subtask-fails-" + mode;
        StreamExecutionEnvironment env = env(mode, false);
        env.fromElements(randomNumbers(1_000)).rebalance().map(x -> x).setParallelism(2)
                .sinkTo(CommittingTestSink.named(name, Behaviour.LAST_SUBTASK_FAILS_AFTER_FIRST_PREPARED))
                .setParallelism(2).name("committing");

        assertThatThrownBy(() -> env.execute("failing sink " + mode))
                .isInstanceOf(JobExecutionException.class)
                .hasMessageContaining("sink subtask 1 fails after subtask 0 prepared");

        CommittingTestSink.Log log = CommittingTestSink.log(name);
        assertThat(log.prepared).extracting(Batch::subtask).containsExactly(0);
        assertThat(log.commitCalls).isEmpty();
        assertThat(log.discarded).containsExactlyElementsOf(log.prepared);
        assertThat(log.committerClosed).isTrue();
    }

    @ParameterizedTest
    @EnumSource(value = RuntimeExecutionMode.class, names = {"STREAMING", "BATCH"})
    void commitsNothingWhenAnotherTaskFailsAfterEverySinkSubtaskPrepared(RuntimeExecutionMode mode) {
        String name = "other-task-fails-" + mode;
        StreamExecutionEnvironment env = env(mode, false);
        env.fromElements(randomNumbers(1_000)).rebalance().map(x -> x).setParallelism(1)
                .sinkTo(CommittingTestSink.named(name, Behaviour.WORKS)).setParallelism(1).name("committing");
        env.fromElements(1L, 2L, 3L).map(new FailsOnceTheSinkPrepared(name)).setParallelism(1).name("late failure")
                .sinkTo(new io.weir.api.connector.sink.lib.PrintSink<>()).setParallelism(1);

        assertThatThrownBy(() -> env.execute("failing elsewhere " + mode))
                .isInstanceOf(JobExecutionException.class)
                .hasMessageContaining("late failure")
                .hasMessageContaining("fails after the sink prepared its commit");

        CommittingTestSink.Log log = CommittingTestSink.log(name);
        assertThat(log.prepared).hasSize(1);
        assertThat(log.commitCalls).isEmpty();
        assertThat(log.discarded).containsExactlyElementsOf(log.prepared);
    }

    @ParameterizedTest
    @EnumSource(value = RuntimeExecutionMode.class, names = {"STREAMING", "BATCH"})
    void aRestartCommitsOnlyWhatTheSuccessfulAttemptsPrepared(RuntimeExecutionMode mode) throws Exception {
        String name = "retried-" + mode;
        Long[] input = randomNumbers(3_000);
        StreamExecutionEnvironment env = env(mode, true);
        env.fromElements(input).rebalance().map(x -> x).setParallelism(2)
                .sinkTo(CommittingTestSink.named(name, Behaviour.FIRST_ATTEMPT_OF_SUBTASK_0_FAILS_AFTER_PREPARING))
                .setParallelism(2).name("committing");

        env.execute("retried " + mode);

        CommittingTestSink.Log log = CommittingTestSink.log(name);
        assertThat(log.commitCalls).hasSize(1);
        assertThat(log.committed).extracting(Batch::subtask).containsExactlyInAnyOrder(0, 1);
        assertThat(log.committed).filteredOn(b -> b.subtask() == 0).extracting(Batch::attempt).containsExactly(1);
        assertThat(TestJobs.multiset(log.committedRecords())).isEqualTo(TestJobs.multiset(List.of(input)));
        assertThat(log.discarded).isNotEmpty().allMatch(b -> b.attempt() == 0);
    }

    @ParameterizedTest
    @EnumSource(value = RuntimeExecutionMode.class, names = {"STREAMING", "BATCH"})
    void aCommitterThatAsksToRetryGetsTheCommittablesAgain(RuntimeExecutionMode mode) throws Exception {
        String name = "retry-later-" + mode;
        StreamExecutionEnvironment env = env(mode, false);
        env.fromElements(randomNumbers(100)).sinkTo(CommittingTestSink.named(name, Behaviour.COMMITTER_RETRIES_ONCE))
                .setParallelism(2);

        env.execute("retry later " + mode);

        CommittingTestSink.Log log = CommittingTestSink.log(name);
        assertThat(log.commitCalls).hasSize(2);
        assertThat(log.committed).extracting(Batch::subtask).containsExactlyInAnyOrder(0, 1);
    }

    @ParameterizedTest
    @EnumSource(value = RuntimeExecutionMode.class, names = {"STREAMING", "BATCH"})
    void aFailedCommitFailsTheJobNamingTheSink(RuntimeExecutionMode mode) {
        String name = "commit-fails-" + mode;
        StreamExecutionEnvironment env = env(mode, false);
        env.fromElements(randomNumbers(10)).sinkTo(CommittingTestSink.named(name, Behaviour.COMMITTER_FAILS))
                .setParallelism(1).name("refused");

        assertThatThrownBy(() -> env.execute("commit fails " + mode))
                .isInstanceOf(JobExecutionException.class)
                .hasMessageContaining("failed while committing sink 'refused'")
                .hasMessageContaining("the store refused");
        assertThat(CommittingTestSink.log(name).committerClosed).isTrue();
    }

    @ParameterizedTest
    @EnumSource(value = RuntimeExecutionMode.class, names = {"STREAMING", "BATCH"})
    void anErrorThrownWhileCommittingFailsTheJobAndClosesTheCommitter(RuntimeExecutionMode mode) {
        String name = "commit-error-" + mode;
        StreamExecutionEnvironment env = env(mode, false);
        env.fromElements(randomNumbers(10)).sinkTo(CommittingTestSink.named(name, Behaviour.COMMITTER_THROWS_AN_ERROR))
                .setParallelism(1).name("broken store");

        assertThatThrownBy(() -> env.execute("commit error " + mode))
                .hasStackTraceContaining("com/example/StoreClient");
        assertThat(CommittingTestSink.log(name).committed).as("nothing committed").isEmpty();
        assertThat(CommittingTestSink.log(name).committerClosed).isTrue();
    }

    @ParameterizedTest
    @EnumSource(value = RuntimeExecutionMode.class, names = {"STREAMING", "BATCH"})
    void aCommitterThatCannotBeCreatedStopsTheJobBeforeAnyWriter(RuntimeExecutionMode mode) {
        String name = "no-committer-" + mode;
        StreamExecutionEnvironment env = env(mode, false);
        env.fromElements(randomNumbers(10)).sinkTo(CommittingTestSink.named(name, Behaviour.COMMITTER_CANNOT_BE_CREATED))
                .name("unborn");

        assertThatThrownBy(() -> env.execute("no committer " + mode))
                .isInstanceOf(JobExecutionException.class)
                .hasMessageContaining("could not start: sink 'unborn' could not create its committer")
                .hasMessageContaining("no room for a committer");
        assertThat(CommittingTestSink.log(name).jobIds).as("no writer was created").isEmpty();
    }

    /** Fails its first record once the committing sink's subtask 0 prepared its commit. */
    static final class FailsOnceTheSinkPrepared implements MapFunction<Long, Long> {
        private final String sink;

        FailsOnceTheSinkPrepared(String sink) {
            this.sink = sink;
        }

        @Override
        public Long map(Long value) throws Exception {
            CommittingTestSink.log(sink).firstSubtaskPrepared.await();
            throw new IOException("fails after the sink prepared its commit");
        }
    }
}
