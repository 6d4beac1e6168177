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
        timers.registerProcessingTimeTimer(window, time);
    }

    @Override
    public void registerEventTimeTimer(long time) {
        timers.registerEventTimeTimer(window, time);
    }

    @Override
    public void deleteProcessingTimeTimer(long time) {
        timers.deleteProcessingTimeTimer(window, time);
    }

    @Override
    public void deleteEventTimeTimer(long time) {
        timers.deleteEventTimeTimer(window, time);
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
