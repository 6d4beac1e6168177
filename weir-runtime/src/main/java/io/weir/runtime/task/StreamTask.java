package io.weir.runtime.task;

import io.weir.api.accumulators.Accumulator;
import io.weir.api.config.Configuration;
import io.weir.api.config.ExecutionOptions;
import io.weir.runtime.exchange.PartitionWriter;
import io.weir.runtime.exchange.TaskInbox;
import io.weir.runtime.graph.ChainedOperator;
import io.weir.runtime.graph.JobEdge;
import io.weir.runtime.graph.JobVertex;
import io.weir.runtime.graph.ProcessingClock;
import io.weir.runtime.graph.SinkOperatorFactory;
import io.weir.runtime.graph.SourceOperatorFactory;
import io.weir.runtime.operators.SharedSplitEnumerator;
import io.weir.runtime.operators.StreamOperator;
import io.weir.runtime.sink.PreparedCommittables;
import io.weir.runtime.time.FrozenProcessingTimeService;
import io.weir.runtime.time.MailboxProcessingTimeService;
import io.weir.runtime.time.ProcessingTimeService;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * One attempt of one subtask: a thread running a single-threaded mailbox loop. Its {@link TaskInput} feeds
 * the operator chain (from a reader, pipelined channels or finished partitions); mails (actions for this
 * thread) arrive through the inbox; the chain's output goes to the partition writers.
 *
 * <p>Threading: {@link #run()} and everything it calls run on the task thread, which owns the chain, the input
 * and the writers. Other threads only call {@link #cancel()} and read {@link #state()}.
 */
public final class StreamTask implements Runnable, TaskControl {
    /** What identifies an attempt and what it runs with. */
    public record Spec(JobVertex vertex, int subtask, int attempt, String jobName, int maxParallelism,
                       Configuration configuration, ProcessingClock clock, PreparedCommittables committables) {
    }

    private final Spec spec;
    private final TaskInbox inbox;
    private final TaskInput input;
    private final SharedSplitEnumerator<?> splits;
    private final Map<JobEdge, PartitionWriter> writers;
    private final PartitionWriter[] writerArray;
    private final TaskListener listener;
    private final long bufferTimeoutNanos;
    private final Map<String, Accumulator<?, ?>> accumulators = new HashMap<>();
    private volatile TaskState state = TaskState.CREATED;
    private volatile boolean cancelRequested;
    private volatile Thread thread;
    private volatile boolean reported;
    private long nextFlushNanos;

    public StreamTask(Spec spec, TaskInbox inbox, TaskInput input, SharedSplitEnumerator<?> splits,
                      Map<JobEdge, PartitionWriter> writers, TaskListener listener) {
        this.spec = spec;
        this.inbox = inbox;
        this.input = input;
        this.splits = splits;
        this.writers = writers;
        this.writerArray = writers.values().toArray(new PartitionWriter[0]);
        this.listener = listener;
        this.bufferTimeoutNanos = spec.configuration().get(ExecutionOptions.BUFFER_TIMEOUT).toNanos();
    }

    /** "Map -> Filter (1/2)", with the attempt when it is a retry. */
    public String name() {
        return spec.vertex().name() + " (" + (spec.subtask() + 1) + "/" + spec.vertex().parallelism() + ")"
                + (spec.attempt() > 0 ? " attempt " + spec.attempt() : "");
    }

    public Spec spec() {
        return spec;
    }

    public JobVertex vertex() {
        return spec.vertex();
    }

    public int subtask() {
        return spec.subtask();
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

    /**
     * Runs the attempt and tells the listener exactly once how it ended, whatever is thrown (an {@link Error}
     * from a writer's abort or from closing the input included): a task that ends without a report would leave
     * its job waiting forever. Only a throw from the listener itself escapes, to the thread's uncaught exception
     * handler, which the coordinator installs for that case.
     */
    @Override
    public void run() {
        try {
            runAttempt();
        } catch (Throwable escaped) {
            if (reported) {
                throw escaped;
            }
            reported = true;
            if (cancelRequested) {
                state = TaskState.CANCELED;
                listener.taskCanceled(this);
            } else {
                state = TaskState.FAILED;
                listener.taskFailed(this, escaped);
            }
        }
    }

    private void runAttempt() {
        thread = Thread.currentThread();
        if (cancelRequested) {
            state = TaskState.CANCELED;
            reported = true;
            listener.taskCanceled(this);
            return;
        }
        state = TaskState.RUNNING;
        // The chain (and with it the operators' state) is reachable from runChain()'s frame only, so it is garbage
        // by the time the listener hears how the task ended: a task that ran out of heap reports, and its job builds
        // the error, without the state that exhausted the heap (allocating on a full heap there fails again).
        Throwable failure = runChain();
        Thread.interrupted();
        if (cancelRequested) {
            state = TaskState.CANCELED;
            reported = true;
            listener.taskCanceled(this);
        } else if (failure != null) {
            state = TaskState.FAILED;
            reported = true;
            listener.taskFailed(this, failure);
        } else {
            state = TaskState.FINISHED;
            reported = true;
            listener.taskFinished(this, accumulators);
        }
    }

    /** Opens, runs and closes the chain; returns how it failed, null if it finished. */
    private Throwable runChain() {
        Throwable failure = null;
        OperatorChain chain = null;
        ProcessingTimeService processingTime = spec.clock().advances()
                ? new MailboxProcessingTimeService(spec.clock(), inbox) : new FrozenProcessingTimeService(spec.clock());
        try {
            chain = OperatorChain.open(new OperatorChain.Setup(spec.vertex(), spec.subtask(), spec.attempt(),
                    spec.jobName(), spec.maxParallelism(), spec.configuration(), spec.clock(), processingTime,
                    createOperators(), writers, accumulators));
            nextFlushNanos = System.nanoTime() + bufferTimeoutNanos;
            input.process(chain, this);
            chain.finish();
            for (PartitionWriter writer : writerArray) {
                writer.finish();
            }
        } catch (Throwable t) {
            failure = t;
        } finally {
            // Each step on its own: a throw from one must not skip closing the operators or aborting the writers.
            failure = attempt(processingTime::shutdown, failure);
            failure = attempt(input::close, failure);
            if (chain != null) {
                Throwable closeFailure = chain.close();
                if (failure == null) {
                    failure = closeFailure;
                } else if (closeFailure != null && !cancelRequested) {
                    failure.addSuppressed(closeFailure);
                }
            }
            if (failure != null) {
                for (PartitionWriter writer : writerArray) {
                    writer.abort();
                }
            }
        }
        return failure;
    }

    /** Runs a clean-up step; returns the task's failure, with the step's own throw added (as suppressed, if any). */
    private static Throwable attempt(Runnable step, Throwable failure) {
        try {
            step.run();
            return failure;
        } catch (Throwable t) {
            if (failure == null) {
                return t;
            }
            failure.addSuppressed(t);
            return failure;
        }
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private List<StreamOperator<?>> createOperators() {
        List<StreamOperator<?>> operators = new ArrayList<>();
        for (ChainedOperator op : spec.vertex().operators()) {
            if (op.factory() instanceof SourceOperatorFactory<?, ?> sourceFactory) {
                operators.add(((SourceOperatorFactory) sourceFactory).createSourceOperator((SharedSplitEnumerator) splits));
            } else if (op.factory() instanceof SinkOperatorFactory<?> sinkFactory) {
                operators.add(sinkFactory.createSinkOperator(op.nodeId(), spec.committables()));
            } else {
                operators.add(op.factory().createOperator());
            }
        }
        return operators;
    }

    // ------------------------------------------------------------------------------------------- TaskControl

    @Override
    public void checkCancelled() {
        if (cancelRequested || Thread.currentThread().isInterrupted()) {
            throw new TaskCancelledException(new InterruptedException("cancelled"));
        }
    }

    @Override
    public void runMails() {
        Object mail;
        while ((mail = inbox.pollNow()) != null) {
            runMail(mail);
        }
    }

    @Override
    public Object pollInbox(long nanos) throws InterruptedException {
        return inbox.poll(nanos);
    }

    @Override
    public void runMail(Object mail) {
        if (mail instanceof Runnable r) {
            r.run();
        } else {
            throw new IllegalStateException("Task '" + name() + "' received " + mail.getClass().getSimpleName()
                    + " where it expected a mail");
        }
    }

    @Override
    public long nextFlushNanos() {
        for (PartitionWriter writer : writerArray) {
            if (writer.hasPending()) {
                return nextFlushNanos;
            }
        }
        return Long.MAX_VALUE;
    }

    /** Sends partly filled batches once the buffer timeout has passed (always, when the timeout is 0). */
    @Override
    public void flushIfDue(long now) throws InterruptedException {
        if (now >= nextFlushNanos) {
            for (PartitionWriter writer : writerArray) {
                writer.flush();
            }
            nextFlushNanos = now + bufferTimeoutNanos;
        }
    }
}
