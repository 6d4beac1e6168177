package io.weir.runtime.differential;

import io.weir.api.common.RuntimeExecutionMode;
import io.weir.api.functions.Collector;
import io.weir.api.functions.KeyedProcessFunction;
import io.weir.api.functions.RichMapFunction;
import io.weir.api.tuple.Tuple2;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

import static io.weir.runtime.differential.DifferentialHarness.runInBothModes;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Failure recovery in both modes (DESIGN.md section 1): with a restart strategy BATCH restarts a failed task
 * alone and STREAMING the whole job, and both end with the final values of a run without failures; without
 * one, both fail naming the operator.
 */
@Timeout(120)
class FailureRecoveryITCase {

    /**
     * With a restart strategy, a task failing on its first attempt (the source's map, before the first shuffle,
     * and a keyed task in the middle stage) is retried: alone in BATCH, re-reading its inputs (and the source
     * re-reading its splits), the whole job in STREAMING. Final values are those of a run without failures.
     */
    @ParameterizedTest(name = "parallelism {0}")
    @ValueSource(ints = {1, 2, 4})
    void failedTasksAreRetriedAndTheFinalValuesMatch(int parallelism) {
        InputSpec input = InputSpec.uniform(507, 60_000, 5_000);
        Map<Integer, Tuple2<Integer, Long>> expected = new HashMap<>();
        input.forEach((k, v) -> expected.merge(k % 100, Tuple2.of(k % 100, (long) v),
                (a, b) -> Tuple2.of(a.f0, a.f1 + b.f1)));
        Settings settings = Settings.tinyMemory()
                .with("restart-strategy.type", "fixed-delay")
                .with("restart-strategy.fixed-delay.attempts", "3")
                .with("restart-strategy.fixed-delay.delay", "10 ms");
        FailOnFirstAttempt.INJECTED.clear();
        ModeOutputs<Tuple2<Integer, Long>> out = runInBothModes("failures on first attempts over " + input,
                parallelism, settings, env -> input.source(env)
                        .map(new FailOnFirstAttempt<>(1_000))
                        .keyBy(t -> t.f0)
                        .process(new Bucket())
                        .map(new FailOnFirstAttempt<>(500))
                        .keyBy(t -> t.f0)
                        .sum(1));
        out.assertFinalValuesEqual(expected, out.assertSameFinalValues(t -> t.f0));
        assertThat(FailOnFirstAttempt.INJECTED.get("differential BATCH"))
                .as(out.context() + ": BATCH failed each of the two first attempts once").hasValue(2);
        assertThat(FailOnFirstAttempt.INJECTED.get("differential STREAMING"))
                .as(out.context() + ": STREAMING failed (and restarted) at least once").isNotNull();
    }

    /** Without a restart strategy, a user function's exception fails the job in both modes, naming the operator. */
    @ParameterizedTest(name = "parallelism {0}")
    @ValueSource(ints = {1, 2, 4})
    void withoutARestartStrategyAFailureFailsTheJobInBothModes(int parallelism) {
        InputSpec input = InputSpec.uniform(508, 20_000, 1_000);
        DifferentialHarness.Job<Tuple2<Integer, Integer>> job = env -> input.source(env)
                .keyBy(t -> t.f0)
                .sum(1)
                .map(t -> {
                    if (t.f0 == 77) {
                        throw new IllegalStateException("no key 77 please");
                    }
                    return t;
                }).name("Picky Map");
        for (RuntimeExecutionMode mode : new RuntimeExecutionMode[]{RuntimeExecutionMode.STREAMING,
                RuntimeExecutionMode.BATCH}) {
            String context = "failing map over " + input + " in " + mode + " [parallelism " + parallelism + "]";
            assertThatThrownBy(() -> DifferentialHarness.run(mode, parallelism, Settings.defaults().forBatch(),
                    context, job))
                    .as(context)
                    .hasMessageContaining("Picky Map")
                    .hasMessageContaining("no key 77 please");
        }
    }

    // ------------------------------------------------------------------------------------------ functions

    /** (key mod 100, value) for every record. */
    private static final class Bucket
            extends KeyedProcessFunction<Integer, Tuple2<Integer, Integer>, Tuple2<Integer, Long>> {
        @Override
        public void processElement(Tuple2<Integer, Integer> value, Context ctx, Collector<Tuple2<Integer, Long>> out) {
            out.collect(Tuple2.of(value.f0 % 100, (long) value.f1));
        }
    }

    /**
     * Passes records through, except that subtask 0's first attempt throws at its {@code failAt}-th record.
     * Counts the failures it injected per job name (the harness names jobs after their mode).
     */
    static final class FailOnFirstAttempt<T> extends RichMapFunction<T, T> {
        static final Map<String, AtomicInteger> INJECTED = new ConcurrentHashMap<>();
        private final int failAt;
        private int seen;

        FailOnFirstAttempt(int failAt) {
            this.failAt = failAt;
        }

        @Override
        public T map(T value) {
            if (getRuntimeContext().getAttemptNumber() == 0 && getRuntimeContext().getIndexOfThisSubtask() == 0
                    && ++seen == failAt) {
                INJECTED.computeIfAbsent(getRuntimeContext().getJobName(), j -> new AtomicInteger()).incrementAndGet();
                throw new IllegalStateException("Injected failure at record " + failAt + " of the first attempt");
            }
            return value;
        }
    }
}
