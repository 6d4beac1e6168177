package io.weir.runtime.differential;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

import static org.assertj.core.api.Assertions.fail;

/**
 * What one job emitted in STREAMING and in BATCH, and the two ways of comparing final results:
 * <ul>
 *   <li>{@link #assertSameMultiset()} for jobs without aggregations: both modes emit the same records, in
 *       whatever order;</li>
 *   <li>{@link #assertSameFinalValues} for rolling aggregations: STREAMING's records are updates (upserts), the
 *       last one per key is that key's final value; BATCH must emit exactly one record per key, equal to it;</li>
 *   <li>{@link #assertSameLastValues} for functions that emit their running state after every record in both
 *       modes: the same number of updates per key, and the same last update per key.</li>
 * </ul>
 * Every failure message starts with the {@link #context()}: job, input with its seed, parallelism and settings.
 *
 * <p>Reading STREAMING's output as upserts needs each key's updates to reach the collect sink in the order they
 * were made: the last operator must be chained to the sink (same parallelism as the environment's default) or
 * its output keyed by the same key; a rebalance in between would mix the order of a key's updates.
 */
final class ModeOutputs<T> {
    private final String context;
    private final List<T> streaming;
    private final List<T> batch;

    ModeOutputs(String context, List<T> streaming, List<T> batch) {
        this.context = context;
        this.streaming = streaming;
        this.batch = batch;
    }

    String context() {
        return context;
    }

    List<T> streaming() {
        return streaming;
    }

    List<T> batch() {
        return batch;
    }

    /** Both modes emitted the same records with the same multiplicities. */
    ModeOutputs<T> assertSameMultiset() {
        String diff = Differences.ofMultisets("STREAMING", streaming, "BATCH", batch);
        if (diff != null) {
            fail(context + ": the modes emitted different records.\n" + diff);
        }
        return this;
    }

    /**
     * Each mode emitted exactly its own oracle's records, as multisets: for order-dependent logic, which sees a
     * key's records in arrival order in STREAMING and in timestamp order in BATCH.
     */
    ModeOutputs<T> assertEachEqual(Collection<T> streamingExpected, Collection<T> batchExpected) {
        String diff = Differences.ofMultisets("expected (arrival order)", streamingExpected, "STREAMING", streaming);
        if (diff != null) {
            fail(context + ": STREAMING differs from the oracle over the records in arrival order.\n" + diff);
        }
        diff = Differences.ofMultisets("expected (timestamp order)", batchExpected, "BATCH", batch);
        if (diff != null) {
            fail(context + ": BATCH differs from the oracle over each key's records in timestamp order.\n" + diff);
        }
        return this;
    }

    /** Both modes emitted exactly {@code expected}, as multisets (an oracle computed from the input). */
    ModeOutputs<T> assertBothEqual(Collection<T> expected) {
        assertSameMultiset();
        String diff = Differences.ofMultisets("expected", expected, "BATCH (equal to STREAMING)", batch);
        if (diff != null) {
            fail(context + ": both modes agree, but not with the expected records.\n" + diff);
        }
        return this;
    }

    /** {@link #assertSameFinalValues(Function, Function)} comparing whole records. */
    <K> Map<K, T> assertSameFinalValues(Function<T, K> key) {
        return assertSameFinalValues(key, r -> r);
    }

    /**
     * Reads STREAMING's output as upserts (the last record of a key is its final value) and requires BATCH to
     * emit exactly one record per key, with the same {@code compared} projection. Returns the agreed final
     * values by key, for a comparison with an oracle.
     */
    <K, V> Map<K, V> assertSameFinalValues(Function<T, K> key, Function<T, V> compared) {
        Map<K, V> streamingFinal = lastByKey(streaming, key, compared);
        Map<K, V> batchFinal = new HashMap<>();
        List<String> repeated = new ArrayList<>();
        long repeatedCount = 0;
        for (T record : batch) {
            V previous = batchFinal.put(key.apply(record), compared.apply(record));
            if (previous != null) {
                repeatedCount++;
                if (repeated.size() < Differences.EXAMPLES) {
                    repeated.add(key.apply(record) + ": " + previous + " then " + compared.apply(record));
                }
            }
        }
        if (repeatedCount > 0) {
            fail(context + ": BATCH must emit one final record per key, but emitted " + batch.size() + " records for "
                    + batchFinal.size() + " keys; " + repeatedCount + " repeated, e.g. " + repeated);
        }
        String diff = Differences.ofMaps("STREAMING (last update)", streamingFinal, "BATCH", batchFinal);
        if (diff != null) {
            fail(context + ": the modes' final values differ.\n" + diff);
        }
        return batchFinal;
    }

    /**
     * Reads both outputs as upserts: each key must have as many updates in BATCH as in STREAMING, and the same
     * {@code compared} projection of its last update. Returns the agreed last values by key.
     */
    <K, V> Map<K, V> assertSameLastValues(Function<T, K> key, Function<T, V> compared) {
        String counts = Differences.ofMultisets("STREAMING", streaming.stream().map(key).toList(),
                "BATCH", batch.stream().map(key).toList());
        if (counts != null) {
            fail(context + ": the modes emitted different numbers of updates per key (listed are keys).\n" + counts);
        }
        Map<K, V> streamingLast = lastByKey(streaming, key, compared);
        Map<K, V> batchLast = lastByKey(batch, key, compared);
        String diff = Differences.ofMaps("STREAMING (last update)", streamingLast, "BATCH (last update)", batchLast);
        if (diff != null) {
            fail(context + ": the modes' last updates differ.\n" + diff);
        }
        return batchLast;
    }

    <K> Map<K, T> assertSameLastValues(Function<T, K> key) {
        return assertSameLastValues(key, r -> r);
    }

    private static <T, K, V> Map<K, V> lastByKey(List<T> records, Function<T, K> key, Function<T, V> compared) {
        Map<K, V> last = new HashMap<>();
        for (T record : records) {
            last.put(key.apply(record), compared.apply(record));
        }
        return last;
    }

    /** Fails unless {@code actual}, agreed by both modes, equals the oracle's {@code expected}. */
    <K, V> void assertFinalValuesEqual(Map<K, V> expected, Map<K, V> actual) {
        String diff = Differences.ofMaps("expected", expected, "both modes", actual);
        if (diff != null) {
            fail(context + ": both modes agree, but not with the expected final values.\n" + diff);
        }
    }
}
