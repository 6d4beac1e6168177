package io.weir.runtime.operators.window;

import io.weir.api.windowing.windows.Window;
import io.weir.api.state.State;
import io.weir.api.state.StateDescriptor;
import io.weir.api.windowing.triggers.Trigger;
import io.weir.runtime.time.InternalTimerService;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

/**
 * What a trigger sees: the window it is called for (set by the operator before each call), timers in that
 * window's namespace, and state scoped to the key and window.
 */
final class WindowTriggerContext<W extends Window> implements Trigger.OnMergeContext {
    private final InternalTimerService<W> timers;
    private final WindowScopedStates<W> states;
    private W window;
    /**
     * The last timer registered for {@link #window} in each domain, known to be pending: registering it again
     * (the trigger asking for the cleanup timer's time, as the default triggers do) skips the timer service.
     * Forgotten when the window changes and on any deletion.
     */
    private long lastEventTimer;
    private boolean hasLastEventTimer;
    private long lastProcessingTimer;
    private boolean hasLastProcessingTimer;
    /** While a timer of {@link #window} fires: it is no longer pending, so deleting it needs no lookup. */
    private long firingTime;
    private boolean firingEventTime;
    private boolean firing;
    /** While merging: the windows merged into {@link #window}. */
    private Collection<W> mergedWindows = List.of();

    WindowTriggerContext(InternalTimerService<W> timers, WindowScopedStates<W> states) {
        this.timers = timers;
        this.states = states;
    }

    /** The window the next trigger call is about; its partitioned state follows. */
    void setWindow(W window) {
        this.window = window;
        states.setWindow(window);
        hasLastEventTimer = false;
        hasLastProcessingTimer = false;
        firing = false;
    }

    /** The window's timer at {@code time} is firing (and was removed from the timer service). */
    void setFiring(boolean eventTime, long time) {
        firing = true;
        firingEventTime = eventTime;
        firingTime = time;
    }

    void setMergedWindows(Collection<W> mergedWindows) {
        this.mergedWindows = mergedWindows;
    }

    @Override
    public long getCurrentProcessingTime() {
        return timers.currentProcessingTime();
    }

    @Override
    public long getCurrentWatermark() {
        return timers.currentWatermark();
    }

    @Override
    public void registerProcessingTimeTimer(long time) {
        if (hasLastProcessingTimer && lastProcessingTimer == time) {
            return;
        }
        if (firing && !firingEventTime && firingTime == time) {
            firing = false; // registered again while firing: pending once more
        }
        timers.registerProcessingTimeTimer(window, time);
        lastProcessingTimer = time;
        hasLastProcessingTimer = true;
    }

    @Override
    public void registerEventTimeTimer(long time) {
        if (hasLastEventTimer && lastEventTimer == time) {
            return;
        }
        if (firing && firingEventTime && firingTime == time) {
            firing = false; // registered again while firing: pending once more
        }
        timers.registerEventTimeTimer(window, time);
        lastEventTimer = time;
        hasLastEventTimer = true;
    }

    @Override
    public void deleteProcessingTimeTimer(long time) {
        hasLastProcessingTimer = false;
        if (!(firing && !firingEventTime && firingTime == time)) {
            timers.deleteProcessingTimeTimer(window, time);
        }
    }

    @Override
    public void deleteEventTimeTimer(long time) {
        hasLastEventTimer = false;
        if (!(firing && firingEventTime && firingTime == time)) {
            timers.deleteEventTimeTimer(window, time);
        }
    }

    @Override
    public <S extends State> S getPartitionedState(StateDescriptor<S> stateDescriptor) {
        return states.get(stateDescriptor);
    }

    @Override
    public void mergePartitionedState(StateDescriptor<?> stateDescriptor) {
        List<W> sources = new ArrayList<>(mergedWindows);
        sources.remove(window);
        try {
            states.merge(stateDescriptor, window, sources);
        } catch (RuntimeException e) {
            throw e;
        } catch (Exception e) {
            throw new IllegalStateException("Merging trigger state " + stateDescriptor + " failed", e);
        }
    }
}
