package io.weir.runtime.differential;

import io.weir.api.datastream.DataStream;
import io.weir.api.datastream.KeyedStream;
import io.weir.api.tuple.Tuple2;
import io.weir.api.tuple.Tuple3;

import java.util.HashMap;
import java.util.Map;

/**
 * The rolling aggregations of a {@code KeyedStream}, each applied to the value field of three record shapes, with
 * the oracle of its final value per key.
 *
 * <p>Which record of a key comes "first" depends, with parallel producers, on scheduling (and in BATCH on the
 * combiners' partial results). {@code sum}, {@code min} and {@code max} keep the other fields of the first
 * record, and {@code minBy}/{@code maxBy} keep the first of tied records. So the inputs built here make the
 * non-aggregated fields a function of the key ({@code sum}, {@code min}, {@code max}) or of key and value
 * ({@code minBy}, {@code maxBy}: tied records are equal): then the whole final record is independent of the
 * order, and the comparison can be of whole records. {@code reduce} uses a commutative, associative function.
 */
enum Aggregation {
    REDUCE, SUM, MIN, MAX, MIN_BY, MAX_BY;

    /** The tag (third field) of a record with this key and value: see the class comment. */
    String tag(int key, int value) {
        return this == MIN_BY || this == MAX_BY || this == REDUCE ? key + "/" + value : "k" + key;
    }

    // ------------------------------------------------------------------------------------ (key, value, tag)

    Tuple3<Integer, Integer, String> tuple3(int key, int value) {
        return Tuple3.of(key, value, tag(key, value));
    }

    DataStream<Tuple3<Integer, Integer, String>> applyByPosition(
            KeyedStream<Tuple3<Integer, Integer, String>, ?> keyed) {
        return switch (this) {
            case REDUCE -> keyed.reduce((a, b) -> Tuple3.of(a.f0, a.f1 + b.f1, max(a.f2, b.f2)));
            case SUM -> keyed.sum(1);
            case MIN -> keyed.min(1);
            case MAX -> keyed.max(1);
            case MIN_BY -> keyed.minBy(1);
            case MAX_BY -> keyed.maxBy(1);
        };
    }

    Map<Integer, Tuple3<Integer, Integer, String>> expectedTuple3(InputSpec input) {
        Map<Integer, Tuple3<Integer, Integer, String>> finals = new HashMap<>();
        input.forEach((k, v) -> finals.merge(k, tuple3(k, v), (a, b) -> Tuple3.of(a.f0, fold(a.f1, b.f1),
                this == REDUCE ? max(a.f2, b.f2) : pickTag(a.f1, a.f2, b.f1, b.f2))));
        return finals;
    }

    // ------------------------------------------------------------------------------------ (key, value)

    DataStream<Tuple2<Integer, Integer>> applyToPairs(KeyedStream<Tuple2<Integer, Integer>, ?> keyed) {
        return switch (this) {
            case REDUCE -> keyed.reduce((a, b) -> Tuple2.of(a.f0, a.f1 ^ b.f1));
            case SUM -> keyed.sum(1);
            case MIN -> keyed.min(1);
            case MAX -> keyed.max(1);
            case MIN_BY -> keyed.minBy(1);
            case MAX_BY -> keyed.maxBy(1);
        };
    }

    Map<Integer, Tuple2<Integer, Integer>> expectedPairs(InputSpec input) {
        Map<Integer, Tuple2<Integer, Integer>> finals = new HashMap<>();
        input.forEach((k, v) -> finals.merge(k, Tuple2.of(k, v),
                (a, b) -> Tuple2.of(k, this == REDUCE ? a.f1 ^ b.f1 : fold(a.f1, b.f1))));
        return finals;
    }

    // ------------------------------------------------------------------------------------ records, POJOs

    /** A Java record aggregated by field name. */
    record Reading(String sensor, int level, String site) {
    }

    Reading reading(int key, int value) {
        return new Reading("sensor-" + key, value, tag(key, value));
    }

    DataStream<Reading> applyToReadings(KeyedStream<Reading, ?> keyed) {
        return switch (this) {
            case REDUCE -> keyed.reduce((a, b) -> new Reading(a.sensor(), a.level() + b.level(), max(a.site(), b.site())));
            case SUM -> keyed.sum("level");
            case MIN -> keyed.min("level");
            case MAX -> keyed.max("level");
            case MIN_BY -> keyed.minBy("level");
            case MAX_BY -> keyed.maxBy("level");
        };
    }

    Map<String, Reading> expectedReadings(InputSpec input) {
        Map<String, Reading> finals = new HashMap<>();
        input.forEach((k, v) -> finals.merge("sensor-" + k, reading(k, v), (a, b) -> new Reading(a.sensor(),
                fold(a.level(), b.level()),
                this == REDUCE ? max(a.site(), b.site()) : pickTag(a.level(), a.site(), b.level(), b.site()))));
        return finals;
    }

    /** A POJO (public fields, no-argument constructor) aggregated by field name. */
    public static final class Account {
        public String owner;
        public long balance;
        public String branch;

        public Account() {
        }

        Account(String owner, long balance, String branch) {
            this.owner = owner;
            this.balance = balance;
            this.branch = branch;
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Account a && a.owner.equals(owner) && a.balance == balance && a.branch.equals(branch);
        }

        @Override
        public int hashCode() {
            return owner.hashCode() * 31 + Long.hashCode(balance) * 17 + branch.hashCode();
        }

        @Override
        public String toString() {
            return "Account(" + owner + ", " + balance + ", " + branch + ")";
        }
    }

    Account account(int key, int value) {
        return new Account("owner-" + key, value, tag(key, value));
    }

    DataStream<Account> applyToAccounts(KeyedStream<Account, ?> keyed) {
        return switch (this) {
            case REDUCE -> keyed.reduce((a, b) -> new Account(a.owner, a.balance + b.balance, max(a.branch, b.branch)));
            case SUM -> keyed.sum("balance");
            case MIN -> keyed.min("balance");
            case MAX -> keyed.max("balance");
            case MIN_BY -> keyed.minBy("balance");
            case MAX_BY -> keyed.maxBy("balance");
        };
    }

    Map<String, Account> expectedAccounts(InputSpec input) {
        Map<String, Account> finals = new HashMap<>();
        input.forEach((k, v) -> finals.merge("owner-" + k, account(k, v), (a, b) -> new Account(a.owner,
                fold((int) a.balance, (int) b.balance),
                this == REDUCE ? max(a.branch, b.branch) : pickTag((int) a.balance, a.branch, (int) b.balance, b.branch))));
        return finals;
    }

    // ------------------------------------------------------------------------------------ the oracle's folds

    /** The aggregated field after folding in the next value ({@code REDUCE}: the sum its functions compute). */
    int fold(int acc, int next) {
        return switch (this) {
            case REDUCE, SUM -> acc + next;
            case MIN, MIN_BY -> Math.min(acc, next);
            case MAX, MAX_BY -> Math.max(acc, next);
        };
    }

    /** The tag of the folded record: the first record's for sum/min/max, the extreme record's for minBy/maxBy. */
    private String pickTag(int accValue, String accTag, int nextValue, String nextTag) {
        return switch (this) {
            case MIN_BY -> nextValue < accValue ? nextTag : accTag;
            case MAX_BY -> nextValue > accValue ? nextTag : accTag;
            default -> accTag;
        };
    }

    private static String max(String a, String b) {
        return a.compareTo(b) >= 0 ? a : b;
    }
}
