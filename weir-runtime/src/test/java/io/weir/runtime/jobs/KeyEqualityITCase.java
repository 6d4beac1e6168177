package io.weir.runtime.jobs;

import io.weir.api.common.RuntimeExecutionMode;
import io.weir.api.config.Configuration;
import io.weir.api.config.ExecutionOptions;
import io.weir.api.connector.source.lib.NumberSequenceSource;
import io.weir.api.datastream.DataStream;
import io.weir.api.environment.StreamExecutionEnvironment;
import io.weir.api.eventtime.WatermarkStrategy;
import io.weir.api.functions.Collector;
import io.weir.api.functions.KeySelector;
import io.weir.api.functions.KeyedCoProcessFunction;
import io.weir.api.functions.ProcessJoinFunction;
import io.weir.api.tuple.Tuple2;
import io.weir.api.windowing.assigners.TumblingEventTimeWindows;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.Serializable;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

/**
 * Keys that the job's build cannot judge (the key selector's type says {@code Object}, or a tuple) are checked at
 * run time, on the first key of each class: a key without value equality, or a {@code null} key, fails the job in
 * both modes with the same message, naming the keyed operator, the key's type and what to do. Before, such keys
 * gave different results per mode (identity keys: every record its own key in STREAMING, grouped by contents in
 * BATCH) or a raw {@code NullPointerException} in BATCH. Covered: keyBy with a rolling aggregation (BATCH with and
 * without its combiner), keyBy(positions), windows, window joins, coGroups, connect and interval joins.
 */
@Timeout(120)
class KeyEqualityITCase {
    private static final String KEY_SELECTOR_OF = "The key selector of '";

    /** Inherits equals and hashCode from Object: two accounts with the same id are different keys. */
    static final class Account implements Serializable {
        final long id;

        Account(long id) {
            this.id = id;
        }
    }

    /** A job to build on a fresh environment of each mode. */
    @FunctionalInterface
    interface Job extends Function<StreamExecutionEnvironment, DataStream<?>> {
    }

    static Stream<Arguments> parallelismsAndCombining() {
        List<Arguments> args = new ArrayList<>();
        for (int p : new int[]{1, 2, 4}) {
            args.add(Arguments.of(p, true));
            args.add(Arguments.of(p, false));
        }
        return args.stream();
    }

    @ParameterizedTest(name = "parallelism {0}, BATCH combiner {1}")
    @MethodSource("parallelismsAndCombining")
    void anIdentityKeyFailsBothModesAlikeNamingTheOperatorAndType(int parallelism, boolean combine) {
        KeySelector<Long, Object> byAccount = n -> new Account(n % 7);
        String message = sameFailureInBothModes(parallelism, combine, env -> env.fromSequence(0, 999)
                .keyBy(byAccount).reduce((a, b) -> a + b).name("account totals"));
        assertThat(message)
                .startsWith(KEY_SELECTOR_OF + "account totals'")
                .contains(Account.class.getTypeName())
                .contains("inherits equals and hashCode from Object")
                .contains("Key by a value that defines equals and hashCode");
    }

    @ParameterizedTest(name = "parallelism {0}, BATCH combiner {1}")
    @MethodSource("parallelismsAndCombining")
    void aNullKeyFailsBothModesWithTheSameMessage(int parallelism, boolean combine) {
        String message = sameFailureInBothModes(parallelism, combine, env -> env.fromSequence(0, 999)
                .map(n -> Tuple2.of(n % 10 == 3 ? null : "k" + n % 10, 1))
                .keyBy(t -> t.f0).sum(1).name("word counts"));
        assertThat(message).isEqualTo(KEY_SELECTOR_OF + "word counts' returned null for a record; keys must not be "
                + "null. Filter such records out before keyBy, or map a missing key to a placeholder value");
    }

    @ParameterizedTest(name = "parallelism {0}")
    @ValueSource(ints = {1, 2})
    void aTupleKeyWithAnArrayFieldFailsBothModes(int parallelism) {
        String message = sameFailureInBothModes(parallelism, true, env -> env.fromSequence(0, 999)
                .keyBy(n -> Tuple2.of("k", new long[]{n % 3})).map(n -> n).name("by tuple"));
        assertThat(message).startsWith(KEY_SELECTOR_OF + "by tuple'")
                .contains("field f1 is a long[]").contains("arrays compare by identity")
                .contains("a List instead of an array");
    }

    @ParameterizedTest(name = "parallelism {0}")
    @ValueSource(ints = {1, 2})
    void keyByPositionOnAnArrayFieldFailsBothModes(int parallelism) {
        String message = sameFailureInBothModes(parallelism, true, env -> env.fromSequence(0, 999)
                .map(n -> Tuple2.of(new int[]{(int) (n % 3)}, 1))
                .keyBy(0).sum(1).name("by array field"));
        assertThat(message).startsWith(KEY_SELECTOR_OF + "by array field'").contains("int[]");
    }

    @ParameterizedTest(name = "parallelism {0}")
    @ValueSource(ints = {1, 2})
    void anIdentityKeyFailsAWindowInBothModes(int parallelism) {
        KeySelector<Long, Object> byAccount = n -> new Account(n % 7);
        String message = sameFailureInBothModes(parallelism, true, env -> timed(env)
                .keyBy(byAccount)
                .window(TumblingEventTimeWindows.of(Duration.ofMillis(100)))
                .reduce((a, b) -> a + b).name("windowed totals"));
        assertThat(message).startsWith(KEY_SELECTOR_OF + "windowed totals'").contains(Account.class.getTypeName());
    }

    @ParameterizedTest(name = "parallelism {0}")
    @ValueSource(ints = {1, 2})
    void anIdentityKeyFailsWindowJoinsAndCoGroupsInBothModes(int parallelism) {
        KeySelector<Long, Object> byAccount = n -> new Account(n % 7);
        String join = sameFailureInBothModes(parallelism, true, env -> timed(env).join(timed(env))
                .where(byAccount).equalTo(byAccount)
                .window(TumblingEventTimeWindows.of(Duration.ofMillis(100)))
                .apply((a, b) -> a + b).name("account join"));
        assertThat(join).startsWith(KEY_SELECTOR_OF + "account join'").contains(Account.class.getTypeName());
        String coGroup = sameFailureInBothModes(parallelism, true, env -> timed(env).coGroup(timed(env))
                .where(byAccount).equalTo(byAccount)
                .window(TumblingEventTimeWindows.of(Duration.ofMillis(100)))
                .apply((Iterable<Long> a, Iterable<Long> b, Collector<Long> out) -> out.collect(1L))
                .name("account coGroup"));
        assertThat(coGroup).startsWith(KEY_SELECTOR_OF + "account coGroup'").contains(Account.class.getTypeName());
    }

    @ParameterizedTest(name = "parallelism {0}")
    @ValueSource(ints = {1, 2})
    void anIdentityKeyFailsConnectedStreamsInBothModes(int parallelism) {
        KeySelector<Long, Object> byAccount = n -> new Account(n % 7);
        String message = sameFailureInBothModes(parallelism, true, env -> env.fromSequence(0, 999)
                .connect(env.fromSequence(0, 99))
                .keyBy(byAccount, n -> n % 7)
                .process(new Both()).name("connected accounts"));
        assertThat(message).startsWith(KEY_SELECTOR_OF + "connected accounts'").contains(Account.class.getTypeName());
    }

    @ParameterizedTest(name = "parallelism {0}")
    @ValueSource(ints = {1, 2})
    void anIdentityKeyFailsIntervalJoinsInBothModes(int parallelism) {
        KeySelector<Long, Object> byAccount = n -> new Account(n % 7);
        String message = sameFailureInBothModes(parallelism, true, env -> timed(env).keyBy(byAccount)
                .intervalJoin(timed(env).keyBy(byAccount))
                .between(Duration.ofMillis(-5), Duration.ofMillis(5))
                .process(new SumPairs()).name("account interval join"));
        assertThat(message).startsWith(KEY_SELECTOR_OF + "account interval join'")
                .contains(Account.class.getTypeName());
    }

    private static DataStream<Long> timed(StreamExecutionEnvironment env) {
        return env.fromSource(new NumberSequenceSource(0, 999),
                WatermarkStrategy.<Long>forMonotonousTimestamps().withTimestampAssigner((n, ts) -> n), "timed");
    }

    static final class Both extends KeyedCoProcessFunction<Object, Long, Long, Long> {
        @Override
        public void processElement1(Long value, Context ctx, Collector<Long> out) {
            out.collect(value);
        }

        @Override
        public void processElement2(Long value, Context ctx, Collector<Long> out) {
            out.collect(value);
        }
    }

    static final class SumPairs extends ProcessJoinFunction<Long, Long, Long> {
        @Override
        public void processElement(Long left, Long right, Context ctx, Collector<Long> out) {
            out.collect(left + right);
        }
    }

    /**
     * Runs {@code job} in STREAMING and in BATCH; both must fail with a key selector's message, the same in both.
     * Returns that message.
     */
    private static String sameFailureInBothModes(int parallelism, boolean batchCombine, Job job) {
        String streaming = keyFailure(RuntimeExecutionMode.STREAMING, parallelism, batchCombine, job);
        String batch = keyFailure(RuntimeExecutionMode.BATCH, parallelism, batchCombine, job);
        assertThat(batch).as("BATCH's message, against STREAMING's").isEqualTo(streaming);
        return streaming;
    }

    private static String keyFailure(RuntimeExecutionMode mode, int parallelism, boolean batchCombine, Job job) {
        Configuration conf = new Configuration();
        conf.set(ExecutionOptions.RUNTIME_MODE, mode);
        conf.setString("execution.batch.combine", Boolean.toString(batchCombine));
        StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment(conf);
        env.setParallelism(parallelism);
        try {
            TestJobs.collectAll(job.apply(env));
        } catch (Exception e) {
            for (Throwable t = e; t != null; t = t.getCause()) {
                if (t.getMessage() != null && t.getMessage().startsWith(KEY_SELECTOR_OF)) {
                    return t.getMessage();
                }
            }
            throw new AssertionError(mode + ": the job failed, but not with a key selector's message", e);
        }
        return fail(mode + ": the job succeeded, but its keys have no value equality or are null");
    }
}
