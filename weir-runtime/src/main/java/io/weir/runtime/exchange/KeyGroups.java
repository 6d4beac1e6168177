package io.weir.runtime.exchange;

/**
 * Key routing: key -> hash -> key group -> subtask. Key groups are the unit of keyed state, so that state
 * can later be redistributed when the parallelism changes; a subtask owns a contiguous range of them.
 */
public final class KeyGroups {
    private KeyGroups() {
    }

    /** The key group of {@code key}, in {@code [0, maxParallelism)}. */
    public static int keyGroupOf(Object key, int maxParallelism) {
        if (key == null) {
            throw new NullPointerException("A key selector returned null; keys must not be null");
        }
        return Math.floorMod(murmurMix(key.hashCode()), maxParallelism);
    }

    /** The subtask owning {@code keyGroup}. */
    public static int subtaskOf(int keyGroup, int maxParallelism, int parallelism) {
        return keyGroup * parallelism / maxParallelism;
    }

    /** First key group of {@code subtask}; the inverse of {@link #subtaskOf}. */
    public static int firstKeyGroup(int subtask, int maxParallelism, int parallelism) {
        return (subtask * maxParallelism + parallelism - 1) / parallelism;
    }

    /** Last key group (inclusive) of {@code subtask}. */
    public static int lastKeyGroup(int subtask, int maxParallelism, int parallelism) {
        return ((subtask + 1) * maxParallelism - 1) / parallelism;
    }

    /** Spreads poor {@code hashCode}s (small integers, strings sharing a suffix) over all key groups. */
    static int murmurMix(int h) {
        h *= 0xcc9e2d51;
        h = Integer.rotateLeft(h, 15);
        h *= 0x1b873593;
        h = Integer.rotateLeft(h, 13);
        h = h * 5 + 0xe6546b64;
        h ^= 4;
        h ^= h >>> 16;
        h *= 0x85ebca6b;
        h ^= h >>> 13;
        h *= 0xc2b2ae35;
        h ^= h >>> 16;
        return h;
    }
}
