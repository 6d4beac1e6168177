package io.weir.runtime.time;

import io.weir.runtime.graph.ProcessingClock;

/**
 * BATCH processing time: it does not advance during the job, so a callback registered for a later time never
 * comes due while the job runs. Keyed processing-time timers are not lost: {@link SortedInputTimerService}
 * keeps them itself and fires them at the end of each key.
 */
public final class FrozenProcessingTimeService implements ProcessingTimeService {
    private static final Scheduled NEVER = () -> {
    };
    private final ProcessingClock clock;

    public FrozenProcessingTimeService(ProcessingClock clock) {
        this.clock = clock;
    }

    @Override
    public long currentProcessingTime() {
        return clock.currentTimeMillis();
    }

    @Override
    public Scheduled registerTimer(long time, ProcessingTimeCallback callback) {
        return NEVER;
    }

    @Override
    public void shutdown() {
    }
}
