package io.weir.runtime.exchange;

import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * The one queue a task thread reads: record batches and events from all its input channels, and mails
 * (actions to run on the task thread, such as timers). One queue means a task never blocks on one input
 * while another has data. Its length is bounded by the channels' credits, not by the queue.
 */
public final class TaskInbox {
    private final LinkedBlockingQueue<Object> queue = new LinkedBlockingQueue<>();

    public void put(Object item) {
        queue.add(item);
    }

    /** The next item, waiting at most {@code nanos}; null if none arrived. */
    public Object poll(long nanos) throws InterruptedException {
        return queue.poll(nanos, TimeUnit.NANOSECONDS);
    }

    public Object pollNow() {
        return queue.poll();
    }

    public int size() {
        return queue.size();
    }
}
