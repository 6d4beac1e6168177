package io.weir.runtime.testing;

import io.weir.runtime.time.ProcessingTimeCallback;
import io.weir.runtime.time.ProcessingTimeService;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/** Processing time that moves only when a test says so; due callbacks then run at once, in time order. */
public final class ManualProcessingTimeService implements ProcessingTimeService {
    private long now;
    private final List<Entry> scheduled = new ArrayList<>();

    public ManualProcessingTimeService(long start) {
        this.now = start;
    }

    @Override
    public long currentProcessingTime() {
        return now;
    }

    @Override
    public Scheduled registerTimer(long time, ProcessingTimeCallback callback) {
        Entry e = new Entry(time, callback);
        scheduled.add(e);
        return () -> scheduled.remove(e);
    }

    /** Moves time to {@code time} and runs every callback due by then (including ones they register). */
    public void advanceTo(long time) throws Exception {
        if (time < now) {
            throw new IllegalArgumentException("Processing time cannot go back from " + now + " to " + time);
        }
        now = time;
        while (true) {
            Entry due = scheduled.stream().filter(e -> e.time <= time)
                    .min(Comparator.comparingLong(e -> e.time)).orElse(null);
            if (due == null) {
                return;
            }
            scheduled.remove(due);
            due.callback.onProcessingTime(due.time);
        }
    }

    public int numberOfScheduled() {
        return scheduled.size();
    }

    @Override
    public void shutdown() {
        scheduled.clear();
    }

    private record Entry(long time, ProcessingTimeCallback callback) {
    }
}
