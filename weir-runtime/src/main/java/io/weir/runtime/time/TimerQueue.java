package io.weir.runtime.time;

import java.util.Comparator;
import java.util.HashMap;
import java.util.Map;
import java.util.PriorityQueue;

/**
 * Timers of one time domain in time order, each at most once; timers due at the same time fire in the order they
 * were registered, so runs are repeatable. Deletion is lazy: a deleted timer leaves the map at once and its heap
 * entry is skipped when it reaches the top (the heap is rebuilt if skipped entries pile up), so deleting costs a
 * hash lookup rather than a linear search of the heap.
 */
final class TimerQueue<K, N> {
    private static final Comparator<Entry<?, ?>> ORDER =
            Comparator.<Entry<?, ?>>comparingLong(e -> e.timer.timestamp()).thenComparingLong(e -> e.sequence);
    private PriorityQueue<Entry<K, N>> heap = new PriorityQueue<>(ORDER);
    /** Each live timer with the sequence number of its heap entry; other entries for it are stale. */
    private final Map<InternalTimer<K, N>, Long> live = new HashMap<>();
    private long nextSequence;

    private record Entry<K, N>(InternalTimer<K, N> timer, long sequence) {
    }

    /** Returns false if the timer was already there. */
    boolean add(InternalTimer<K, N> timer) {
        long sequence = nextSequence;
        if (live.putIfAbsent(timer, sequence) != null) {
            return false;
        }
        nextSequence++;
        heap.add(new Entry<>(timer, sequence));
        return true;
    }

    void remove(InternalTimer<K, N> timer) {
        if (live.remove(timer) != null && heap.size() > 2 * live.size() + 64) {
            PriorityQueue<Entry<K, N>> rebuilt = new PriorityQueue<>(Math.max(1, live.size()), ORDER);
            for (Map.Entry<InternalTimer<K, N>, Long> e : live.entrySet()) {
                rebuilt.add(new Entry<>(e.getKey(), e.getValue()));
            }
            heap = rebuilt;
        }
    }

    /** The earliest timer, or null. */
    InternalTimer<K, N> peek() {
        Entry<K, N> head;
        while ((head = heap.peek()) != null && !isLive(head)) {
            heap.poll();
        }
        return head == null ? null : head.timer;
    }

    private boolean isLive(Entry<K, N> entry) {
        Long sequence = live.get(entry.timer);
        return sequence != null && sequence == entry.sequence;
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
        for (InternalTimer<K, N> t : live.keySet()) {
            max = Math.max(max, t.timestamp());
        }
        return max;
    }

    void clear() {
        live.clear();
        heap.clear();
    }
}
