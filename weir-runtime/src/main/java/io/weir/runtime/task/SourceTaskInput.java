package io.weir.runtime.task;

import io.weir.runtime.operators.SourceOperator;

import java.time.Duration;

/** Drives a source task: pulls from the reader, runs mails between polls, emits periodic watermarks. */
public final class SourceTaskInput implements TaskInput {
    private static final long IDLE_WAIT_NANOS = 1_000_000L;
    private final long watermarkIntervalNanos;

    public SourceTaskInput(Duration watermarkInterval) {
        this.watermarkIntervalNanos = Math.max(1, watermarkInterval.toNanos());
    }

    @Override
    public void process(OperatorChain chain, TaskControl control) throws Exception {
        SourceOperator<?, ?> source = (SourceOperator<?, ?>) chain.head();
        long nextWatermarkNanos = System.nanoTime() + watermarkIntervalNanos;
        while (true) {
            control.checkCancelled();
            control.runMails();
            SourceOperator.Status status;
            try {
                status = source.emitNext();
            } catch (OperatorException | TaskCancelledException e) {
                throw e;
            } catch (InterruptedException e) {
                throw new TaskCancelledException(e);
            } catch (Exception e) {
                throw chain.failureOfHead(e);
            }
            if (status == SourceOperator.Status.END_OF_INPUT) {
                return;
            }
            long now = System.nanoTime();
            if (status == SourceOperator.Status.NOTHING_AVAILABLE) {
                control.flushIfDue(now);
                Object mail = control.pollInbox(IDLE_WAIT_NANOS);
                if (mail != null) {
                    control.runMail(mail);
                }
                now = System.nanoTime();
            }
            control.flushIfDue(now);
            if (now >= nextWatermarkNanos) {
                source.emitPeriodicWatermark();
                nextWatermarkNanos = now + watermarkIntervalNanos;
            }
        }
    }
}
