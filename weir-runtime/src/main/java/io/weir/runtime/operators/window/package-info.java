/**
 * The window operator ({@link io.weir.runtime.operators.window.WindowOperator}), the same in both modes, and
 * two BATCH-only companions chosen in translation: {@link io.weir.runtime.operators.window.BatchWindowOperator}
 * for windows whose result depends only on their contents (built-in tumbling and sliding windows with their
 * default trigger, no evictor), which keeps the current key's windows in a plain map and fires them in order of
 * their end when the key ends, without timers; and {@link io.weir.runtime.operators.window.WindowCombineOperator},
 * which pre-aggregates reducing event-time windows before the shuffle.
 *
 * <pre>
 * record -> assigner -> windows -> (sessions: MergingWindowSet merges, moves contents/trigger state/timers)
 *        -> late? ---------------------------------------------> late-data side output, or dropped and counted
 *        -> WindowContents.add (one keyed lookup: the key's map of windows)
 *        -> Trigger.onElement --FIRE--> WindowContents.emit -> WindowResults -> output (timestamp maxTimestamp)
 * timer  -> Trigger.onEventTime / onProcessingTime (same FIRE/PURGE handling)
 *        -> at cleanup time: contents, window function's clear, trigger's clear
 * </pre>
 *
 * How records fold into a window ({@link io.weir.runtime.operators.window.Accumulation}: reduce, field
 * aggregation, aggregate function, all records) is shared by the operators. In the general operator everything
 * per window lives in keyed state of the current key (the backend has no namespaces): contents in
 * one keyed map from window to contents ({@link io.weir.runtime.operators.window.WindowSlots}), trigger and
 * window-function state in keyed maps from window to value ({@link
 * io.weir.runtime.operators.window.WindowScopedStates}). Timers are namespaced by window. The mode's difference
 * lies in the state backend (one key at a time in BATCH) and the timer service (all of a key's timers at its
 * end in BATCH) that the task gives the operator.
 */
package io.weir.runtime.operators.window;
