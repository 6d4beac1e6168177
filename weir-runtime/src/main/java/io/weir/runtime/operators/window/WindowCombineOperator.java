package io.weir.runtime.operators.window;

import io.weir.api.dag.Operation;
import io.weir.api.functions.KeySelector;
import io.weir.api.functions.ReduceFunction;
import io.weir.api.windowing.assigners.SlidingEventTimeWindows;
import io.weir.api.windowing.assigners.TumblingEventTimeWindows;
import io.weir.api.windowing.assigners.WindowAssigner;
import io.weir.api.windowing.triggers.EventTimeTrigger;
import io.weir.api.windowing.windows.TimeWindow;
import io.weir.runtime.operators.AdaptiveCombining;
import io.weir.runtime.operators.PartialOrRecordKey;
import io.weir.runtime.operators.OperatorContext;
import io.weir.runtime.operators.OperatorInput;
import io.weir.runtime.operators.Output;
import io.weir.runtime.operators.StreamOperator;
import io.weir.runtime.operators.UserFunctions;
import io.weir.runtime.serialization.KeyedValue;

import java.util.Collection;
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
 * <p>A partial is a {@link KeyedValue}(key, pre-aggregate) whose timestamp is its window's max timestamp: windows
 * of these assigners have a fixed size, so the timestamp names the window. The key travels with the partial (a
 * reduce function need not preserve it). A record that passes uncombined goes on as it is, with its own
 * timestamp, and the window operator assigns its windows; the next operator is keyed by
 * {@link PartialOrRecordKey}. Whether a record is combined is decided once for all of its windows, so that none
 * of them gets it twice.
 */
public final class WindowCombineOperator<T, K> implements StreamOperator<Object>, OperatorInput<T> {
    private final WindowAssigner<T, TimeWindow> assigner;
    private final ReduceFunction<T> reducer;
    /** How a key-window's records fold (in place; a numeric sum adds into a primitive). */
    private final Accumulation<T, Object> accumulation;
    private final KeySelector<T, K> keySelector;
    private final int maxEntries;
    /** Per key (in first-seen order, so a key's partials keep the order of its records), per window. */
    private final Map<K, HashMap<TimeWindow, Object>> partials = new LinkedHashMap<>();
    private int entries;
    /** Records (times their windows) folded into the partials since the last flush. */
    private long added;
    private final AdaptiveCombining adaptive;
    private Output<Object> output;
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
        this.accumulation = (Accumulation<T, Object>) Accumulation.<T>of(reducer);
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

    /** The window a partial of a window this size belongs to: its timestamp is the window's max timestamp. */
    static TimeWindow windowOfPartial(long timestamp, long windowSize) {
        return new TimeWindow(timestamp + 1 - windowSize, timestamp + 1);
    }

    @Override
    public void open(OperatorContext<Object> context) throws Exception {
        output = context.output();
        assignerContext = new ClockAssignerContext(context.processingTimeService()::currentProcessingTime);
        UserFunctions.open(reducer, context.runtimeContext());
    }

    @Override
    public OperatorInput<?> input(int index) {
        return this;
    }

    @Override
    public void processElement(T value, long timestamp) throws Exception {
        K key = keySelector.getKey(value);
        Collection<TimeWindow> assigned = assigner.assignWindows(value, timestamp, assignerContext);
        if (assigned.isEmpty()) {
            return;
        }
        long probe = AdaptiveCombining.hash(key.hashCode(), assigned.iterator().next().maxTimestamp());
        if (!adaptive.combines(probe)) {
            output.emit(value, timestamp);
            return;
        }
        HashMap<TimeWindow, Object> windows = partials.get(key);
        if (entries + assigned.size() > maxEntries && entries + missing(windows, assigned) > maxEntries) {
            // Room for all of the record's windows first: it is either combined or passes, never in part.
            adaptive.fullFlush(added, entries);
            flush();
            windows = null;
            if (!adaptive.combining()) {
                output.emit(value, timestamp);
                return;
            }
        }
        for (TimeWindow window : assigned) {
            Object partial = windows == null ? null : windows.get(window);
            if (partial == null) {
                if (windows == null) {
                    windows = new HashMap<>(4);
                    partials.put(key, windows);
                }
                windows.put(window, accumulation.create(value));
                entries++;
            } else {
                accumulation.add(partial, value);
            }
            added++;
        }
    }

    /** How many of {@code assigned} have no entry among a key's {@code windows} yet. */
    private static int missing(HashMap<TimeWindow, Object> windows, Collection<TimeWindow> assigned) {
        if (windows == null) {
            return assigned.size();
        }
        int missing = 0;
        for (TimeWindow window : assigned) {
            if (!windows.containsKey(window)) {
                missing++;
            }
        }
        return missing;
    }

    private void flush() throws Exception {
        for (Map.Entry<K, HashMap<TimeWindow, Object>> byKey : partials.entrySet()) {
            for (Map.Entry<TimeWindow, Object> byWindow : byKey.getValue().entrySet()) {
                output.emit(new KeyedValue(byKey.getKey(), accumulation.result(byWindow.getValue())),
                        byWindow.getKey().maxTimestamp());
            }
        }
        partials.clear();
        entries = 0;
        added = 0;
    }

    @Override
    public void finish() throws Exception {
        flush();
    }

    @Override
    public void close() throws Exception {
        UserFunctions.close(reducer);
    }
}
