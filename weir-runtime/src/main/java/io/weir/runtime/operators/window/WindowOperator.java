package io.weir.runtime.operators.window;

import io.weir.api.accumulators.LongCounter;
import io.weir.api.common.OutputTag;
import io.weir.api.dag.Operation;
import io.weir.api.functions.Function;
import io.weir.api.functions.windowing.ProcessWindowFunction;
import io.weir.api.windowing.assigners.MergingWindowAssigner;
import io.weir.api.windowing.assigners.WindowAssigner;
import io.weir.api.windowing.evictors.Evictor;
import io.weir.api.windowing.triggers.Trigger;
import io.weir.api.windowing.triggers.TriggerResult;
import io.weir.api.windowing.windows.Window;
import io.weir.runtime.operators.OperatorContext;
import io.weir.runtime.operators.OperatorInput;
import io.weir.runtime.operators.OperatorRuntimeContext;
import io.weir.runtime.operators.Output;
import io.weir.runtime.operators.StreamOperator;
import io.weir.runtime.operators.UserFunctions;
import io.weir.runtime.serialization.KeyedValue;
import io.weir.runtime.state.KeyedStateBackend;
import io.weir.runtime.time.InternalTimer;
import io.weir.runtime.time.InternalTimerService;
import io.weir.runtime.time.Triggerable;

import java.util.Collection;
import java.util.List;

/**
 * Runs a window operation on a keyed stream. A record goes into the windows its assigner picks, unless a window
 * is already past its end plus the allowed lateness (then it is late: if it is late for every window it goes to
 * the late-data side output, or is dropped). Each window keeps its contents ({@link WindowContents}) and asks
 * the trigger, for every record and every timer the trigger set, whether to fire and whether to purge. At the
 * window's cleanup time ({@code maxTimestamp + allowedLateness} in event time, {@code maxTimestamp} in processing
 * time; never for a global window) its contents, trigger state and timers are removed.
 *
 * <p>Session windows merge through a {@link MergingWindowSet}: the merged windows' contents and trigger state move
 * to the result, their timers are deleted and the trigger registers what the result needs.
 *
 * <p>The same operator serves both modes: the mode's difference lies in the state backend and timer service the
 * task gives it. In BATCH the watermark is at its minimum while a key's records are processed (so nothing is late)
 * and every timer of the key fires at the key's end.
 */
public final class WindowOperator<K, IN, W extends Window>
        implements StreamOperator<Object>, OperatorInput<Object>, Triggerable<K, W> {
    private final WindowAssigner<IN, W> assigner;
    private final Trigger<IN, W> trigger;
    private final Evictor<IN, W> evictor;
    private final long allowedLateness;
    private final OutputTag<IN> lateDataTag;
    private final Function preAggregation;
    private final ProcessWindowFunction<?, ?, ?, W> windowFunction;
    private final boolean eventTime;
    /** Whether the input comes from BATCH combiners, as partials and records they let pass. */
    private final boolean inputIsPartials;
    private final ClockAssignerContext assignerContext =
            new ClockAssignerContext(() -> this.timers.currentProcessingTime());

    private String name;
    private OperatorRuntimeContext runtimeContext;
    private Output<Object> output;
    private InternalTimerService<W> timers;
    private WindowContents<IN, W> contents;
    private WindowResults<W> results;
    private WindowTriggerContext<W> triggerContext;
    /** Null unless the assigner merges windows. */
    private MergingWindowSet<W> mergingWindows;
    private MergingWindowSet.MergeFunction<W> onMerge;
    private LongCounter lateRecordsDropped;

    public WindowOperator(Operation.Window window) {
        this(window, false);
    }

    /**
     * @param inputIsPartials the input comes from {@link WindowCombineOperator}s: pre-aggregates of records with
     *                        one timestamp, each added to the windows of that timestamp
     */
    @SuppressWarnings("unchecked")
    public WindowOperator(Operation.Window window, boolean inputIsPartials) {
        this.assigner = (WindowAssigner<IN, W>) window.assigner();
        this.trigger = (Trigger<IN, W>) window.trigger();
        this.evictor = (Evictor<IN, W>) window.evictor();
        this.allowedLateness = window.allowedLateness();
        this.lateDataTag = (OutputTag<IN>) window.lateDataTag();
        this.preAggregation = window.preAggregation();
        this.windowFunction = (ProcessWindowFunction<?, ?, ?, W>) window.windowFunction();
        this.eventTime = assigner.isEventTime();
        this.inputIsPartials = inputIsPartials;
        if (inputIsPartials && !WindowCombineOperator.canCombine(window)) {
            throw new IllegalArgumentException("Window " + window.displayName() + " cannot read combined partials");
        }
    }

    @Override
    @SuppressWarnings({"unchecked", "rawtypes"})
    public void open(OperatorContext<Object> context) throws Exception {
        name = context.operatorName();
        KeyedStateBackend backend = context.keyedStateBackend();
        if (backend == null) {
            throw new IllegalStateException("Window operator '" + name + "' needs a keyed input");
        }
        runtimeContext = context.runtimeContext();
        output = context.output();
        timers = context.timerService(this);
        boolean merging = assigner instanceof MergingWindowAssigner<?, ?>;
        results = new WindowResults<>(output, windowFunction, backend, new TimerServiceTime(),
                new KeyStateStore(runtimeContext),
                merging ? null : new WindowScopedStates<>(backend, WindowStateNames.WINDOW_STATE));
        contents = contents(backend);
        triggerContext = new WindowTriggerContext<>(timers,
                new WindowScopedStates<>(backend, WindowStateNames.TRIGGER_STATE));
        if (merging) {
            mergingWindows = new MergingWindowSet<>(backend, (MergingWindowAssigner<?, W>) (MergingWindowAssigner) assigner);
            onMerge = this::merge;
        }
        UserFunctions.openAll(runtimeContext, preAggregation, windowFunction);
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private WindowContents<IN, W> contents(KeyedStateBackend backend) {
        if (evictor != null) {
            return new EvictingContents<>(backend, evictor, new TimerServiceTime(), preAggregation, results);
        }
        return new AccumulatingContents<>(backend, (Accumulation) Accumulation.<IN>of(preAggregation), results);
    }

    @Override
    public OperatorInput<?> input(int index) {
        return this;
    }

    @Override
    @SuppressWarnings("unchecked")
    public void processElement(Object record, long timestamp) throws Exception {
        // A combiner's partial stands for records that share its timestamp, so it goes where each of them would;
        // records the combiner let pass come as they are.
        IN value = (IN) (inputIsPartials && record instanceof KeyedValue partial ? partial.value() : record);
        addToWindows(value, timestamp, assigner.assignWindows(value, timestamp, assignerContext));
    }

    private void addToWindows(IN value, long timestamp, Collection<W> windows) throws Exception {
        boolean accepted = false;
        for (W window : windows) {
            if (mergingWindows == null) {
                if (isLate(window)) {
                    continue;
                }
                accepted = true;
                add(value, timestamp, window, window, false);
            } else {
                W actual = mergingWindows.addWindow(window, onMerge);
                if (isLate(actual)) {
                    mergingWindows.retire(actual);
                    continue;
                }
                accepted = true;
                // A merge result needs its own cleanup timer, whether or not its contents are new.
                add(value, timestamp, actual, mergingWindows.stateWindowOf(actual), true);
            }
        }
        if (!accepted && eventTime && plusLateness(timestamp) <= timers.currentWatermark()) {
            lateRecord(value, timestamp);
        }
    }

    /**
     * Adds a record to a window, registers the window's cleanup timer if its contents are new (a window keeps it
     * until cleaned up) or {@code registerCleanup} says so, and acts on the trigger.
     */
    private void add(IN value, long timestamp, W window, W stateWindow, boolean registerCleanup) throws Exception {
        boolean created = contents.add(stateWindow, value, timestamp);
        triggerContext.setWindow(window);
        if (created || registerCleanup) {
            registerCleanupTimer(window);
        }
        act(trigger.onElement(value, timestamp, window, triggerContext), window, stateWindow);
    }

    private void act(TriggerResult result, W window, W stateWindow) throws Exception {
        if (result.isFire()) {
            contents.emit(window, stateWindow);
        }
        if (result.isPurge()) {
            contents.clear(stateWindow);
        }
    }

    private void lateRecord(IN value, long timestamp) {
        if (lateDataTag != null) {
            output.emitSide(lateDataTag, value, timestamp);
            return;
        }
        if (lateRecordsDropped == null) {
            lateRecordsDropped = runtimeContext.getLongCounter(name + ".numLateRecordsDropped");
        }
        lateRecordsDropped.add(1L);
    }

    @Override
    public void onEventTime(InternalTimer<K, W> timer) throws Exception {
        onTimer(timer, true);
    }

    @Override
    public void onProcessingTime(InternalTimer<K, W> timer) throws Exception {
        onTimer(timer, false);
    }

    private void onTimer(InternalTimer<K, W> timer, boolean eventTimeTimer) throws Exception {
        W window = timer.namespace();
        W stateWindow = window;
        if (mergingWindows != null) {
            stateWindow = mergingWindows.stateWindowOf(window);
            if (stateWindow == null) {
                return; // a timer of a window that was merged away or cleaned up
            }
        }
        long time = timer.timestamp();
        triggerContext.setWindow(window);
        triggerContext.setFiring(eventTimeTimer, time);
        TriggerResult result = eventTimeTimer ? trigger.onEventTime(time, window, triggerContext)
                : trigger.onProcessingTime(time, window, triggerContext);
        if (eventTimeTimer != eventTime || time != cleanupTime(window)) {
            act(result, window, stateWindow);
        } else {
            // Cleanup time, usually also the default trigger's firing: the contents are read once.
            if (result.isFire()) {
                contents.emitAndClear(window, stateWindow);
            } else {
                contents.clear(stateWindow);
            }
            if (mergingWindows != null) {
                mergingWindows.retire(window);
            }
            results.clear(window);
            // The context still knows which timer is firing: the trigger deleting it costs nothing.
            trigger.clear(window, triggerContext);
        }
    }

    private void merge(W result, Collection<W> merged, W stateWindow, Collection<W> mergedStateWindows)
            throws Exception {
        if (isLate(result)) {
            throw new IllegalStateException("Window operator '" + name + "': merging windows " + merged + " gave "
                    + result + ", which already ended (watermark " + timers.currentWatermark() + ", allowed "
                    + "lateness " + allowedLateness + " ms): a merge result must not end earlier than the windows "
                    + "it merges (check the assigner's mergeWindows)");
        }
        triggerContext.setWindow(result);
        triggerContext.setMergedWindows(merged);
        try {
            trigger.onMerge(result, triggerContext);
        } finally {
            triggerContext.setMergedWindows(List.of());
        }
        for (W window : merged) {
            if (!window.equals(result)) {
                triggerContext.setWindow(window);
                trigger.clear(window, triggerContext);
                deleteCleanupTimer(window);
            }
        }
        contents.merge(stateWindow, mergedStateWindows);
    }

    // ------------------------------------------------------------------------------------------ time

    private boolean isLate(W window) {
        return eventTime && cleanupTime(window) <= timers.currentWatermark();
    }

    /** When the window's state goes; {@code Long.MAX_VALUE} (never) for a window without end. */
    private long cleanupTime(W window) {
        return eventTime ? plusLateness(window.maxTimestamp()) : window.maxTimestamp();
    }

    private long plusLateness(long time) {
        long sum = time + allowedLateness;
        return sum < time ? Long.MAX_VALUE : sum;
    }

    /** Registers through the trigger context, set to {@code window}: a trigger asking for the same timer costs nothing. */
    private void registerCleanupTimer(W window) {
        long time = cleanupTime(window);
        if (time == Long.MAX_VALUE) {
            return;
        }
        if (eventTime) {
            triggerContext.registerEventTimeTimer(time);
        } else {
            triggerContext.registerProcessingTimeTimer(time);
        }
    }

    private void deleteCleanupTimer(W window) {
        long time = cleanupTime(window);
        if (time == Long.MAX_VALUE) {
            return;
        }
        if (eventTime) {
            timers.deleteEventTimeTimer(window, time);
        } else {
            timers.deleteProcessingTimeTimer(window, time);
        }
    }

    @Override
    public void close() throws Exception {
        UserFunctions.closeAll(preAggregation, windowFunction);
    }

    /** Time as the window function and the evictor see it: the timer service's. */
    private final class TimerServiceTime implements WindowResults.FiringTime, Evictor.EvictorContext {
        @Override
        public long currentProcessingTime() {
            return timers.currentProcessingTime();
        }

        @Override
        public long currentWatermark() {
            return timers.currentWatermark();
        }

        @Override
        public long getCurrentProcessingTime() {
            return currentProcessingTime();
        }

        @Override
        public long getCurrentWatermark() {
            return currentWatermark();
        }
    }
}
