package io.weir.bench.common;

import java.util.Arrays;
import java.util.Comparator;
import java.util.HashSet;
import java.util.Set;
import java.util.SplittableRandom;

/**
 * A seeded vocabulary and a Zipf (exponent 1) sampler over it, for the W1 input and for micro-benchmark keys
 * that look like W1's. Rank 0 is the most frequent word and the shortest, as in natural text.
 */
public final class Zipf {
    private final String[] words;
    private final double[] cumulative;

    public Zipf(int vocabulary, SplittableRandom random) {
        this.words = vocabulary(vocabulary, random);
        this.cumulative = cumulative(vocabulary);
    }

    public String word(int rank) {
        return words[rank];
    }

    public int size() {
        return words.length;
    }

    /** A rank drawn with P(rank k) proportional to 1 / (k + 1). */
    public int sample(SplittableRandom random) {
        double u = random.nextDouble();
        int lo = 0;
        int hi = cumulative.length - 1;
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (cumulative[mid] > u) {
                hi = mid;
            } else {
                lo = mid + 1;
            }
        }
        return lo;
    }

    /** Distinct lower-case ASCII words of 2 to 12 letters, shortest first. */
    private static String[] vocabulary(int size, SplittableRandom random) {
        Set<String> seen = new HashSet<>();
        String[] words = new String[size];
        int count = 0;
        char[] buf = new char[12];
        while (count < size) {
            // Lengths 2..12, more of them short: the minimum of two uniform draws.
            int length = 2 + Math.min(random.nextInt(11), random.nextInt(11));
            for (int i = 0; i < length; i++) {
                buf[i] = (char) ('a' + random.nextInt(26));
            }
            String word = new String(buf, 0, length);
            if (seen.add(word)) {
                words[count++] = word;
            }
        }
        // A stable sort by length keeps the seeded order among equal lengths, so the result is deterministic.
        Arrays.sort(words, Comparator.comparingInt(String::length));
        return words;
    }

    private static double[] cumulative(int size) {
        double[] cumulative = new double[size];
        double sum = 0;
        for (int k = 0; k < size; k++) {
            sum += 1.0 / (k + 1);
            cumulative[k] = sum;
        }
        for (int k = 0; k < size; k++) {
            cumulative[k] /= sum;
        }
        cumulative[size - 1] = 1.0;
        return cumulative;
    }
}
