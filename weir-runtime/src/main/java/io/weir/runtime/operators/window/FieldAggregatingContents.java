package io.weir.runtime.operators.window;

import io.weir.api.windowing.windows.Window;
import io.weir.api.functions.aggregation.FieldAggregator;
import io.weir.runtime.state.KeyedStateBackend;

import java.util.Collection;
import java.util.HashMap;

/**
 * A window's {@code sum}/{@code min}/{@code max}/{@code minBy}/{@code maxBy}: the same result as folding with the
 * {@link FieldAggregator}, but a numeric sum adds into a primitive instead of creating a record per input.
 */
final class FieldAggregatingContents<IN, W extends Window> implements WindowContents<IN, W> {
    private final WindowSlots<W, FieldAggregator.Partial<IN>> slots;
    private final FieldAggregator<IN> aggregator;
    private final WindowResults<W> results;

    FieldAggregatingContents(KeyedStateBackend backend, FieldAggregator<IN> aggregator, WindowResults<W> results) {
        this.slots = new WindowSlots<>(backend, WindowStateNames.CONTENTS);
        this.aggregator = aggregator;
        this.results = results;
    }

    @Override
    public boolean add(W stateWindow, IN value, long timestamp) throws Exception {
        HashMap<W, FieldAggregator.Partial<IN>> windows = slots.forWrite();
        FieldAggregator.Partial<IN> partial = windows.get(stateWindow);
        if (partial == null) {
            windows.put(stateWindow, aggregator.newPartial(value));
            return true;
        }
        aggregator.add(partial, value);
        return false;
    }

    @Override
    public void emit(W window, W stateWindow) throws Exception {
        FieldAggregator.Partial<IN> partial = slots.get(stateWindow);
        if (partial != null) {
            results.emitOne(aggregator.result(partial), window);
        }
    }

    @Override
    public void clear(W stateWindow) throws Exception {
        slots.remove(stateWindow);
    }

    /** One lookup: the contents are taken out, then emitted. */
    @Override
    public void emitAndClear(W window, W stateWindow) throws Exception {
        FieldAggregator.Partial<IN> removed = slots.remove(stateWindow);
        if (removed != null) {
            results.emitOne(aggregator.result(removed), window);
        }
    }

    /** A source's aggregate, as a record, folds into the target like one more input record. */
    @Override
    public void merge(W target, Collection<W> sources) throws Exception {
        for (W source : sources) {
            FieldAggregator.Partial<IN> from = slots.remove(source);
            if (from == null) {
                continue;
            }
            FieldAggregator.Partial<IN> into = slots.get(target);
            if (into == null) {
                slots.put(target, from);
            } else {
                aggregator.add(into, aggregator.result(from));
            }
        }
    }
}
