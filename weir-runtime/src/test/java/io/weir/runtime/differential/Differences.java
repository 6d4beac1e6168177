package io.weir.runtime.differential;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Compares outputs that may hold hundreds of thousands of records: hash-based, linear, and reporting the sizes
 * and at most {@value #EXAMPLES} examples of each kind of difference instead of dumping both sides.
 */
final class Differences {
    static final int EXAMPLES = 10;

    private Differences() {
    }

    /** Null when both hold the same records with the same multiplicities, else what differs. */
    static <T> String ofMultisets(String leftName, Collection<T> left, String rightName, Collection<T> right) {
        Map<T, Long> counts = new HashMap<>();
        for (T t : left) {
            counts.merge(t, 1L, Long::sum);
        }
        for (T t : right) {
            counts.merge(t, -1L, Long::sum);
        }
        List<String> onlyLeft = new ArrayList<>();
        List<String> onlyRight = new ArrayList<>();
        long leftSurplus = 0;
        long rightSurplus = 0;
        for (Map.Entry<T, Long> e : counts.entrySet()) {
            long c = e.getValue();
            if (c > 0) {
                leftSurplus += c;
                if (onlyLeft.size() < EXAMPLES) {
                    onlyLeft.add(e.getKey() + (c > 1 ? " x" + c : ""));
                }
            } else if (c < 0) {
                rightSurplus -= c;
                if (onlyRight.size() < EXAMPLES) {
                    onlyRight.add(e.getKey() + (c < -1 ? " x" + -c : ""));
                }
            }
        }
        if (leftSurplus == 0 && rightSurplus == 0) {
            return null;
        }
        return leftName + " has " + left.size() + " records, " + rightName + " has " + right.size() + ".\n  "
                + leftSurplus + " only in " + leftName + ", e.g. " + onlyLeft + "\n  "
                + rightSurplus + " only in " + rightName + ", e.g. " + onlyRight;
    }

    /** Null when both maps are equal, else what differs. */
    static <K, V> String ofMaps(String leftName, Map<K, V> left, String rightName, Map<K, V> right) {
        Map<K, String> onlyLeft = new LinkedHashMap<>();
        Map<K, String> onlyRight = new LinkedHashMap<>();
        Map<K, String> different = new LinkedHashMap<>();
        long onlyLeftCount = 0;
        long onlyRightCount = 0;
        long differentCount = 0;
        for (Map.Entry<K, V> e : left.entrySet()) {
            if (!right.containsKey(e.getKey())) {
                onlyLeftCount++;
                if (onlyLeft.size() < EXAMPLES) {
                    onlyLeft.put(e.getKey(), String.valueOf(e.getValue()));
                }
            } else if (!Objects.equals(e.getValue(), right.get(e.getKey()))) {
                differentCount++;
                if (different.size() < EXAMPLES) {
                    different.put(e.getKey(), leftName + " " + e.getValue() + " vs " + rightName + " "
                            + right.get(e.getKey()));
                }
            }
        }
        for (Map.Entry<K, V> e : right.entrySet()) {
            if (!left.containsKey(e.getKey())) {
                onlyRightCount++;
                if (onlyRight.size() < EXAMPLES) {
                    onlyRight.put(e.getKey(), String.valueOf(e.getValue()));
                }
            }
        }
        if (onlyLeftCount == 0 && onlyRightCount == 0 && differentCount == 0) {
            return null;
        }
        return leftName + " has " + left.size() + " keys, " + rightName + " has " + right.size() + ".\n  "
                + onlyLeftCount + " keys only in " + leftName + ", e.g. " + onlyLeft + "\n  "
                + onlyRightCount + " keys only in " + rightName + ", e.g. " + onlyRight + "\n  "
                + differentCount + " keys with different values, e.g. " + different;
    }
}
