package io.weir.runtime.jobs;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BinaryOperator;
import java.util.function.Function;

/**
 * Independent, single-threaded computations of what keyed jobs should produce, and views of what they did
 * produce, per key. STREAMING emits an update per record, so a key's result is the last record it emitted.
 */
final class PerKey {
    private PerKey() {
    }

    /** The records of each key, in the order given. */
    static <T, K> Map<K, List<T>> group(Iterable<T> records, Function<T, K> key) {
        Map<K, List<T>> groups = new LinkedHashMap<>();
        for (T r : records) {
            groups.computeIfAbsent(key.apply(r), k -> new ArrayList<>()).add(r);
        }
        return groups;
    }

    /** The last record of each key: a key's final value in a STREAMING job's updates. */
    static <T, K> Map<K, T> last(Iterable<T> records, Function<T, K> key) {
        Map<K, T> last = new LinkedHashMap<>();
        for (T r : records) {
            last.put(key.apply(r), r);
        }
        return last;
    }

    /** Every intermediate result of folding each key's records in order with {@code reduce}. */
    static <T, K> Map<K, List<T>> rollingFold(Iterable<T> records, Function<T, K> key, BinaryOperator<T> reduce) {
        Map<K, List<T>> updates = new LinkedHashMap<>();
        for (T r : records) {
            List<T> soFar = updates.computeIfAbsent(key.apply(r), k -> new ArrayList<>());
            soFar.add(soFar.isEmpty() ? r : reduce.apply(soFar.get(soFar.size() - 1), r));
        }
        return updates;
    }

    /** The final result of folding each key's records in order with {@code reduce}. */
    static <T, K> Map<K, T> fold(Iterable<T> records, Function<T, K> key, BinaryOperator<T> reduce) {
        Map<K, T> result = new LinkedHashMap<>();
        for (T r : records) {
            result.merge(key.apply(r), r, reduce);
        }
        return result;
    }
}
