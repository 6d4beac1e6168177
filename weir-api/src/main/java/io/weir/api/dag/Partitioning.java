package io.weir.api.dag;

import io.weir.api.functions.KeySelector;

/** How records move from the subtasks of one operator to those of the next. */
public record Partitioning(Kind kind, KeySelector<?, ?> keySelector) {

    /** The partitioners. */
    public enum Kind {
        /** Subtask i to subtask i; the only one that allows chaining. */
        FORWARD,
        /** By key: key -> hash -> key group -> subtask. */
        HASH,
        /** Round robin over all downstream subtasks. */
        REBALANCE,
        /** Round robin over a local subset of downstream subtasks. */
        RESCALE,
        /** Uniformly at random. */
        SHUFFLE,
        /** Every record to every downstream subtask. */
        BROADCAST
    }

    public static final Partitioning FORWARD = new Partitioning(Kind.FORWARD, null);
    public static final Partitioning REBALANCE = new Partitioning(Kind.REBALANCE, null);
    public static final Partitioning RESCALE = new Partitioning(Kind.RESCALE, null);
    public static final Partitioning SHUFFLE = new Partitioning(Kind.SHUFFLE, null);
    public static final Partitioning BROADCAST = new Partitioning(Kind.BROADCAST, null);

    public static Partitioning hash(KeySelector<?, ?> keySelector) {
        return new Partitioning(Kind.HASH, keySelector);
    }

    @Override
    public String toString() {
        return kind.name();
    }
}
