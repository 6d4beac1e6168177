package io.weir.runtime.task;

import io.weir.runtime.operators.SourceOperator;

import java.time.Duration;

/**
 * Drives a source task: pulls from the reader, runs mails between polls, and asks the watermark generators for
 * a watermark every {@code pipeline.auto-watermark-interval} (never, when it is zero).
 */
public final class SourceTaskInput implements TaskInput {
    private static final long IDLE_WAIT_NANOS = 1_000_000L;
    private final long watermarkIntervalNanos;

    public SourceTaskInput(Duration watermarkInterval) {
        if (watermarkInterval.isNegative()) {
            throw new IllegalArgumentException("The watermark interval must not be negative: " + watermarkInterval);
        }
        this.watermarkIntervalNanos = watermarkInterval.toNanos();
    }

    @Override
    public void process(OperatorChain chain, TaskControl control) throws Exception {
        SourceOperator<?, ?> source = (SourceOperator<?, ?>) chain.head();
        boolean periodic = watermarkIntervalNanos > 0;
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
            if (periodic && now - nextWatermarkNanos >= 0) {
                try {
                    source.emitPeriodicWatermark();
                } catch (OperatorException | TaskCancelledException e) {
                    throw e;
                } catch (RuntimeException e) {
                    throw chain.failureOfHead(e);
                }
                nextWatermarkNanos = now + watermarkIntervalNanos;
            }
        }
    }
}
