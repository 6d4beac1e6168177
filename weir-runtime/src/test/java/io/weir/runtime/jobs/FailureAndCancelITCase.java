package io.weir.runtime.jobs;

import io.weir.api.common.JobClient;
import io.weir.api.common.JobExecutionException;
import io.weir.api.common.JobStatus;
import io.weir.api.config.Configuration;
import io.weir.api.config.ExecutionOptions;
import io.weir.api.connector.sink.Sink;
import io.weir.api.connector.sink.SinkWriter;
import io.weir.api.environment.StreamExecutionEnvironment;
import io.weir.api.eventtime.WatermarkStrategy;
import io.weir.api.functions.Collector;
import io.weir.api.functions.KeyedProcessFunction;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class FailureAndCancelITCase {

    @AfterEach
    void noTaskThreadOutlivesItsJob() throws InterruptedException {
        // The job's own coordinator thread completes the result as its very last action; give it that instant.
        for (Thread t : Thread.getAllStackTraces().keySet()) {
            if (t.getName().startsWith("weir-job ")) {
                t.join(1000);
            }
        }
        assertThat(Thread.getAllStackTraces().keySet())
                .filteredOn(t -> t.getName().startsWith("weir-task ") && t.isAlive())
                .isEmpty();
    }

    private static StreamExecutionEnvironment env(int parallelism) {
        StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment();
        env.setParallelism(parallelism);
        return env;
    }

    @Test
    void anExceptionInAMapFailsTheJobNamingTheOperatorAndSubtask() {
        StreamExecutionEnvironment env = env(2);
        env.fromSequence(1, 100_000)
                .map(x -> {
                    if (x == 77_777) {
                        throw new IllegalStateException("boom at " + x);
                    }
                    return x;
                }).name("Exploding Map")
                .rebalance()
                .map(x -> x * 2).name("After")
                .sinkTo(new DiscardingSink<>());

        assertThatThrownBy(() -> env.execute("failing job"))
                .isInstanceOf(JobExecutionException.class)
                .hasMessageContaining("Job 'failing job' failed")
                .hasMessageContaining("operator 'Exploding Map' (subtask ")
                .hasMessageContaining("boom at 77777")
                .hasRootCauseInstanceOf(IllegalStateException.class)
                .hasRootCauseMessage("boom at 77777");
    }

    @Test
    void anExceptionInAKeySelectorIsAttributedToTheOperatorBeforeTheExchange() {
        StreamExecutionEnvironment env = env(2);
        env.fromSequence(1, 1000).name("numbers")
                .keyBy(x -> {
                    if (x == 500) {
                        throw new IllegalArgumentException("bad key " + x);
                    }
                    return x % 10;
                })
                .reduce(Long::sum).name("Sum")
                .sinkTo(new DiscardingSink<>());

        assertThatThrownBy(() -> env.execute("bad key"))
                .hasMessageContaining("operator 'numbers'")
                .hasRootCauseMessage("bad key 500");
    }

    @Test
    void aFailingSourceFailsTheJob() {
        StreamExecutionEnvironment env = env(1);
        env.fromSource(new FailingSource(), WatermarkStrategy.noWatermarks(), "Broken Source")
                .sinkTo(new DiscardingSink<>());

        assertThatThrownBy(() -> env.execute("broken source"))
                .hasMessageContaining("operator 'Broken Source' (subtask 1/1)")
                .hasRootCauseMessage("cannot read");
    }

    @Test
    void aFailingSinkFailsTheJobAndIsClosedWithoutCommitting() {
        StreamExecutionEnvironment env = env(1);
        RecordingSink.reset();
        env.fromSequence(1, 10_000).sinkTo(new RecordingSink(5_000)).name("Fragile Sink");

        assertThatThrownBy(() -> env.execute("fragile"))
                .hasMessageContaining("operator 'Fragile Sink'")
                .hasRootCauseMessage("sink full");
        assertThat(RecordingSink.COMMITTED.get()).isZero();
        assertThat(RecordingSink.CLOSED.get()).isEqualTo(1);
    }

    @Test
    void aFailureInOneTaskCancelsAnUnboundedJob() {
        StreamExecutionEnvironment env = env(2);
        env.fromSource(new MeteredEndlessSource(), WatermarkStrategy.noWatermarks(), "endless")
                .keyBy(x -> x % 7)
                .process(new FailAfter(10_000)).name("Fails Eventually")
                .sinkTo(new DiscardingSink<>());

        assertThatThrownBy(() -> env.execute("unbounded failing"))
                .hasMessageContaining("operator 'Fails Eventually'")
                .hasRootCauseMessage("enough");
    }

    @Test
    void cancelStopsAnUnboundedJobWithinASecond() throws Exception {
        StreamExecutionEnvironment env = env(2);
        BlockingSink.reset(0);
        env.fromSource(new MeteredEndlessSource(), WatermarkStrategy.noWatermarks(), "endless")
                .rebalance()
                .map(x -> x + 1)
                .sinkTo(new BlockingSink());
        JobClient client = env.executeAsync("to cancel");
        assertThat(BlockingSink.ARRIVED.await(10, TimeUnit.SECONDS)).isTrue();

        long start = System.nanoTime();
        client.cancel().get(5, TimeUnit.SECONDS);
        Duration took = Duration.ofNanos(System.nanoTime() - start);

        assertThat(took).isLessThan(Duration.ofSeconds(1));
        assertThat(client.getJobStatus()).isEqualTo(JobStatus.CANCELED);
        assertThatThrownBy(() -> client.getJobExecutionResult().get())
                .isInstanceOf(ExecutionException.class)
                .hasMessageContaining("was cancelled");
    }

    @Test
    void aSlowSinkHoldsBackTheSourceInsteadOfBufferingWithoutBound() throws Exception {
        Configuration conf = new Configuration();
        conf.set(ExecutionOptions.BATCH_SIZE, 16);
        conf.set(ExecutionOptions.CHANNEL_CAPACITY, 2);
        StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment(conf);
        env.setParallelism(1);
        MeteredEndlessSource.EMITTED.set(0);
        BlockingSink.reset(0);
        env.fromSource(new MeteredEndlessSource(), WatermarkStrategy.noWatermarks(), "endless")
                .sinkTo(new BlockingSink()).disableChaining();
        JobClient client = env.executeAsync("backpressure");
        try {
            assertThat(BlockingSink.ARRIVED.await(10, TimeUnit.SECONDS)).isTrue();
            // The sink holds its first record. The source can fill the channel's credits (2 batches), one
            // batch being processed by the sink, one batch it is filling, and one poll of 16 records.
            long bound = (2 + 1 + 1) * 16 + 16;
            long stable = awaitStable(MeteredEndlessSource.EMITTED);
            assertThat(stable).isLessThanOrEqualTo(bound);
        } finally {
            client.cancel().get(5, TimeUnit.SECONDS);
        }
    }

    /** Waits until the counter stops moving for 200 ms (at most 10 s) and returns its value. */
    private static long awaitStable(java.util.concurrent.atomic.AtomicLong counter) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        long last = -1;
        int unchanged = 0;
        while (System.nanoTime() < deadline && unchanged < 20) {
            long now = counter.get();
            unchanged = now == last ? unchanged + 1 : 0;
            last = now;
            new CountDownLatch(1).await(10, TimeUnit.MILLISECONDS);
        }
        return last;
    }

    // ----------------------------------------------------------------------------------------- test functions

    static final class FailAfter extends KeyedProcessFunction<Long, Long, Long> {
        private final int limit;
        private int seen;

        FailAfter(int limit) {
            this.limit = limit;
        }

        @Override
        public void processElement(Long value, Context ctx, Collector<Long> out) {
            if (++seen == limit) {
                throw new IllegalStateException("enough");
            }
            out.collect(value);
        }
    }

    static final class DiscardingSink<T> implements Sink<T> {
        @Override
        public SinkWriter<T> createWriter(io.weir.api.connector.sink.WriterInitContext context) {
            return new SinkWriter<>() {
                @Override
                public void write(T element, Context ctx) {
                }

                @Override
                public void flush(boolean endOfInput) {
                }

                @Override
                public void close() {
                }
            };
        }
    }

    /** Fails after {@code failAt} records per subtask; counts commits (flush at end of input) and closes. */
    static final class RecordingSink implements Sink<Long> {
        static final java.util.concurrent.atomic.AtomicInteger COMMITTED = new java.util.concurrent.atomic.AtomicInteger();
        static final java.util.concurrent.atomic.AtomicInteger CLOSED = new java.util.concurrent.atomic.AtomicInteger();
        private final int failAt;

        RecordingSink(int failAt) {
            this.failAt = failAt;
        }

        static void reset() {
            COMMITTED.set(0);
            CLOSED.set(0);
        }

        @Override
        public SinkWriter<Long> createWriter(io.weir.api.connector.sink.WriterInitContext context) {
            return new SinkWriter<>() {
                private int written;

                @Override
                public void write(Long element, Context ctx) {
                    if (++written == failAt / 2 && context.getSubtaskId() == 0) {
                        throw new IllegalStateException("sink full");
                    }
                }

                @Override
                public void flush(boolean endOfInput) {
                    if (endOfInput) {
                        COMMITTED.incrementAndGet();
                    }
                }

                @Override
                public void close() {
                    CLOSED.incrementAndGet();
                }
            };
        }
    }

    /** Blocks on its first record until the job is cancelled. */
    static final class BlockingSink implements Sink<Long> {
        static volatile CountDownLatch ARRIVED = new CountDownLatch(1);
        static final Semaphore NEVER = new Semaphore(0);

        static void reset(int permits) {
            ARRIVED = new CountDownLatch(1);
            NEVER.drainPermits();
            NEVER.release(permits);
        }

        @Override
        public SinkWriter<Long> createWriter(io.weir.api.connector.sink.WriterInitContext context) {
            return new SinkWriter<>() {
                @Override
                public void write(Long element, Context ctx) throws InterruptedException {
                    ARRIVED.countDown();
                    NEVER.acquire();
                }

                @Override
                public void flush(boolean endOfInput) {
                }

                @Override
                public void close() {
                }
            };
        }
    }

    static final class FailingSource implements io.weir.api.connector.source.Source<Long, MeteredEndlessSource.Split> {
        @Override
        public io.weir.api.connector.source.Boundedness getBoundedness() {
            return io.weir.api.connector.source.Boundedness.BOUNDED;
        }

        @Override
        public io.weir.api.connector.source.SplitEnumerator<MeteredEndlessSource.Split> createEnumerator(int parallelism) {
            return new MeteredEndlessSource().createEnumerator(parallelism);
        }

        @Override
        public io.weir.api.connector.source.SourceReader<Long, MeteredEndlessSource.Split> createReader(
                io.weir.api.connector.source.SourceReaderContext context) {
            return new io.weir.api.connector.source.SourceReader<>() {
                @Override
                public void addSplit(MeteredEndlessSource.Split split) {
                }

                @Override
                public io.weir.api.connector.source.InputStatus pollNext(
                        io.weir.api.connector.source.ReaderOutput<Long> output) throws java.io.IOException {
                    throw new java.io.IOException("cannot read");
                }
            };
        }
    }
}
