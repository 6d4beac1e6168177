/**
 * The physical plan: an immutable {@link io.weir.runtime.graph.JobGraph} of tasks (chains of operators) and
 * exchanges, made by {@code translate} for one resolved execution mode, read by the scheduler, and printed
 * by {@link io.weir.runtime.graph.PlanPrinter} as stable text or JSON.
 */
package io.weir.runtime.graph;
