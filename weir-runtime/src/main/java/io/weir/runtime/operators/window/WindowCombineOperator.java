package io.weir.runtime.operators.window;

import io.weir.api.dag.Operation;
import io.weir.api.functions.KeySelector;
import io.weir.api.functions.ReduceFunction;
import io.weir.api.functions.aggregation.FieldAggregator;
import io.weir.api.tuple.Tuple2;
import io.weir.api.windowing.assigners.SlidingEventTimeWindows;
import io.weir.api.windowing.assigners.TumblingEventTimeWindows;
import io.weir.api.windowing.assigners.WindowAssigner;
import io.weir.api.windowing.triggers.EventTimeTrigger;
import io.weir.api.windowing.windows.TimeWindow;
import io.weir.runtime.operators.AdaptiveCombining;
import io.weir.runtime.operators.OperatorContext;
import io.weir.runtime.operators.OperatorInput;
import io.weir.runtime.operators.Output;
import io.weir.runtime.operators.StreamOperator;
import io.weir.runtime.operators.UserFunctions;
import io.weir.runtime.time.ProcessingTimeService;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Pre-aggregates a reducing event-time window on the producer side of a BATCH shuffle: each key's records are
 * reduced per window, so at most one record per key and window crosses the exchange per producer subtask and
 * flush. Valid only where a window's result is the reduction of all of its records, whenever they arrive: in
 * BATCH (no late records) with the default event-time trigger, which fires each window once, at the end of its
 * key ({@link #canCombine}). Holds at most {@code maxEntries} key-window pairs, then sends its partials on. Where
 * keys rarely repeat within a window, combining costs more than it saves: {@link AdaptiveCombining} then lets
 * records pass uncombined, each as its own partial. It starts by probing: a window's entry is a map per key and
 * an accumulator per window, and where key-window pairs do not repeat (a key seen once per window), a full fill
 * held until its flush outlives young collections and makes the heap grow.
 *
 * <p>A partial is a {@code Tuple2(key, pre-aggregate)} whose timestamp is its window's max timestamp: windows of
 * these assigners have a fixed size, so the timestamp names the window. The key travels with the partial (a
 * reduce function need not preserve it), and a tuple serializes compactly in sort buffers, where a class of ours
 * would be written with its name every time.
 */
public final class WindowCombineOperator<T, K> implements StreamOperator<Tuple2<Object, Object>>, OperatorInput<T> {
    /** Keys partials by the key they carry. */
    public static final KeySelector<Tuple2<Object, Object>, Object> PARTIAL_KEY = new PartialKey();
    private final WindowAssigner<T, TimeWindow> assigner;
    private final ReduceFunction<T> reducer;
    /** Set for sum/min/max/...: a numeric sum then adds into a primitive. */
    private final FieldAggregator<T> fieldAggregator;
    private final KeySelector<T, K> keySelector;
    private final int maxEntries;
    /** Per key (in first-seen order, so a key's partials keep the order of its records), per window. */
    private final Map<K, HashMap<TimeWindow, Object>> partials = new LinkedHashMap<>();
    private int entries;
    /** Records (times their windows) folded into the partials since the last flush. */
    private long added;
    private final AdaptiveCombining adaptive;
    private Output<Tuple2<Object, Object>> output;
    private WindowAssigner.WindowAssignerContext assignerContext;

    @SuppressWarnings("unchecked")
    public WindowCombineOperator(Operation.Window window, KeySelector<T, K> keySelector, int maxEntries) {
        if (!canCombine(window)) {
            throw new IllegalArgumentException("Window " + window.displayName() + " cannot be combined");
        }
        if (maxEntries < 1) {
            throw new IllegalArgumentException("execution.batch.combine.max-keys must be positive, was " + maxEntries);
        }
        this.assigner = (WindowAssigner<T, TimeWindow>) window.assigner();
        this.reducer = (ReduceFunction<T>) window.preAggregation();
        this.fieldAggregator = reducer instanceof FieldAggregator<T> fields ? fields : null;
        this.keySelector = keySelector;
        this.maxEntries = maxEntries;
        this.adaptive = new AdaptiveCombining(maxEntries, false);
    }

    /**
     * Whether BATCH may combine {@code window}: tumbling or sliding event-time windows with the default trigger,
     * no evictor and a reduce function (an aggregate function's merge is not otherwise used, so it may be left
     * unimplemented).
     */
    public static boolean canCombine(Operation.Window window) {
        return windowSize(window) > 0 && window.trigger() instanceof EventTimeTrigger && window.evictor() == null
                && window.preAggregation() instanceof ReduceFunction<?>;
    }

    /** The fixed window size of a combinable window's assigner; 0 for other assigners. */
    static long windowSize(Operation.Window window) {
        // The classes themselves: a subclass could assign windows otherwise than by size and timestamp.
        Class<?> type = window.assigner().getClass();
        if (type == TumblingEventTimeWindows.class) {
            return ((TumblingEventTimeWindows) window.assigner()).getSize();
        }
        if (type == SlidingEventTimeWindows.class) {
            return ((SlidingEventTimeWindows) window.assigner()).getSize();
        }
        return 0;
    }

    @Override
    public void open(OperatorContext<Tuple2<Object, Object>> context) throws Exception {
        output = context.output();
        ProcessingTimeService time = context.processingTimeService();
        assignerContext = new WindowAssigner.WindowAssignerContext() {
            @Override
            public long getCurrentProcessingTime() {
                return time.currentProcessingTime();
            }
        };
        UserFunctions.open(reducer, context.runtimeContext());
    }

    @Override
    public OperatorInput<?> input(int index) {
        return this;
    }

    @Override
    @SuppressWarnings("unchecked")
    public void processElement(T value, long timestamp) throws Exception {
        K key = keySelector.getKey(value);
        HashMap<TimeWindow, Object> windows = null;
        boolean looked = false;
        for (TimeWindow window : assigner.assignWindows(value, timestamp, assignerContext)) {
            if (!adaptive.combines(AdaptiveCombining.hash(key.hashCode(), window.maxTimestamp()))) {
                emit(key, window, value);
                continue;
            }
            if (!looked) {
                windows = partials.get(key);
                looked = true;
            }
            Object partial = windows == null ? null : windows.get(window);
            if (partial == null) {
                if (entries >= maxEntries) {
                    adaptive.fullFlush(added, entries);
                    flush();
                    windows = null;
                    if (!adaptive.combining()) {
                        emit(key, window, value);
                        continue;
                    }
                }
                if (windows == null) {
                    windows = new HashMap<>(4);
                    partials.put(key, windows);
                }
                windows.put(window, fieldAggregator != null ? fieldAggregator.newPartial(value) : value);
                entries++;
            } else if (fieldAggregator != null) {
                fieldAggregator.add((FieldAggregator.Partial<T>) partial, value);
            } else {
                windows.put(window, reducer.reduce((T) partial, value));
            }
            added++;
        }
    }

    @SuppressWarnings("unchecked")
    private void flush() {
        for (Map.Entry<K, HashMap<TimeWindow, Object>> byKey : partials.entrySet()) {
            for (Map.Entry<TimeWindow, Object> byWindow : byKey.getValue().entrySet()) {
                Object value = fieldAggregator != null
                        ? fieldAggregator.result((FieldAggregator.Partial<T>) byWindow.getValue()) : byWindow.getValue();
                emit(byKey.getKey(), byWindow.getKey(), value);
            }
        }
        partials.clear();
        entries = 0;
        added = 0;
    }

    private void emit(Object key, TimeWindow window, Object value) {
        output.emit(Tuple2.of(key, value), window.maxTimestamp());
    }

    @Override
    public void finish() {
        flush();
    }

    @Override
    public void close() throws Exception {
        UserFunctions.close(reducer);
    }

    private static final class PartialKey implements KeySelector<Tuple2<Object, Object>, Object> {
        private static final long serialVersionUID = 1L;

        @Override
        public Object getKey(Tuple2<Object, Object> partial) {
            return partial.f0;
        }
    }
}
