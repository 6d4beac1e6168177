package io.weir.runtime.time;

import java.util.Comparator;
import java.util.HashSet;
import java.util.PriorityQueue;
import java.util.Set;

/**
 * Timers of one time domain in time order, each at most once. Deletion is lazy: a deleted timer leaves the
 * set at once and its heap entry is skipped when it reaches the top (the heap is rebuilt if skipped entries
 * pile up), so deleting costs a hash lookup rather than a linear search of the heap.
 */
final class TimerQueue<K, N> {
    private static final Comparator<InternalTimer<?, ?>> BY_TIME = Comparator.comparingLong(InternalTimer::timestamp);
    private PriorityQueue<InternalTimer<K, N>> heap = new PriorityQueue<>(BY_TIME);
    private final Set<InternalTimer<K, N>> live = new HashSet<>();

    /** Returns false if the timer was already there. */
    boolean add(InternalTimer<K, N> timer) {
        if (!live.add(timer)) {
            return false;
        }
        heap.add(timer);
        return true;
    }

    void remove(InternalTimer<K, N> timer) {
        if (live.remove(timer) && heap.size() > 2 * live.size() + 64) {
            PriorityQueue<InternalTimer<K, N>> rebuilt = new PriorityQueue<>(Math.max(1, live.size()), BY_TIME);
            rebuilt.addAll(live);
            heap = rebuilt;
        }
    }

    /** The earliest timer, or null. */
    InternalTimer<K, N> peek() {
        InternalTimer<K, N> head;
        while ((head = heap.peek()) != null && !live.contains(head)) {
            heap.poll();
        }
        return head;
    }

    /** Removes and returns the earliest timer if it is due at {@code time} or earlier, else null. */
    InternalTimer<K, N> pollDue(long time) {
        InternalTimer<K, N> head = peek();
        if (head == null || head.timestamp() > time) {
            return null;
        }
        heap.poll();
        live.remove(head);
        return head;
    }

    boolean isEmpty() {
        return live.isEmpty();
    }

    int size() {
        return live.size();
    }

    /** The latest timer's time, or {@code Long.MIN_VALUE} when empty. */
    long latest() {
        long max = Long.MIN_VALUE;
        for (InternalTimer<K, N> t : live) {
            max = Math.max(max, t.timestamp());
        }
        return max;
    }

    void clear() {
        live.clear();
        heap.clear();
    }
}
