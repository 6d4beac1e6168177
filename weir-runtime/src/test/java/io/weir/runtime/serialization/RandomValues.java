package io.weir.runtime.serialization;

import io.weir.api.tuple.Tuple2;
import io.weir.api.tuple.Tuple3;
import io.weir.api.tuple.Tuple4;
import io.weir.api.tuple.Tuple5;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.TreeMap;
import java.util.TreeSet;

/** Seeded random value trees for round-trip tests; every generated value has a content-based equals. */
final class RandomValues {
    record Box(Object content, long number) {
    }

    private RandomValues() {
    }

    static Object any(SplittableRandom r, int depth) {
        int choice = r.nextInt(depth <= 0 ? 16 : 28);
        return switch (choice) {
            case 0 -> null;
            case 1, 2 -> string(r);
            case 3 -> r.nextInt();
            case 4 -> r.nextLong() >> r.nextInt(64);
            case 5 -> r.nextBoolean() ? r.nextDouble() * 1e6 - 5e5 : specialDouble(r);
            case 6 -> r.nextBoolean();
            case 7 -> (char) r.nextInt(0x10000);
            case 8 -> (short) r.nextInt();
            case 9 -> (byte) r.nextInt();
            case 10 -> (float) r.nextDouble();
            case 11 -> new BigInteger(r.nextInt(200), new java.util.Random(r.nextLong()));
            case 12 -> new BigDecimal(new BigInteger(r.nextInt(100), new java.util.Random(r.nextLong())), r.nextInt(-20, 20));
            case 13 -> RecordSerializerTest.Color.values()[r.nextInt(3)];
            case 14 -> new RecordSerializerTest.Point(r.nextInt(), r.nextInt(100));
            case 15 -> new RecordSerializerTest.Person(string(r), r.nextInt(), r.nextDouble(), r.nextBoolean(),
                    r.nextBoolean() ? null : RecordSerializerTest.Color.BLUE);
            case 16, 17 -> list(r, depth);
            case 18 -> {
                HashSet<Object> set = r.nextBoolean() ? new HashSet<>() : new java.util.LinkedHashSet<>();
                for (int i = r.nextInt(6); i > 0; i--) {
                    set.add(any(r, depth - 1));
                }
                yield set;
            }
            case 19 -> {
                TreeSet<Integer> set = new TreeSet<>();
                for (int i = r.nextInt(6); i > 0; i--) {
                    set.add(r.nextInt(1000));
                }
                yield set;
            }
            case 20, 21 -> {
                Map<Object, Object> map = switch (r.nextInt(3)) {
                    case 0 -> new HashMap<>();
                    case 1 -> new LinkedHashMap<>();
                    default -> new TreeMap<>();
                };
                for (int i = r.nextInt(6); i > 0; i--) {
                    map.put(string(r), any(r, depth - 1));
                }
                yield map;
            }
            case 22 -> Tuple2.of(any(r, depth - 1), any(r, depth - 1));
            case 23 -> Tuple3.of(any(r, depth - 1), any(r, depth - 1), any(r, depth - 1));
            case 24 -> Tuple4.of(any(r, depth - 1), any(r, depth - 1), any(r, depth - 1), any(r, depth - 1));
            case 25 -> Tuple5.of(any(r, depth - 1), any(r, depth - 1), any(r, depth - 1), any(r, depth - 1),
                    any(r, depth - 1));
            case 26 -> new Box(any(r, depth - 1), r.nextLong());
            default -> new RecordSerializerTest.Employee(string(r), r.nextLong(), r.nextBoolean() ? null
                    : List.of(string(r)), any(r, depth - 1));
        };
    }

    /** Keys: no arrays, and only classes whose equals covers every serialized field. */
    static Object key(SplittableRandom r, int depth) {
        int choice = r.nextInt(depth <= 0 ? 9 : 15);
        return switch (choice) {
            case 0, 1 -> string(r);
            case 2 -> r.nextInt(20);
            case 3 -> (long) r.nextInt(20);
            case 4 -> specialDouble(r);
            case 5 -> r.nextBoolean();
            case 6 -> RecordSerializerTest.Color.values()[r.nextInt(3)];
            case 7 -> new RecordSerializerTest.Point(r.nextInt(3), r.nextInt(3));
            case 8 -> null;
            case 9 -> Tuple2.of(key(r, depth - 1), key(r, depth - 1));
            case 10 -> new Box(key(r, depth - 1), r.nextInt(3));
            case 11 -> {
                List<Object> list = r.nextBoolean() ? new ArrayList<>() : new LinkedList<>();
                for (int i = r.nextInt(4); i > 0; i--) {
                    list.add(key(r, depth - 1));
                }
                yield list;
            }
            case 12 -> {
                HashSet<Object> set = new HashSet<>();
                for (int i = r.nextInt(5); i > 0; i--) {
                    set.add(key(r, depth - 1));
                }
                yield set;
            }
            default -> {
                Map<Object, Object> map = r.nextBoolean() ? new HashMap<>() : new LinkedHashMap<>();
                for (int i = r.nextInt(5); i > 0; i--) {
                    map.put(key(r, depth - 1), key(r, depth - 1));
                }
                yield map;
            }
        };
    }

    private static double specialDouble(SplittableRandom r) {
        double[] specials = {0.0, -0.0, Double.NaN, Double.POSITIVE_INFINITY, Double.MIN_VALUE, 1.0, -1.0};
        return specials[r.nextInt(specials.length)];
    }

    private static Object list(SplittableRandom r, int depth) {
        int n = r.nextInt(8);
        switch (r.nextInt(3)) {
            case 0 -> {
                ArrayList<Object> list = new ArrayList<>();
                for (int i = 0; i < n; i++) {
                    list.add(any(r, depth - 1));
                }
                return list;
            }
            case 1 -> {
                LinkedList<Object> list = new LinkedList<>();
                for (int i = 0; i < n; i++) {
                    list.add(any(r, depth - 1));
                }
                return list;
            }
            default -> {
                Object[] elements = new Object[n];
                for (int i = 0; i < n; i++) {
                    elements[i] = string(r);
                }
                return List.of(elements);
            }
        }
    }

    static String string(SplittableRandom r) {
        int kind = r.nextInt(4);
        char[] chars = new char[r.nextInt(kind == 0 ? 3 : 24)];
        for (int i = 0; i < chars.length; i++) {
            chars[i] = switch (kind) {
                case 0, 1 -> (char) ('a' + r.nextInt(26));
                case 2 -> (char) r.nextInt(0x800);
                default -> (char) r.nextInt(0x10000);
            };
        }
        return new String(chars);
    }
}
