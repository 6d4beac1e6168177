package io.weir.bench.jmh;

import io.weir.api.eventtime.TimestampAssigner;
import io.weir.runtime.exchange.ChannelEvent;
import io.weir.runtime.exchange.ChannelSelector;
import io.weir.runtime.exchange.PipelinedChannel;
import io.weir.runtime.exchange.PipelinedPartitionWriter;
import io.weir.runtime.exchange.RecordBatch;
import io.weir.runtime.exchange.TaskInbox;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;

/**
 * Records per second through one pipelined channel between two threads: the benchmark thread emits through a
 * {@link PipelinedPartitionWriter}, a consumer thread takes batches from the {@link TaskInbox}, reads every
 * record and returns a credit per batch, as a task's input gate does. The credits ({@code capacity}) bound the
 * batches in flight, so a slow side shows up as waiting, as backpressure does in a job.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class ChannelHandoffBenchmark {
    static final int RECORDS = 1 << 20;

    /** Records per batch: Weir's default (execution.batch-size) and a small one to show the per-batch cost. */
    @Param({"1024", "64"})
    int batchSize;

    /** Batches in flight per channel: Weir's default (execution.channel-capacity). */
    @Param({"4"})
    int capacity;

    private TaskInbox inbox;
    private Semaphore credits;
    private final Semaphore ended = new Semaphore(0);
    /** Boxed once, so that the benchmark measures the hand-off and not Long.valueOf. */
    private final Long[] values = new Long[1024];
    private Thread consumer;
    private volatile boolean stopping;
    private volatile long consumed;

    @Setup(Level.Trial)
    public void startConsumer() {
        for (int i = 0; i < values.length; i++) {
            values[i] = (long) i * 7919;
        }
        inbox = new TaskInbox();
        credits = new Semaphore(capacity);
        consumer = new Thread(this::consume, "handoff-consumer");
        consumer.setDaemon(true);
        consumer.start();
    }

    @TearDown(Level.Trial)
    public void stopConsumer() throws InterruptedException {
        stopping = true;
        consumer.interrupt();
        consumer.join();
    }

    private void consume() {
        long sum = 0;
        try {
            while (!stopping) {
                Object item = inbox.poll(TimeUnit.MILLISECONDS.toNanos(100));
                if (item instanceof RecordBatch batch) {
                    for (int i = 0; i < batch.size(); i++) {
                        sum += (Long) batch.value(i);
                    }
                    credits.release();
                } else if (item instanceof ChannelEvent.EndOfChannel) {
                    consumed = sum;
                    ended.release();
                }
            }
        } catch (InterruptedException e) {
            // Stopping: the trial is over.
        }
    }

    @Benchmark
    @OperationsPerInvocation(RECORDS)
    public long handOff() throws Exception {
        PipelinedPartitionWriter writer = new PipelinedPartitionWriter(
                new PipelinedChannel[] {new PipelinedChannel(0, inbox, credits)}, ChannelSelector.single(), batchSize);
        for (int i = 0; i < RECORDS; i++) {
            writer.emit(values[i & 1023], TimestampAssigner.NO_TIMESTAMP);
        }
        writer.finish();
        ended.acquire();
        return consumed;
    }
}
