package io.weir.tests.jobs;

import io.weir.api.common.RuntimeExecutionMode;
import io.weir.api.environment.StreamExecutionEnvironment;
import io.weir.api.functions.OpenContext;
import io.weir.api.functions.RichMapFunction;

import java.util.concurrent.CountDownLatch;

/**
 * Starts a job with {@code executeAsync()} and returns from {@code main} without waiting for it. The job does
 * its work only once {@code main} is returning, and prints each number (1 to {@link #RECORDS}) on its own
 * line; with the second argument {@code fail} it fails at {@link #FAIL_AT} instead. Arguments: the runtime mode,
 * then {@code ok} or {@code fail}.
 */
public final class AsyncJob {
    public static final int RECORDS = 1_000;
    public static final long FAIL_AT = 500;
    private static final CountDownLatch MAIN_RETURNING = new CountDownLatch(1);

    private AsyncJob() {
    }

    public static void main(String[] args) throws Exception {
        StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment();
        env.setRuntimeMode(RuntimeExecutionMode.valueOf(args[0]));
        env.setParallelism(2);
        env.fromSequence(1, RECORDS)
                .map(new AfterMainReturns(args[1].equals("fail"))).name("late worker")
                .print();
        env.executeAsync("async job");
        MAIN_RETURNING.countDown();
    }

    /** Waits in {@code open} until main is returning; fails at {@link #FAIL_AT} when told to. */
    static final class AfterMainReturns extends RichMapFunction<Long, Long> {
        private final boolean fail;

        AfterMainReturns(boolean fail) {
            this.fail = fail;
        }

        @Override
        public void open(OpenContext context) throws InterruptedException {
            MAIN_RETURNING.await();
        }

        @Override
        public Long map(Long value) {
            if (fail && value == FAIL_AT) {
                throw new IllegalStateException("failed after main returned");
            }
            return value;
        }
    }
}
