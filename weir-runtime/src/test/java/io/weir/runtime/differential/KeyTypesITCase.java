package io.weir.runtime.differential;

import io.weir.api.tuple.Tuple2;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.io.Serializable;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedList;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.stream.Stream;

import static io.weir.runtime.differential.DifferentialHarness.runInBothModes;

/**
 * Keys of many types, grouped by {@code equals} in STREAMING (hash partitioning, heap state) and by their
 * serialized bytes in BATCH (hash partitioning, then a sort by key bytes). Equal keys built differently (an
 * ArrayList and a LinkedList, a HashSet and a TreeSet, NaNs with different bits) must meet in one group, and
 * different keys with equal hash codes must not.
 */
@Timeout(120)
class KeyTypesITCase {

    /** A Java record as a key. */
    record Pair(int number, String name) implements Serializable {
    }

    /** A record whose component's type ({@code Object}) leaves its equality to the values: checked per key. */
    record Boxed(Object value) implements Serializable {
    }

    enum Color { RED, GREEN, BLUE }

    /** How an int key of the input becomes a key of some type; {@code value} picks between equal variants. */
    enum KeyType {
        INT, NEGATIVE_LONG, UNICODE_STRING, EQUAL_HASH_STRINGS, LONG_COMMON_PREFIX, TUPLE, TUPLE_WITH_NULLS, RECORD,
        LIST_OF_MIXED_CLASSES, SET_OF_MIXED_CLASSES, DOUBLE_WITH_NANS, BIG_DECIMAL, ENUM_IN_TUPLE,
        RECORD_OF_OBJECT;

        Object key(int k, int value) {
            return switch (this) {
                case INT -> k;
                case NEGATIVE_LONG -> -(k * 7919L) - 1;
                case UNICODE_STRING -> "ключ-" + k + (k % 2 == 0 ? "" : "\uD83D\uDE42");
                case EQUAL_HASH_STRINGS -> equalHashString(k);
                // Keys that differ only after a 600-character prefix: a sort must compare beyond any key prefix.
                case LONG_COMMON_PREFIX -> "p".repeat(600) + k;
                case TUPLE -> Tuple2.of(k % 100, "s" + k / 100);
                case TUPLE_WITH_NULLS -> Tuple2.of(k % 3 == 0 ? null : "t" + k % 5, k % 4 == 0 ? null : k / 5);
                case RECORD -> new Pair(k % 100, "s" + k / 100);
                case LIST_OF_MIXED_CLASSES -> {
                    List<Integer> list = value % 2 == 0 ? new ArrayList<>() : new LinkedList<>();
                    list.add(k % 10);
                    list.add(k / 10);
                    yield list;
                }
                case SET_OF_MIXED_CLASSES -> {
                    java.util.Set<String> set = value % 2 == 0 ? new HashSet<>() : new TreeSet<>();
                    set.add("a" + k % 7);
                    set.add("b" + k / 7);
                    set.add("c" + k % 3);
                    yield set;
                }
                // Every 50th key is a NaN, written with one of two bit patterns: Double.equals makes them one key.
                case DOUBLE_WITH_NANS -> k % 50 == 0
                        ? (value % 2 == 0 ? Double.NaN : Double.longBitsToDouble(0x7ff8000000000123L))
                        : k / 8.0;
                case BIG_DECIMAL -> BigDecimal.valueOf(k, 2);
                case ENUM_IN_TUPLE -> Tuple2.of(Color.values()[k % 3], k % 200);
                case RECORD_OF_OBJECT -> new Boxed(k % 2 == 0 ? "s" + k : (Object) k);
            };
        }

        /** Strings of 12 blocks "Aa" or "BB" (which hash alike): all 4096 of them have the same hashCode. */
        private static String equalHashString(int k) {
            StringBuilder sb = new StringBuilder();
            for (int bit = 0; bit < 12; bit++) {
                sb.append((k >> bit & 1) == 0 ? "Aa" : "BB");
            }
            return sb.toString();
        }
    }

    static Stream<Arguments> keyTypesAndParallelisms() {
        List<Arguments> args = new ArrayList<>();
        int i = 0;
        for (KeyType type : KeyType.values()) {
            for (int p : new int[]{1, 2, 4}) {
                args.add(Arguments.of(type, p, i++ % 2 == 0 ? Settings.defaults() : Settings.tinyMemory()));
            }
        }
        return args.stream();
    }

    @ParameterizedTest(name = "{0}, parallelism {1}, {2}")
    @MethodSource("keyTypesAndParallelisms")
    void sumPerKeyGroupsEqualKeysTogether(KeyType type, int parallelism, Settings settings) {
        InputSpec input = InputSpec.uniform(601, 30_000, 4_096);
        Map<Object, Tuple2<Object, Integer>> expected = new HashMap<>();
        input.forEach((k, v) -> expected.merge(type.key(k, v), Tuple2.of(type.key(k, v), v),
                (a, b) -> Tuple2.of(a.f0, a.f1 + b.f1)));
        // The key object kept by sum is that of the key's first record: compare keys by equality only.
        ModeOutputs<Tuple2<Object, Integer>> out = runInBothModes(type + " keys over " + input, parallelism, settings,
                env -> input.source(env)
                        .map(t -> Tuple2.of(type.key(t.f0, t.f1), t.f1))
                        .keyBy(t -> t.f0)
                        .sum(1));
        Map<Object, Integer> sums = out.assertSameFinalValues(t -> t.f0, t -> t.f1);
        Map<Object, Integer> expectedSums = new HashMap<>();
        expected.forEach((key, t) -> expectedSums.put(key, t.f1));
        out.assertFinalValuesEqual(expectedSums, sums);
    }
}
