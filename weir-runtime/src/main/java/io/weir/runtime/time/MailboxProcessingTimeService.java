package io.weir.runtime.time;

import io.weir.runtime.exchange.TaskInbox;
import io.weir.runtime.graph.ProcessingClock;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * STREAMING processing time: the wall clock. One daemon thread for the whole JVM waits for due times and
 * then puts a mail into the task's inbox; the task thread runs the callback between records. So a timer
 * never runs concurrently with the operator that registered it.
 */
public final class MailboxProcessingTimeService implements ProcessingTimeService {
    private static final ScheduledExecutorService TIMER_THREAD = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "weir-processing-time");
        t.setDaemon(true);
        return t;
    });

    private final ProcessingClock clock;
    private final TaskInbox inbox;
    private final Set<Handle> pending = ConcurrentHashMap.newKeySet();
    private volatile boolean shutDown;

    public MailboxProcessingTimeService(ProcessingClock clock, TaskInbox inbox) {
        this.clock = clock;
        this.inbox = inbox;
    }

    @Override
    public long currentProcessingTime() {
        return clock.currentTimeMillis();
    }

    @Override
    public Scheduled registerTimer(long time, ProcessingTimeCallback callback) {
        Handle handle = new Handle(time, callback);
        if (shutDown) {
            return handle;
        }
        pending.add(handle);
        long delay = Math.max(0, time - clock.currentTimeMillis());
        handle.future = TIMER_THREAD.schedule(handle::due, delay, TimeUnit.MILLISECONDS);
        return handle;
    }

    @Override
    public void shutdown() {
        shutDown = true;
        for (Handle h : pending) {
            h.cancel();
        }
        pending.clear();
    }

    /** One registration: scheduled on the timer thread, then run as a mail on the task thread. */
    private final class Handle implements Scheduled, Runnable {
        private final long time;
        private final ProcessingTimeCallback callback;
        private final AtomicBoolean cancelled = new AtomicBoolean();
        private volatile ScheduledFuture<?> future;

        Handle(long time, ProcessingTimeCallback callback) {
            this.time = time;
            this.callback = callback;
        }

        /** On the timer thread: hand the callback to the task. */
        private void due() {
            if (!cancelled.get() && !shutDown) {
                inbox.put(this);
            }
        }

        /** On the task thread, as a mail. */
        @Override
        public void run() {
            pending.remove(this);
            if (cancelled.get() || shutDown) {
                return;
            }
            try {
                callback.onProcessingTime(time);
            } catch (RuntimeException e) {
                throw e;
            } catch (Exception e) {
                throw new TimerCallbackException(e);
            }
        }

        @Override
        public void cancel() {
            if (cancelled.compareAndSet(false, true)) {
                pending.remove(this);
                ScheduledFuture<?> f = future;
                if (f != null) {
                    f.cancel(false);
                }
            }
        }
    }
}
