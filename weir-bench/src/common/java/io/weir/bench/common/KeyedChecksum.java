package io.weir.bench.common;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * A checksum of a keyed result, the final value per key, that every engine computes the same way so that runs
 * can be compared: a 64-bit hash per (key, value) pair, added up, together with the number of keys and the sum
 * of the values.
 *
 * <p>Adding makes the checksum independent of order, on purpose: each sink subtask holds a disjoint set of keys
 * and folds its own part, and the parts of all subtasks add up to the checksum of the whole result with no sort
 * and no second pass. Order is not part of a keyed result, so nothing is lost. Keys must be Strings or integral
 * numbers, values integral numbers; a String key is hashed over its UTF-16 chars, so the hash does not depend on
 * an engine's byte encoding.
 *
 * <p>Not thread-safe: one instance per sink subtask (or per loop).
 */
public final class KeyedChecksum {
    private long keys;
    private long total;
    private long hash;

    /** Adds the final value of one key; call once per key. */
    public void add(Object key, Object value) {
        long v = integral(value, "value");
        keys++;
        total += v;
        hash += mix(keyHash(key) * 0x9E3779B97F4A7C15L + v);
    }

    /**
     * Adds one result of a windowed aggregation: the key, the event timestamp of the window's result (its end minus
     * one millisecond on every engine) and the value; call once per emitted result. {@link #keys()} then counts
     * results rather than keys.
     */
    public void addWindowResult(Object key, long timestamp, Object value) {
        long v = integral(value, "value");
        keys++;
        total += v;
        hash += mix((keyHash(key) * 0x9E3779B97F4A7C15L + timestamp) * 0xC2B2AE3D27D4EB4FL + v);
    }

    /** Adds every entry of a map of final values. */
    public void addAll(Map<?, ?> finalValues) {
        for (Map.Entry<?, ?> e : finalValues.entrySet()) {
            add(e.getKey(), e.getValue());
        }
    }

    public void merge(KeyedChecksum other) {
        keys += other.keys;
        total += other.total;
        hash += other.hash;
    }

    public long keys() {
        return keys;
    }

    /** The sum of all values; for a count per key, the number of records counted. */
    public long total() {
        return total;
    }

    /** The comparable form: {@code keys:total:hash} in hex, equal for equal results on every engine. */
    public String value() {
        return keys + ":" + total + ":" + String.format("%016x", hash);
    }

    /** Writes this subtask's part into {@code dir}, for {@link #readParts} in the job's main. */
    public void writePart(Path dir, int subtask) throws IOException {
        Path tmp = dir.resolve(".part-" + subtask);
        Files.writeString(tmp, keys + " " + total + " " + hash + "\n", StandardCharsets.UTF_8);
        // Rename so that a reader never sees half a part, and a retried subtask replaces its earlier part.
        Files.move(tmp, dir.resolve("part-" + subtask), java.nio.file.StandardCopyOption.REPLACE_EXISTING,
                java.nio.file.StandardCopyOption.ATOMIC_MOVE);
    }

    /**
     * The sum of the parts in {@code dir}. Fails if there are not exactly {@code expectedParts}: a missing part
     * would otherwise pass as a smaller result.
     */
    public static KeyedChecksum readParts(Path dir, int expectedParts) throws IOException {
        List<Path> parts;
        try (Stream<Path> files = Files.list(dir)) {
            parts = files.filter(p -> p.getFileName().toString().startsWith("part-")).sorted()
                    .collect(Collectors.toList());
        }
        if (parts.size() != expectedParts) {
            throw new IllegalStateException("Expected " + expectedParts + " checksum parts (one per sink subtask) in "
                    + dir + " but found " + parts.size() + ": " + parts + ". Did a sink subtask not reach the end of "
                    + "its input?");
        }
        KeyedChecksum sum = new KeyedChecksum();
        for (Path part : parts) {
            String[] fields = Files.readString(part, StandardCharsets.UTF_8).trim().split(" ");
            KeyedChecksum one = new KeyedChecksum();
            one.keys = Long.parseLong(fields[0]);
            one.total = Long.parseLong(fields[1]);
            one.hash = Long.parseLong(fields[2]);
            sum.merge(one);
        }
        return sum;
    }

    /** Deletes the part files and the directory. */
    public static void deleteParts(Path dir) throws IOException {
        try (Stream<Path> files = Files.list(dir)) {
            for (Path p : (Iterable<Path>) files::iterator) {
                Files.delete(p);
            }
        }
        Files.delete(dir);
    }

    private static long keyHash(Object key) {
        if (key instanceof String s) {
            // FNV-1a over the chars: stable across JVMs and engines, unlike identity or seeded hashes.
            long h = 0xcbf29ce484222325L;
            for (int i = 0; i < s.length(); i++) {
                h = (h ^ s.charAt(i)) * 0x100000001b3L;
            }
            return h;
        }
        return mix(integral(key, "key"));
    }

    private static long integral(Object o, String what) {
        if (o instanceof Long || o instanceof Integer || o instanceof Short || o instanceof Byte) {
            return ((Number) o).longValue();
        }
        throw new IllegalArgumentException("A checksummed " + what + " must be a String or an integral number, not "
                + (o == null ? "null" : o.getClass().getName() + " (" + o + ")"));
    }

    /** The SplitMix64 finalizer: every input bit affects every output bit. */
    static long mix(long z) {
        z = (z ^ (z >>> 30)) * 0xbf58476d1ce4e5b9L;
        z = (z ^ (z >>> 27)) * 0x94d049bb133111ebL;
        return z ^ (z >>> 31);
    }
}
