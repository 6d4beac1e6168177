package io.weir.runtime.time;

import java.util.HashMap;
import java.util.PriorityQueue;

/**
 * Timers of one time domain in time order, each at most once; timers due at the same time fire in the order they
 * were registered, so runs are repeatable. Deletion is lazy: a deleted timer leaves the map at once and its heap
 * entry, marked deleted, is skipped when it reaches the top (the heap is rebuilt if skipped entries pile up), so
 * deleting costs a hash lookup rather than a linear search of the heap.
 *
 * <p>A heap entry holds its timer's time, so ordering the heap reads one object per comparison, and its deletion
 * mark, so the top of the heap is known live without a hash lookup: firing a timer costs one hash operation.
 */
final class TimerQueue<K, N> {
    private PriorityQueue<Entry<K, N>> heap = new PriorityQueue<>();
    /** Each live timer with its heap entry. */
    private final HashMap<InternalTimer<K, N>, Entry<K, N>> live = new HashMap<>();
    private long nextSequence;

    private static final class Entry<K, N> implements Comparable<Entry<K, N>> {
        final InternalTimer<K, N> timer;
        final long time;
        /** Registration order, for timers due at the same time. */
        final long sequence;
        boolean deleted;

        Entry(InternalTimer<K, N> timer, long sequence) {
            this.timer = timer;
            this.time = timer.timestamp();
            this.sequence = sequence;
        }

        @Override
        public int compareTo(Entry<K, N> other) {
            int byTime = Long.compare(time, other.time);
            return byTime != 0 ? byTime : Long.compare(sequence, other.sequence);
        }
    }

    /** Returns false if the timer was already there. */
    boolean add(InternalTimer<K, N> timer) {
        Entry<K, N> entry = new Entry<>(timer, nextSequence);
        if (live.putIfAbsent(timer, entry) != null) {
            return false;
        }
        nextSequence++;
        heap.add(entry);
        return true;
    }

    void remove(InternalTimer<K, N> timer) {
        Entry<K, N> entry = live.remove(timer);
        if (entry == null) {
            return;
        }
        entry.deleted = true;
        if (heap.size() > 2 * live.size() + 64) {
            PriorityQueue<Entry<K, N>> rebuilt = new PriorityQueue<>(Math.max(1, live.size()));
            rebuilt.addAll(live.values());
            heap = rebuilt;
        }
    }

    private Entry<K, N> head() {
        Entry<K, N> head;
        while ((head = heap.peek()) != null && head.deleted) {
            heap.poll();
        }
        return head;
    }

    /** The earliest timer, or null. */
    InternalTimer<K, N> peek() {
        Entry<K, N> head = head();
        return head == null ? null : head.timer;
    }

    /** Removes and returns the earliest timer if it is due at {@code time} or earlier, else null. */
    InternalTimer<K, N> pollDue(long time) {
        Entry<K, N> head = head();
        if (head == null || head.time > time) {
            return null;
        }
        heap.poll();
        live.remove(head.timer);
        return head.timer;
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
        for (Entry<K, N> e : live.values()) {
            max = Math.max(max, e.time);
        }
        return max;
    }

    void clear() {
        live.clear();
        heap.clear();
    }
}
