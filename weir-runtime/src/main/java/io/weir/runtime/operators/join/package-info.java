/**
 * Join operators. {@link io.weir.runtime.operators.join.IntervalJoinOperator} joins two keyed inputs by event
 * time: each input is buffered per key and timestamp in keyed state, and event-time timers free what can no
 * longer match.
 * <pre>
 *   left  a ──▶ join with right buffer [a + lower, a + upper] ──▶ buffer a, timer at a + upper + 1
 *   right b ──▶ join with left buffer  [b - upper, b - lower] ──▶ buffer b, timer at b - lower + 1
 *   watermark ≥ timer ──▶ forget that timestamp's records of that input
 * </pre>
 */
package io.weir.runtime.operators.join;
