package io.weir.runtime.scheduler;

import io.weir.runtime.exchange.ChannelSelector;
import io.weir.runtime.graph.JobEdge;

/**
 * Which consumer subtasks a producer subtask of an exchange reaches, and how it picks one per record. The same
 * in both modes: only what carries the records (pipelined channels or partition files) differs.
 */
final class EdgeRouting {
    private EdgeRouting() {
    }

    /** The consumer subtasks producer {@code p} sends to. */
    static int[] targetsOf(JobEdge edge, int p, int producers, int consumers) {
        if (!edge.isPointwise()) {
            int[] all = new int[consumers];
            for (int c = 0; c < consumers; c++) {
                all[c] = c;
            }
            return all;
        }
        if (producers == consumers) {
            return new int[] {p};
        }
        if (producers > consumers) {
            return new int[] {(int) ((long) p * consumers / producers)};
        }
        int from = (int) ((long) p * consumers / producers);
        int to = (int) ((long) (p + 1) * consumers / producers);
        int[] subset = new int[to - from];
        for (int i = 0; i < subset.length; i++) {
            subset[i] = from + i;
        }
        return subset;
    }

    /** The selector of producer {@code producer} over its {@code channels} targets; null means broadcast. */
    static ChannelSelector selector(JobEdge edge, int producer, int channels, int maxParallelism) {
        return switch (edge.partitioner()) {
            case FORWARD -> ChannelSelector.single();
            case RESCALE, REBALANCE -> ChannelSelector.roundRobin(channels, producer);
            case SHUFFLE -> ChannelSelector.random(channels, 31L * producer + edge.targetVertex());
            case BROADCAST -> null;
            case HASH -> ChannelSelector.byKey(edge.keySelector(), maxParallelism, channels);
        };
    }
}
