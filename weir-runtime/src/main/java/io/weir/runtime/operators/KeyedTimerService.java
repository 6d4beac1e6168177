package io.weir.runtime.operators;

import io.weir.api.functions.TimerService;
import io.weir.runtime.time.InternalTimerService;
import io.weir.runtime.time.VoidNamespace;

/** The user's {@link TimerService} of a keyed process function: timers of the current key, with no namespace. */
final class KeyedTimerService implements TimerService {
    private final InternalTimerService<VoidNamespace> timers;

    KeyedTimerService(InternalTimerService<VoidNamespace> timers) {
        this.timers = timers;
    }

    @Override
    public long currentProcessingTime() {
        return timers.currentProcessingTime();
    }

    @Override
    public long currentWatermark() {
        return timers.currentWatermark();
    }

    @Override
    public void registerEventTimeTimer(long time) {
        timers.registerEventTimeTimer(VoidNamespace.INSTANCE, time);
    }

    @Override
    public void registerProcessingTimeTimer(long time) {
        timers.registerProcessingTimeTimer(VoidNamespace.INSTANCE, time);
    }

    @Override
    public void deleteEventTimeTimer(long time) {
        timers.deleteEventTimeTimer(VoidNamespace.INSTANCE, time);
    }

    @Override
    public void deleteProcessingTimeTimer(long time) {
        timers.deleteProcessingTimeTimer(VoidNamespace.INSTANCE, time);
    }
}
