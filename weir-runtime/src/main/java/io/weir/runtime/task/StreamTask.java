package io.weir.runtime.task;

import io.weir.api.accumulators.Accumulator;
import io.weir.api.config.Configuration;
import io.weir.api.config.ExecutionOptions;
import io.weir.api.config.PipelineOptions;
import io.weir.runtime.exchange.ChannelEvent;
import io.weir.runtime.exchange.InputGate;
import io.weir.runtime.exchange.PartitionWriter;
import io.weir.runtime.exchange.RecordBatch;
import io.weir.runtime.exchange.TaskInbox;
import io.weir.runtime.graph.ChainedOperator;
import io.weir.runtime.graph.JobEdge;
import io.weir.runtime.graph.JobVertex;
import io.weir.runtime.graph.SourceOperatorFactory;
import io.weir.runtime.operators.SharedSplitEnumerator;
import io.weir.runtime.operators.SourceOperator;
import io.weir.runtime.operators.StreamOperator;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * One subtask of a task: a thread running a single-threaded mailbox loop. It takes record batches, watermarks
 * and end-of-channel events from its inbox (or, for a source, pulls from the reader) and hands them to its
 * operator chain; mails (actions for this thread) arrive through the same inbox.
 *
 * <p>Threading: {@link #run()} and everything it calls run on the task thread, which owns the chain, the gate
 * and the writers. Other threads only call {@link #cancel()} and read {@link #state()}.
 */
public final class StreamTask implements Runnable {
    private static final long SOURCE_IDLE_WAIT_NANOS = 1_000_000L;

    private final JobVertex vertex;
    private final int subtask;
    private final int attempt;
    private final String jobName;
    private final int maxParallelism;
    private final Configuration configuration;
    private final TaskInbox inbox;
    private final InputGate gate;
    private final SharedSplitEnumerator<?> splits;
    private final Map<JobEdge, PartitionWriter> writers;
    private final PartitionWriter[] writerArray;
    private final TaskListener listener;
    private final long bufferTimeoutNanos;
    private final long watermarkIntervalNanos;
    private final Map<String, Accumulator<?, ?>> accumulators = new HashMap<>();
    private volatile TaskState state = TaskState.CREATED;
    private volatile boolean cancelRequested;
    private volatile Thread thread;
    private long nextFlushNanos;

    public StreamTask(JobVertex vertex, int subtask, int attempt, String jobName, int maxParallelism,
                      Configuration configuration, TaskInbox inbox, InputGate gate, SharedSplitEnumerator<?> splits,
                      Map<JobEdge, PartitionWriter> writers, TaskListener listener) {
        this.vertex = vertex;
        this.subtask = subtask;
        this.attempt = attempt;
        this.jobName = jobName;
        this.maxParallelism = maxParallelism;
        this.configuration = configuration;
        this.inbox = inbox;
        this.gate = gate;
        this.splits = splits;
        this.writers = writers;
        this.writerArray = writers.values().toArray(new PartitionWriter[0]);
        this.listener = listener;
        this.bufferTimeoutNanos = configuration.get(ExecutionOptions.BUFFER_TIMEOUT).toNanos();
        this.watermarkIntervalNanos = Math.max(1, configuration.get(PipelineOptions.AUTO_WATERMARK_INTERVAL).toNanos());
    }

    /** "Map -> Filter (1/2)". */
    public String name() {
        return vertex.name() + " (" + (subtask + 1) + "/" + vertex.parallelism() + ")";
    }

    public JobVertex vertex() {
        return vertex;
    }

    public int subtask() {
        return subtask;
    }

    public TaskState state() {
        return state;
    }

    /** Asks the task to stop: it leaves its loop at the next step or wait, closes its operators and reports. */
    public void cancel() {
        cancelRequested = true;
        Thread t = thread;
        if (t != null) {
            t.interrupt();
        }
    }

    @Override
    public void run() {
        thread = Thread.currentThread();
        if (cancelRequested) {
            state = TaskState.CANCELED;
            listener.taskCanceled(this);
            return;
        }
        state = TaskState.RUNNING;
        Throwable failure = null;
        OperatorChain chain = null;
        try {
            chain = OperatorChain.open(new OperatorChain.Setup(vertex, subtask, attempt, jobName, maxParallelism,
                    configuration, createOperators(), writers, accumulators));
            nextFlushNanos = System.nanoTime() + bufferTimeoutNanos;
            if (gate == null) {
                runSource(chain);
            } else {
                runInputs(chain);
            }
            chain.finish();
            for (PartitionWriter writer : writerArray) {
                writer.finish();
            }
        } catch (Throwable t) {
            failure = t;
        } finally {
            if (chain != null) {
                Throwable closeFailure = chain.close();
                if (failure == null) {
                    failure = closeFailure;
                } else if (closeFailure != null && !cancelRequested) {
                    failure.addSuppressed(closeFailure);
                }
            }
        }
        Thread.interrupted();
        if (cancelRequested) {
            state = TaskState.CANCELED;
            listener.taskCanceled(this);
        } else if (failure != null) {
            state = TaskState.FAILED;
            listener.taskFailed(this, failure);
        } else {
            state = TaskState.FINISHED;
            listener.taskFinished(this, accumulators);
        }
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private List<StreamOperator<?>> createOperators() {
        List<StreamOperator<?>> operators = new ArrayList<>();
        for (ChainedOperator spec : vertex.operators()) {
            if (spec.factory() instanceof SourceOperatorFactory<?, ?> sourceFactory) {
                operators.add(((SourceOperatorFactory) sourceFactory).createSourceOperator((SharedSplitEnumerator) splits));
            } else {
                operators.add(spec.factory().createOperator());
            }
        }
        return operators;
    }

    // ------------------------------------------------------------------------------------------- source loop

    private void runSource(OperatorChain chain) throws InterruptedException {
        SourceOperator<?, ?> source = (SourceOperator<?, ?>) chain.head();
        String sourceName = vertex.head().name();
        String subtaskLabel = (subtask + 1) + "/" + vertex.parallelism();
        long nextWatermarkNanos = System.nanoTime() + watermarkIntervalNanos;
        while (true) {
            checkCancelled();
            runMails();
            SourceOperator.Status status;
            try {
                status = source.emitNext();
            } catch (OperatorException | TaskCancelledException e) {
                throw e;
            } catch (InterruptedException e) {
                throw new TaskCancelledException(e);
            } catch (Exception e) {
                throw new OperatorException(sourceName, subtaskLabel, e);
            }
            if (status == SourceOperator.Status.END_OF_INPUT) {
                return;
            }
            long now = System.nanoTime();
            if (status == SourceOperator.Status.NOTHING_AVAILABLE) {
                flushIfDue(now);
                Object mail = inbox.poll(SOURCE_IDLE_WAIT_NANOS);
                if (mail != null) {
                    runMail(mail);
                }
                now = System.nanoTime();
            }
            flushIfDue(now);
            if (now >= nextWatermarkNanos) {
                source.emitPeriodicWatermark();
                nextWatermarkNanos = now + watermarkIntervalNanos;
            }
        }
    }

    // ------------------------------------------------------------------------------------------- input loop

    private void runInputs(OperatorChain chain) throws InterruptedException {
        while (!gate.allEnded()) {
            Object item;
            if (hasPendingOutput()) {
                item = inbox.poll(Math.max(0, nextFlushNanos - System.nanoTime()));
            } else {
                item = inbox.poll(Long.MAX_VALUE);
            }
            if (item != null) {
                dispatch(chain, item);
            }
            flushIfDue(System.nanoTime());
        }
    }

    private void dispatch(OperatorChain chain, Object item) {
        if (item instanceof RecordBatch batch) {
            GuardedInput<Object> input = chain.headInput(gate.inputOf(batch.channel()));
            int size = batch.size();
            for (int i = 0; i < size; i++) {
                input.processElement(batch.value(i), batch.timestamp(i));
            }
            gate.release(batch.channel());
        } else if (item instanceof ChannelEvent.WatermarkEvent w) {
            long advanced = gate.onWatermark(w.channel(), w.watermark());
            if (advanced != Long.MIN_VALUE) {
                chain.headInputWatermark(gate.inputOf(w.channel()), advanced);
            }
        } else if (item instanceof ChannelEvent.EndOfChannel end) {
            int input = gate.inputOf(end.channel());
            if (gate.onEnd(end.channel())) {
                chain.headInputWatermark(input, Long.MAX_VALUE);
                chain.endHeadInput(input);
            } else {
                long advanced = gate.watermarkAfterEnd(end.channel());
                if (advanced != Long.MIN_VALUE) {
                    chain.headInputWatermark(input, advanced);
                }
            }
        } else {
            runMail(item);
        }
    }

    // ------------------------------------------------------------------------------------------- helpers

    private void runMails() {
        Object mail;
        while ((mail = inbox.pollNow()) != null) {
            runMail(mail);
        }
    }

    private void runMail(Object mail) {
        if (mail instanceof Runnable r) {
            r.run();
        } else {
            throw new IllegalStateException("A source task received " + mail.getClass().getSimpleName());
        }
    }

    private boolean hasPendingOutput() {
        for (PartitionWriter writer : writerArray) {
            if (writer.hasPending()) {
                return true;
            }
        }
        return false;
    }

    /** Sends partly filled batches once the buffer timeout has passed (always, when the timeout is 0). */
    private void flushIfDue(long now) throws InterruptedException {
        if (now >= nextFlushNanos) {
            for (PartitionWriter writer : writerArray) {
                writer.flush();
            }
            nextFlushNanos = now + bufferTimeoutNanos;
        }
    }

    private void checkCancelled() {
        if (cancelRequested || Thread.currentThread().isInterrupted()) {
            throw new TaskCancelledException(new InterruptedException("cancelled"));
        }
    }

}
