package io.weir.runtime.graph;

/** How records cross an edge between tasks. */
public enum ExchangeKind {
    /** Handed to the live consumer as they are produced (STREAMING). */
    PIPELINED,
    /** Materialised completely before the consumer starts (BATCH). */
    BLOCKING
}
