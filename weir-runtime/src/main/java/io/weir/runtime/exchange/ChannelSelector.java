package io.weir.runtime.exchange;

import io.weir.api.functions.KeySelector;

import java.util.SplittableRandom;

/** Picks the output channel of a record. One instance per producer subtask and edge: it may keep state. */
public interface ChannelSelector {
    int select(Object value) throws Exception;

    /** Round robin, starting at the producer's own index so that producers do not all start on channel 0. */
    static ChannelSelector roundRobin(int channels, int start) {
        return new ChannelSelector() {
            private int next = start % channels;

            @Override
            public int select(Object value) {
                int c = next;
                next = c + 1 == channels ? 0 : c + 1;
                return c;
            }
        };
    }

    static ChannelSelector random(int channels, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        return value -> random.nextInt(channels);
    }

    static ChannelSelector single() {
        return value -> 0;
    }

    /** By key group; channel i is consumer subtask i. */
    @SuppressWarnings({"unchecked", "rawtypes"})
    static ChannelSelector byKey(KeySelector keySelector, int maxParallelism, int consumers) {
        return value -> KeyGroups.subtaskOf(KeyGroups.keyGroupOf(keySelector.getKey(value), maxParallelism),
                maxParallelism, consumers);
    }
}
