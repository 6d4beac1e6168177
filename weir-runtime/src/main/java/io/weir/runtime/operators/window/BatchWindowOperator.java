package io.weir.runtime.operators.window;

import io.weir.api.dag.Operation;
import io.weir.api.functions.Function;
import io.weir.api.functions.windowing.ProcessWindowFunction;
import io.weir.api.windowing.assigners.SlidingEventTimeWindows;
import io.weir.api.windowing.assigners.SlidingProcessingTimeWindows;
import io.weir.api.windowing.assigners.TumblingEventTimeWindows;
import io.weir.api.windowing.assigners.TumblingProcessingTimeWindows;
import io.weir.api.windowing.assigners.WindowAssigner;
import io.weir.api.windowing.triggers.EventTimeTrigger;
import io.weir.api.windowing.triggers.ProcessingTimeTrigger;
import io.weir.api.windowing.windows.TimeWindow;
import io.weir.runtime.operators.KeyBoundaryListener;
import io.weir.runtime.operators.OperatorContext;
import io.weir.runtime.operators.OperatorInput;
import io.weir.runtime.operators.StreamOperator;
import io.weir.runtime.operators.UserFunctions;
import io.weir.runtime.serialization.KeyedValue;
import io.weir.runtime.state.KeyedStateBackend;
import io.weir.runtime.time.ProcessingTimeService;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;

/**
 * BATCH's window operator for the windows whose result depends only on which records each window holds: the
 * built-in tumbling and sliding assigners with their default trigger and no evictor ({@link #canRun}). Its
 * input is sorted by key, so it needs no keyed state and no timers for the contents: the current key's windows
 * are a plain map, and at the end of the key ({@link KeyBoundaryListener}) they fire in the order of their end,
 * then are dropped. That is what {@link WindowOperator} does in BATCH with the same windows, where the default
 * trigger's timer of each window fires when the watermark jumps to its maximum at the end of the key; the work
 * of registering, ordering and deleting two timers per window is saved.
 *
 * <p>A {@link ProcessWindowFunction} sees the same as under {@link WindowOperator}: the watermark at its maximum,
 * the frozen processing time, per-window and per-key state; {@code clear} is called after each window's firing.
 * With allowed lateness and a process window function the general operator is kept, since there a window's
 * {@code clear} comes later, at its cleanup time.
 */
public final class BatchWindowOperator<IN, A> implements StreamOperator<Object>, OperatorInput<Object>,
        KeyBoundaryListener {
    private static final Comparator<TimeWindow> BY_END = Comparator.comparingLong(TimeWindow::maxTimestamp);
    private final WindowAssigner<IN, TimeWindow> assigner;
    private final Accumulation<IN, A> accumulation;
    private final Function preAggregation;
    private final ProcessWindowFunction<?, ?, ?, TimeWindow> windowFunction;
    /** The size of the windows of a combiner's partials, which form the input; 0 for records. */
    /** Whether the input comes from BATCH combiners, as partials and records they let pass. */
    private final boolean inputIsPartials;
    /** The current key's windows and their accumulators. */
    private final HashMap<TimeWindow, A> windows = new HashMap<>();
    /** The current key's windows in the order they were created; records usually come in time order. */
    private final List<TimeWindow> created = new ArrayList<>();
    private final ClockAssignerContext assignerContext =
            new ClockAssignerContext(() -> this.processingTime.currentProcessingTime());
    private ProcessingTimeService processingTime;
    private WindowResults<TimeWindow> results;

    /**
     * @param inputIsPartials the input comes from {@link WindowCombineOperator}s: pre-aggregates of records with
     *                        one timestamp, each added to the windows of that timestamp, and records they let pass
     */
    @SuppressWarnings("unchecked")
    public BatchWindowOperator(Operation.Window window, boolean inputIsPartials) {
        if (!canRun(window)) {
            throw new IllegalArgumentException("Window " + window.displayName() + " needs the general window operator");
        }
        if (inputIsPartials && !WindowCombineOperator.canCombine(window)) {
            throw new IllegalArgumentException("Window " + window.displayName() + " cannot read combined partials");
        }
        this.assigner = (WindowAssigner<IN, TimeWindow>) window.assigner();
        this.preAggregation = window.preAggregation();
        this.accumulation = (Accumulation<IN, A>) Accumulation.<IN>of(preAggregation);
        this.windowFunction = (ProcessWindowFunction<?, ?, ?, TimeWindow>) window.windowFunction();
        this.inputIsPartials = inputIsPartials;
    }

    /**
     * Whether {@code window} may run here: a built-in tumbling or sliding assigner (whose distinct windows end at
     * distinct times) with its own default trigger, no evictor, and no allowed lateness if a process window
     * function sees the firing.
     */
    public static boolean canRun(Operation.Window window) {
        WindowAssigner<?, ?> assigner = window.assigner();
        // The classes themselves: a subclass could assign windows otherwise.
        Class<?> type = assigner.getClass();
        boolean eventTime = type == TumblingEventTimeWindows.class || type == SlidingEventTimeWindows.class;
        boolean processingTime = type == TumblingProcessingTimeWindows.class
                || type == SlidingProcessingTimeWindows.class;
        boolean defaultTrigger = eventTime ? window.trigger() instanceof EventTimeTrigger
                : processingTime && window.trigger() instanceof ProcessingTimeTrigger;
        return defaultTrigger && window.evictor() == null
                && (window.windowFunction() == null || window.allowedLateness() == 0);
    }

    @Override
    public void open(OperatorContext<Object> context) throws Exception {
        KeyedStateBackend backend = context.keyedStateBackend();
        if (backend == null) {
            throw new IllegalStateException("Window operator '" + context.operatorName() + "' needs a keyed input");
        }
        processingTime = context.processingTimeService();
        results = new WindowResults<>(context.output(), windowFunction, backend, new EndOfKeyTime(),
                new KeyStateStore(context.runtimeContext()),
                new WindowScopedStates<>(backend, WindowStateNames.WINDOW_STATE));
        UserFunctions.openAll(context.runtimeContext(), preAggregation, windowFunction);
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
        for (TimeWindow window : assigner.assignWindows(value, timestamp, assignerContext)) {
            add(window, value);
        }
    }

    private void add(TimeWindow window, IN value) throws Exception {
        A accumulator = windows.get(window);
        if (accumulator == null) {
            windows.put(window, accumulation.create(value));
            created.add(window);
        } else {
            accumulation.add(accumulator, value);
        }
    }

    @Override
    public void endOfKey() throws Exception {
        // TimSort: linear when the windows were created in order, as they are for records in time order.
        created.sort(BY_END);
        try {
            for (TimeWindow window : created) {
                accumulation.emit(windows.get(window), window, results);
                results.clear(window);
            }
        } finally {
            windows.clear();
            created.clear();
        }
    }

    @Override
    public void close() throws Exception {
        UserFunctions.closeAll(preAggregation, windowFunction);
    }

    /** At the end of a key the watermark is at its maximum; processing time is frozen. */
    private final class EndOfKeyTime implements WindowResults.FiringTime {
        @Override
        public long currentProcessingTime() {
            return processingTime.currentProcessingTime();
        }

        @Override
        public long currentWatermark() {
            return Long.MAX_VALUE;
        }
    }
}
