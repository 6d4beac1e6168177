package io.weir.runtime.operators.window;

import io.weir.api.functions.AggregateFunction;
import io.weir.api.functions.Function;
import io.weir.api.functions.ReduceFunction;
import io.weir.api.functions.aggregation.FieldAggregator;
import io.weir.api.windowing.windows.Window;

import java.util.ArrayList;
import java.util.Collections;

/**
 * How a window's records fold into its accumulator, and what a firing emits from it: the records reduced, summed
 * (or min, max...) field-wise, added to an {@link AggregateFunction}, or all kept. Accumulators are mutable holders
 * changed in place, so adding a record to a window that has one changes no map or state. Shared by the window
 * operators of both modes: where the accumulators live differs, not how they fold.
 *
 * @param <IN> the window's input
 * @param <A>  the accumulator
 */
interface Accumulation<IN, A> {
    /** An accumulator holding one record. */
    A create(IN first) throws Exception;

    void add(A accumulator, IN value) throws Exception;

    /** Folds {@code from} into {@code into} (session windows merged), as if its records had been added. */
    void merge(A into, A from) throws Exception;

    /** The accumulator's result: what a window of these records computes, or a combiner sends on. */
    Object result(A accumulator) throws Exception;

    /** Hands the accumulator's result to {@code results} for {@code window}. */
    default <W extends Window> void emit(A accumulator, W window, WindowResults<W> results) throws Exception {
        results.emitOne(result(accumulator), window);
    }

    /** The accumulation for a window's pre-aggregation function; null keeps all records. */
    @SuppressWarnings({"unchecked", "rawtypes"})
    static <IN> Accumulation<IN, ?> of(Function preAggregation) {
        if (preAggregation instanceof FieldAggregator<?> fields) {
            return new Fields<>((FieldAggregator<IN>) fields);
        }
        if (preAggregation instanceof ReduceFunction<?> reducer) {
            return new Reducing<>((ReduceFunction<IN>) reducer);
        }
        if (preAggregation instanceof AggregateFunction<?, ?, ?> aggregator) {
            return new Aggregating<>((AggregateFunction) aggregator);
        }
        return new AllRecords<>();
    }

    /** {@code sum}/{@code min}/...: like folding with the {@link FieldAggregator}, but a sum adds into a primitive. */
    final class Fields<IN> implements Accumulation<IN, FieldAggregator.Partial<IN>> {
        private final FieldAggregator<IN> aggregator;

        Fields(FieldAggregator<IN> aggregator) {
            this.aggregator = aggregator;
        }

        @Override
        public FieldAggregator.Partial<IN> create(IN first) {
            return aggregator.newPartial(first);
        }

        @Override
        public void add(FieldAggregator.Partial<IN> accumulator, IN value) {
            aggregator.add(accumulator, value);
        }

        /** The source's aggregate, as a record, folds in like one more input record. */
        @Override
        public void merge(FieldAggregator.Partial<IN> into, FieldAggregator.Partial<IN> from) {
            aggregator.add(into, aggregator.result(from));
        }

        @Override
        public Object result(FieldAggregator.Partial<IN> accumulator) {
            return aggregator.result(accumulator);
        }
    }

    /** The records folded with a {@link ReduceFunction} in arrival order; the fold is the result. */
    final class Reducing<IN> implements Accumulation<IN, Slot<IN>> {
        private final ReduceFunction<IN> reducer;

        Reducing(ReduceFunction<IN> reducer) {
            this.reducer = reducer;
        }

        @Override
        public Slot<IN> create(IN first) {
            return new Slot<>(first);
        }

        @Override
        public void add(Slot<IN> accumulator, IN value) throws Exception {
            accumulator.value = reducer.reduce(accumulator.value, value);
        }

        @Override
        public void merge(Slot<IN> into, Slot<IN> from) throws Exception {
            into.value = reducer.reduce(into.value, from.value);
        }

        @Override
        public Object result(Slot<IN> accumulator) {
            return accumulator.value;
        }
    }

    /** The records added to an {@link AggregateFunction}'s accumulator as they arrive; its result is emitted. */
    final class Aggregating<IN, ACC> implements Accumulation<IN, Slot<ACC>> {
        private final AggregateFunction<IN, ACC, ?> function;

        Aggregating(AggregateFunction<IN, ACC, ?> function) {
            this.function = function;
        }

        @Override
        public Slot<ACC> create(IN first) {
            return new Slot<>(function.add(first, function.createAccumulator()));
        }

        @Override
        public void add(Slot<ACC> accumulator, IN value) {
            accumulator.value = function.add(value, accumulator.value);
        }

        @Override
        public void merge(Slot<ACC> into, Slot<ACC> from) {
            into.value = function.merge(into.value, from.value);
        }

        @Override
        public Object result(Slot<ACC> accumulator) {
            return function.getResult(accumulator.value);
        }
    }

    /** Every record, in arrival order, for a window function that sees them all. */
    final class AllRecords<IN> implements Accumulation<IN, ArrayList<IN>> {
        @Override
        public ArrayList<IN> create(IN first) {
            ArrayList<IN> records = new ArrayList<>();
            records.add(first);
            return records;
        }

        @Override
        public void add(ArrayList<IN> accumulator, IN value) {
            accumulator.add(value);
        }

        @Override
        public void merge(ArrayList<IN> into, ArrayList<IN> from) {
            into.addAll(from);
        }

        @Override
        public Object result(ArrayList<IN> accumulator) {
            return Collections.unmodifiableList(accumulator);
        }

        /** The window function gets the records themselves. */
        @Override
        public <W extends Window> void emit(ArrayList<IN> accumulator, W window, WindowResults<W> results)
                throws Exception {
            results.emitAll(Collections.unmodifiableList(accumulator), window);
        }
    }
}
