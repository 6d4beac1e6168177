package io.weir.runtime.jobs;

import io.weir.api.common.CloseableIterator;
import io.weir.api.datastream.DataStream;
import io.weir.api.environment.StreamExecutionEnvironment;
import io.weir.api.eventtime.WatermarkStrategy;
import io.weir.api.tuple.Tuple2;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import static io.weir.runtime.jobs.TestJobs.collectAll;
import static io.weir.runtime.jobs.TestJobs.environment;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code executeAndCollect}: on a source that never ends, a limit returns the first records and stops the job,
 * as does closing the iterator ("stopped": every reader was closed before the call returned, i.e. the job's
 * tasks have ended); and each key's updates arrive in the order they were made.
 */
class ExecuteAndCollectITCase {

    @BeforeEach
    void resetSource() {
        EndlessSource.resetCounts();
    }

    @ParameterizedTest(name = "parallelism {0}")
    @ValueSource(ints = {1, 2, 4})
    void executeAndCollectWithALimitReturnsThatManyRecordsAndStopsTheJob(int parallelism) throws Exception {
        StreamExecutionEnvironment env = environment(parallelism);
        List<Long> out = endless(env).map(x -> x * 2).executeAndCollect(1_000);

        assertThat(out).hasSize(1_000);
        assertThat(new HashSet<>(out)).as("distinct records").hasSize(1_000);
        assertThat(out).allSatisfy(x -> assertThat(x % 2).isZero());
        assertJobStopped(parallelism);
    }

    @ParameterizedTest(name = "parallelism {0}")
    @ValueSource(ints = {1, 2, 4})
    void executeAndCollectWithALimitStopsAnUnboundedKeyedAggregation(int parallelism) throws Exception {
        StreamExecutionEnvironment env = environment(parallelism);
        List<Tuple2<Long, Long>> out = endless(env)
                .map(x -> Tuple2.of(x % 10, 1L))
                .keyBy(0)
                .sum(1)
                .executeAndCollect(5_000);

        assertThat(out).hasSize(5_000);
        assertCountsArriveInOrder(out);
        assertJobStopped(parallelism);
    }

    @ParameterizedTest(name = "parallelism {0}")
    @ValueSource(ints = {1, 2, 4})
    void closingTheCollectingIteratorEarlyStopsTheJob(int parallelism) throws Exception {
        StreamExecutionEnvironment env = environment(parallelism);
        List<Long> firstTen = new ArrayList<>();
        try (CloseableIterator<Long> it = endless(env).rebalance().filter(x -> x % 3 == 0).executeAndCollect()) {
            while (firstTen.size() < 10) {
                assertThat(it.hasNext()).isTrue();
                firstTen.add(it.next());
            }
        }

        assertThat(firstTen).allSatisfy(x -> assertThat(x % 3).isZero());
        assertJobStopped(parallelism);
    }

    @ParameterizedTest(name = "parallelism {0}")
    @ValueSource(ints = {1, 2, 4})
    void collectedUpdatesOfEachKeyArriveInOrderWhenTheOperatorHasItsOwnParallelism(int parallelism)
            throws Exception {
        StreamExecutionEnvironment env = environment(parallelism);
        int n = 100_000;
        List<Tuple2<Long, Long>> out = collectAll(env.fromSequence(1, n)
                .map(x -> Tuple2.of(x % 3, 1L))
                .keyBy(0)
                .sum(1).setParallelism(3));

        assertThat(out).hasSize(n);
        assertCountsArriveInOrder(out);
        Map<Long, Long> finalCounts = new TreeMap<>();
        PerKey.last(out, t -> t.f0).forEach((k, t) -> finalCounts.put(k, t.f1));
        assertThat(finalCounts).isEqualTo(Map.of(0L, (long) n / 3, 1L, (long) n / 3 + 1, 2L, (long) n / 3));
    }

    private static DataStream<Long> endless(StreamExecutionEnvironment env) {
        return env.fromSource(new EndlessSource(), WatermarkStrategy.noWatermarks(), "endless");
    }

    /** Each key's counts arrive as 1, 2, 3, ...: no update lost, duplicated or reordered. */
    private static void assertCountsArriveInOrder(List<Tuple2<Long, Long>> out) {
        PerKey.group(out, t -> t.f0).forEach((key, updates) -> {
            for (int i = 0; i < updates.size(); i++) {
                assertThat(updates.get(i).f1).as("update %s of key %s", i, key).isEqualTo(i + 1L);
            }
        });
    }

    /**
     * Every reader that was opened is closed by the time the call returned. (A subtask may be cancelled before
     * it opened its reader, when the others produced enough records first.)
     */
    private static void assertJobStopped(int parallelism) {
        assertThat(EndlessSource.readersOpened()).isBetween(1, parallelism);
        assertThat(EndlessSource.readersClosed()).as("readers closed when the call returned")
                .isEqualTo(EndlessSource.readersOpened());
    }
}
