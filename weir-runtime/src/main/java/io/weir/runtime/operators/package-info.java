/**
 * Operators: the {@link io.weir.runtime.operators.StreamOperator} contract and its implementations, one per
 * kind of user function. Operators run on their task's thread only and need no locks; they see keyed state
 * through the backend in their context and emit through an {@link io.weir.runtime.operators.Output}.
 */
package io.weir.runtime.operators;
