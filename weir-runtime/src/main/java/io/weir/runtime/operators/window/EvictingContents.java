package io.weir.runtime.operators.window;

import io.weir.api.windowing.windows.Window;
import io.weir.api.functions.AggregateFunction;
import io.weir.api.functions.ReduceFunction;
import io.weir.api.windowing.evictors.Evictor;
import io.weir.api.windowing.evictors.TimestampedValue;
import io.weir.runtime.state.KeyedStateBackend;

import java.util.AbstractList;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;

/**
 * A window with an {@link Evictor}: every record is kept with its timestamp, because the evictor may remove any
 * of them. A firing lets the evictor remove records, computes the result over those left (folding them with
 * the pre-aggregation, if there is one), then lets the evictor remove records again. If the evictor removed
 * every record, the window function is not called.
 */
final class EvictingContents<IN, W extends Window> implements WindowContents<IN, W> {
    private final WindowSlots<W, ArrayList<TimestampedValue<IN>>> slots;
    private final Evictor<IN, W> evictor;
    private final Evictor.EvictorContext evictorContext;
    /** Null, a ReduceFunction or an AggregateFunction. */
    private final Object preAggregation;
    private final WindowResults<W> results;

    EvictingContents(KeyedStateBackend backend, Evictor<IN, W> evictor, Evictor.EvictorContext evictorContext,
                     Object preAggregation, WindowResults<W> results) {
        this.slots = new WindowSlots<>(backend, WindowStateNames.CONTENTS);
        this.evictor = evictor;
        this.evictorContext = evictorContext;
        this.preAggregation = preAggregation;
        this.results = results;
    }

    @Override
    public boolean add(W stateWindow, IN value, long timestamp) throws Exception {
        HashMap<W, ArrayList<TimestampedValue<IN>>> windows = slots.forWrite();
        ArrayList<TimestampedValue<IN>> records = windows.get(stateWindow);
        boolean created = records == null;
        if (created) {
            records = new ArrayList<>();
            windows.put(stateWindow, records);
        }
        records.add(new TimestampedValue<>(value, timestamp));
        return created;
    }

    @Override
    public void emit(W window, W stateWindow) throws Exception {
        ArrayList<TimestampedValue<IN>> records = slots.get(stateWindow);
        if (records == null) {
            return;
        }
        evictor.evictBefore(records, records.size(), window, evictorContext);
        if (!records.isEmpty()) {
            emitResult(new Values<>(records), window);
        }
        evictor.evictAfter(records, records.size(), window, evictorContext);
        if (records.isEmpty()) {
            slots.remove(stateWindow);
        }
    }

    @SuppressWarnings("unchecked")
    private void emitResult(List<IN> values, W window) throws Exception {
        if (preAggregation == null) {
            results.emitAll(values, window);
        } else if (preAggregation instanceof ReduceFunction<?> r) {
            ReduceFunction<IN> reducer = (ReduceFunction<IN>) r;
            IN folded = values.get(0);
            for (int i = 1; i < values.size(); i++) {
                folded = reducer.reduce(folded, values.get(i));
            }
            results.emitOne(folded, window);
        } else {
            AggregateFunction<IN, Object, ?> aggregator = (AggregateFunction<IN, Object, ?>) preAggregation;
            Object acc = aggregator.createAccumulator();
            for (IN value : values) {
                acc = aggregator.add(value, acc);
            }
            results.emitOne(aggregator.getResult(acc), window);
        }
    }

    @Override
    public void clear(W stateWindow) throws Exception {
        slots.remove(stateWindow);
    }

    @Override
    public void merge(W target, Collection<W> sources) throws Exception {
        for (W source : sources) {
            ArrayList<TimestampedValue<IN>> from = slots.remove(source);
            if (from == null) {
                continue;
            }
            ArrayList<TimestampedValue<IN>> into = slots.get(target);
            if (into == null) {
                slots.put(target, from);
            } else {
                into.addAll(from);
            }
        }
    }

    /** The records without their timestamps, as the window function sees them; read-only. */
    private static final class Values<T> extends AbstractList<T> {
        private final List<TimestampedValue<T>> records;

        Values(List<TimestampedValue<T>> records) {
            this.records = records;
        }

        @Override
        public T get(int index) {
            return records.get(index).getValue();
        }

        @Override
        public int size() {
            return records.size();
        }
    }
}
