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

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Pre-aggregates a reducing event-time window on the producer side of a BATCH shuffle. Valid only where a
 * window's result is the reduction of all of its records in the order the window operator sees them, whenever
 * they arrive: in BATCH (no late records) with the default event-time trigger, which fires each window once, at
 * the end of its key ({@link #canCombine}). Where keys rarely repeat, combining costs more than it saves:
 * {@link AdaptiveCombining} then lets records pass uncombined, each as its own partial. It starts by probing:
 * where nothing repeats, a full fill held until its flush outlives young collections and makes the heap grow.
 *
 * <p>Order rule, as for rolling aggregations ({@link io.weir.runtime.operators.CombineOperator}): the window
 * operator sees a key's records in timestamp order and folds each window's records in that order, with a reduce
 * function that need not be commutative. So a partial folds only records of one key with the same timestamp
 * (which are next to each other in that order); a record of the key with another timestamp sends the key's
 * partial on and starts a new one. Records of a window with distinct timestamps are therefore not combined, and
 * the adaptive decision soon lets them pass.
 *
 * <p>A partial is a {@link KeyedValue}(key, pre-aggregate) with the timestamp its records share: the window
 * operator unwraps it and assigns it the windows of that timestamp, exactly those of each of its records, so a
 * record reaches each of its windows once, combined or not. The key travels with the partial (a reduce function
 * need not preserve it); the next operator is keyed by {@link PartialOrRecordKey}.
 */
public final class WindowCombineOperator<T, K> implements StreamOperator<Object>, OperatorInput<T> {
    private final WindowAssigner<T, TimeWindow> assigner;
    private final ReduceFunction<T> reducer;
    /** How a key's records fold (in place; a numeric sum adds into a primitive). */
    private final Accumulation<T, Object> accumulation;
    private final KeySelector<T, K> keySelector;
    private final int maxEntries;
    /** Per key, the partial of its records with the timestamp of the latest. */
    private final Map<K, Partial> partials = new LinkedHashMap<>();
    /** Records folded into the partials since the last flush. */
    private long added;
    /** Partials sent on since the last flush because a record of their key came with another timestamp. */
    private long sentEarly;
    private final AdaptiveCombining adaptive;
    private Output<Object> output;
    private WindowAssigner.WindowAssignerContext assignerContext;

    /** A key's accumulator and the timestamp all of its records share. */
    private static final class Partial {
        final Object accumulator;
        final long timestamp;

        Partial(Object accumulator, long timestamp) {
            this.accumulator = accumulator;
            this.timestamp = timestamp;
        }
    }

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
        if (assigner.assignWindows(value, timestamp, assignerContext).isEmpty()) {
            return;
        }
        K key = keySelector.getKey(value);
        if (!adaptive.combines(AdaptiveCombining.hash(key.hashCode(), timestamp))) {
            output.emit(value, timestamp);
            return;
        }
        Partial partial = partials.get(key);
        if (partial != null && partial.timestamp != timestamp) {
            // Folding across timestamps could put this record on the wrong side of another one (class doc).
            emit(key, partial);
            partials.remove(key);
            sentEarly++;
            partial = null;
        }
        if (partial == null) {
            if (partials.size() + sentEarly >= maxEntries) {
                adaptive.fullFlush(added, partials.size() + sentEarly);
                flush();
                if (!adaptive.combining()) {
                    output.emit(value, timestamp);
                    return;
                }
            }
            partials.put(key, new Partial(accumulation.create(value), timestamp));
        } else {
            accumulation.add(partial.accumulator, value);
        }
        added++;
    }

    private void emit(K key, Partial partial) throws Exception {
        output.emit(new KeyedValue(key, accumulation.result(partial.accumulator)), partial.timestamp);
    }

    private void flush() throws Exception {
        for (Map.Entry<K, Partial> e : partials.entrySet()) {
            emit(e.getKey(), e.getValue());
        }
        partials.clear();
        added = 0;
        sentEarly = 0;
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
