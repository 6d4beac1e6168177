package io.weir.runtime.serialization;

import io.weir.api.tuple.Tuple2;
import io.weir.api.tuple.Tuple3;
import io.weir.api.tuple.Tuple4;
import io.weir.api.tuple.Tuple5;
import org.junit.jupiter.api.Test;

import java.io.Serializable;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.LinkedList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class RecordSerializerTest {

    enum Color {
        RED, GREEN {
            @Override
            public String toString() {
                return "green!";
            }
        }, BLUE
    }

    record Point(int x, int y) {
    }

    record Everything(byte b, short s, char c, int i, long l, float f, double d, boolean z, String text,
                      Point point, List<Point> points) {
    }

    record Validated(String name) {
        Validated {
            Objects.requireNonNull(name, "name");
        }
    }

    /** A POJO with the field kinds the serializer distinguishes; inherited by {@link Employee}. */
    public static class Person {
        public static int instances;
        private String name;
        protected int age;
        double score;
        private boolean active;
        transient String cache = "not serialized";
        private Color color;

        public Person() {
            instances++;
        }

        Person(String name, int age, double score, boolean active, Color color) {
            this.name = name;
            this.age = age;
            this.score = score;
            this.active = active;
            this.color = color;
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Person p && p.getClass() == getClass() && Objects.equals(name, p.name)
                    && age == p.age && score == p.score && active == p.active && color == p.color;
        }

        @Override
        public int hashCode() {
            return Objects.hash(name, age);
        }
    }

    public static class Employee extends Person {
        private long id;
        private List<String> roles;
        private Object anything;

        public Employee() {
        }

        Employee(String name, long id, List<String> roles, Object anything) {
            super(name, 40, 1.5, true, Color.BLUE);
            this.id = id;
            this.roles = roles;
            this.anything = anything;
        }

        @Override
        public boolean equals(Object o) {
            return super.equals(o) && o instanceof Employee e && id == e.id && Objects.equals(roles, e.roles)
                    && Objects.equals(anything, e.anything);
        }

        @Override
        public int hashCode() {
            return Objects.hash(super.hashCode(), id);
        }
    }

    /** Not public, so not a POJO: falls back to Java serialization. */
    static final class SerializableThing implements Serializable {
        final String value;

        SerializableThing(String value) {
            this.value = value;
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof SerializableThing t && t.value.equals(value);
        }

        @Override
        public int hashCode() {
            return value.hashCode();
        }
    }

    /** Neither POJO (not public) nor Serializable. */
    static final class Opaque {
    }

    /** A POJO that contains itself. */
    public static class Node {
        public Node next;
    }

    private final RecordSerializer serializer = new RecordSerializer();

    private Object roundTrip(Object value) {
        RecordSerializer reader = new RecordSerializer();
        DataOutputBuffer out = new DataOutputBuffer(8);
        WriteScope scope = serializer.newWriteScope();
        serializer.serialize(value, out, scope);
        serializer.serialize(value, out, scope);
        ReadScope readScope = reader.newReadScope();
        DataInputView in = new DataInputView(out.data(), 0, out.position());
        Object first = reader.deserialize(in, readScope);
        Object second = reader.deserialize(in, readScope);
        assertThat(in.remaining()).isZero();
        assertDeepEquals(second, first);

        DataOutputBuffer alone = new DataOutputBuffer();
        serializer.serializeStandalone(value, alone);
        DataInputView aloneIn = new DataInputView(alone.data(), 0, alone.position());
        assertDeepEquals(reader.deserializeStandalone(aloneIn), first);
        assertThat(aloneIn.remaining()).isZero();
        return first;
    }

    private static void assertDeepEquals(Object actual, Object expected) {
        assertThat(Objects.deepEquals(actual, expected)).as("%s deep-equals %s", actual, expected).isTrue();
    }

    @Test
    void scalarsRoundTrip() {
        Object[] values = {null, "", "text", 0, -1, Integer.MAX_VALUE, Integer.MIN_VALUE, 0L, Long.MIN_VALUE,
                Long.MAX_VALUE, (short) -3, (byte) 0x80, 1.25d, -0.0d, Double.NaN, Double.NEGATIVE_INFINITY,
                Float.MIN_VALUE, -0.0f, true, false, 'x', '\uD800', BigInteger.ZERO,
                new BigInteger("-123456789012345678901234567890"), new BigDecimal("-1234.5678900"),
                BigDecimal.valueOf(1, -30), Color.RED, Color.GREEN, Color.BLUE};
        for (Object value : values) {
            Object back = roundTrip(value);
            assertThat(back).isEqualTo(value);
            if (value != null) {
                assertThat(back).hasSameClassAs(value);
            }
        }
    }

    @Test
    void enumConstantsWithBodiesComeBackAsTheSameConstant() {
        assertThat(roundTrip(Color.GREEN)).isSameAs(Color.GREEN);
        assertThat(roundTrip(List.of(Color.GREEN, Color.RED, Color.GREEN))).isEqualTo(
                List.of(Color.GREEN, Color.RED, Color.GREEN));
    }

    @Test
    void unicodeStringsRoundTrip() {
        for (String s : List.of("\u00e9t\u00e9", "\u4e2d\u6587", "\uD83D\uDE00\uD83D\uDC4D", "a\uDBFF\uDFFFz",
                "unpaired \uD83D", "\uDE00 unpaired")) {
            assertThat(roundTrip(s)).isEqualTo(s);
        }
    }

    @Test
    void primitiveAndObjectArraysRoundTripIncludingLargeOnes() {
        SplittableRandom random = new SplittableRandom(7);
        int[] ints = random.ints(1_000_000).toArray();
        long[] longs = random.longs(200_000).toArray();
        double[] doubles = random.doubles(200_000).toArray();
        byte[] bytes = new byte[3_000_000];
        random.nextBytes(bytes);
        Object[] arrays = {bytes, ints, longs, doubles, new short[]{1, -2, 3}, new char[]{'a', '\uD800'},
                new float[]{1f, Float.NaN}, new boolean[]{true, false, true}, new byte[0], new int[0],
                new String[]{"a", null, "c"}, new Point[]{new Point(1, 2), null}, new int[][]{{1}, {2, 3}, null},
                new Object[]{1, "two", List.of(3), new int[]{4}}, new Color[]{Color.GREEN}};
        for (Object array : arrays) {
            Object back = roundTrip(array);
            assertThat(back.getClass()).isEqualTo(array.getClass());
            assertDeepEquals(back, array);
        }
    }

    @Test
    void tuplesRoundTripRecursively() {
        Object value = Tuple5.of(1, Tuple2.of("a", null), Tuple3.of(1L, 2.0, 'c'),
                Tuple4.of(null, null, null, Tuple2.of(List.of(), Map.of())), new Point(3, 4));
        assertThat(roundTrip(value)).isEqualTo(value);
    }

    @Test
    void keyedValuesTakeOneByteMoreThanTheirKeyAndValueAndNoClassName() {
        KeyedValue partial = new KeyedValue("word", Tuple2.of("word", 41L));
        assertThat(roundTrip(partial)).isEqualTo(partial);
        assertThat(roundTrip(new KeyedValue(null, List.of(1, 2)))).isEqualTo(new KeyedValue(null, List.of(1, 2)));

        DataOutputBuffer whole = new DataOutputBuffer();
        serializer.serializeStandalone(partial, whole);
        DataOutputBuffer parts = new DataOutputBuffer();
        serializer.serializeStandalone(partial.key(), parts);
        serializer.serializeStandalone(partial.value(), parts);
        assertThat(whole.position()).isEqualTo(parts.position() + 1);
    }

    @Test
    void recordsRoundTripThroughTheirCanonicalConstructor() {
        Everything e = new Everything((byte) 1, (short) 2, 'c', -4, 5L << 40, 6.5f, -7.25, true, "text",
                new Point(8, 9), List.of(new Point(1, 1), new Point(2, 2)));
        assertThat(roundTrip(e)).isEqualTo(e);
        Everything withNulls = new Everything((byte) 0, (short) 0, '\0', 0, 0, 0, 0, false, null, null, null);
        assertThat(roundTrip(withNulls)).isEqualTo(withNulls);
    }

    @Test
    void aRecordWhoseConstructorRejectsTheDataFailsWithItsName() {
        DataOutputBuffer out = new DataOutputBuffer();
        serializer.serializeStandalone(new Validated("x"), out);
        // Replace the single component ("x": string tag, length, 'x') by a null tag.
        out.setPosition(out.position() - 3);
        out.writeByte(0);
        DataInputView in = new DataInputView(out.data(), 0, out.position());
        assertThatThrownBy(() -> serializer.deserializeStandalone(in)).isInstanceOf(SerializationException.class)
                .hasMessageContaining("canonical constructor of record")
                .hasMessageContaining(Validated.class.getName());
    }

    @Test
    void pojosRoundTripWithPrivateAndInheritedFieldsButNotTransientOrStaticOnes() {
        Person p = new Person("ann", 33, 0.5, true, Color.GREEN);
        p.cache = "changed";
        Person back = (Person) roundTrip(p);
        assertThat(back).isEqualTo(p);
        assertThat(back.cache).as("transient: as the constructor left it").isEqualTo("not serialized");
        Employee e = new Employee("bob", 1L << 50, new ArrayList<>(List.of("dev", "ops")),
                new Point(1, 2));
        Employee eBack = (Employee) roundTrip(e);
        assertThat(eBack).isEqualTo(e).hasSameClassAs(e);
        assertThat(eBack.roles).isInstanceOf(ArrayList.class);
    }

    @Test
    void collectionsKeepTheirClassWhereItCanBeRestored() {
        assertThat(roundTrip(new ArrayList<>(List.of(1, 2)))).isInstanceOf(ArrayList.class).isEqualTo(List.of(1, 2));
        assertThat(roundTrip(new LinkedList<>(List.of(1, 2)))).isInstanceOf(LinkedList.class);
        assertThat(roundTrip(Arrays.asList(1, null))).isInstanceOf(ArrayList.class).isEqualTo(Arrays.asList(1, null));
        assertThat(roundTrip(new HashSet<>(Set.of(1, 2)))).isInstanceOf(HashSet.class).isEqualTo(Set.of(1, 2));
        Object linked = roundTrip(new LinkedHashSet<>(List.of(3, 1, 2)));
        assertThat(linked).isInstanceOf(LinkedHashSet.class);
        assertThat(new ArrayList<>((Set<?>) linked)).isEqualTo(List.of(3, 1, 2));
        assertThat(roundTrip(new HashMap<>(Map.of("a", 1)))).isInstanceOf(HashMap.class).isEqualTo(Map.of("a", 1));
        LinkedHashMap<String, Integer> ordered = new LinkedHashMap<>();
        ordered.put("z", 1);
        ordered.put("a", 2);
        assertThat(new ArrayList<>(((Map<?, ?>) roundTrip(ordered)).keySet())).isEqualTo(List.of("z", "a"));
        assertThat(roundTrip(new TreeMap<>(Map.of("b", 1, "a", 2)))).isInstanceOf(TreeMap.class);
        assertThat(roundTrip(EnumSet.of(Color.RED, Color.BLUE))).isInstanceOf(LinkedHashSet.class)
                .isEqualTo(EnumSet.of(Color.RED, Color.BLUE));
        assertThat(roundTrip(new ConcurrentHashMap<>(Map.of(1, 2)))).isInstanceOf(LinkedHashMap.class)
                .isEqualTo(Map.of(1, 2));
    }

    @Test
    @SuppressWarnings("unchecked")
    void sortedCollectionsKeepASerializableComparator() {
        TreeSet<String> set = new TreeSet<>(Comparator.reverseOrder());
        set.addAll(List.of("a", "c", "b"));
        TreeSet<String> back = (TreeSet<String>) roundTrip(set);
        assertThat(back).containsExactly("c", "b", "a");
        back.add("d");
        assertThat(back.first()).isEqualTo("d");
        TreeMap<Integer, String> map = new TreeMap<>(Collections.reverseOrder());
        map.put(1, "one");
        map.put(2, "two");
        assertThat(((TreeMap<Integer, String>) roundTrip(map)).firstKey()).isEqualTo(2);
    }

    @Test
    void aComparatorThatCannotBeSerializedIsReported() {
        TreeSet<String> set = new TreeSet<>((a, b) -> b.compareTo(a));
        set.add("x");
        assertThatThrownBy(() -> serializer.serializeStandalone(set, new DataOutputBuffer()))
                .isInstanceOf(SerializationException.class).hasMessageContaining("comparator of a TreeSet");
    }

    @Test
    void unmodifiableCollectionsStayUnmodifiableAndMayHoldNulls() {
        Object list = roundTrip(List.of(1, 2, 3));
        assertThat(list).isEqualTo(List.of(1, 2, 3));
        assertThatThrownBy(() -> ((List<Object>) list).add(4)).isInstanceOf(UnsupportedOperationException.class);
        Object withNull = roundTrip(Collections.unmodifiableList(Arrays.asList("a", null)));
        assertThat(withNull).isEqualTo(Arrays.asList("a", null));
        assertThatThrownBy(() -> ((List<Object>) withNull).add(4)).isInstanceOf(UnsupportedOperationException.class);
        Object set = roundTrip(Set.of("x", "y"));
        assertThat(set).isEqualTo(Set.of("x", "y"));
        assertThatThrownBy(() -> ((Set<Object>) set).add("z")).isInstanceOf(UnsupportedOperationException.class);
        Object map = roundTrip(Map.of("k", 1));
        assertThat(map).isEqualTo(Map.of("k", 1));
        assertThatThrownBy(() -> ((Map<Object, Object>) map).put("z", 2))
                .isInstanceOf(UnsupportedOperationException.class);
        assertThat(roundTrip(Collections.emptyList())).isEqualTo(List.of());
        assertThat(roundTrip(Collections.singletonMap("a", null))).isEqualTo(Collections.singletonMap("a", null));
    }

    @Test
    void emptyCollectionsAndNullsInsideRoundTrip() {
        Map<String, Object> withNulls = new HashMap<>();
        withNulls.put(null, null);
        withNulls.put("k", null);
        Object value = Tuple4.of(new ArrayList<>(), new HashMap<>(), new HashSet<>(),
                List.of(withNulls, new ArrayList<>(Arrays.asList(null, null)), new LinkedList<>()));
        assertThat(roundTrip(value)).isEqualTo(value);
    }

    @Test
    void deeplyNestedValuesRoundTrip() {
        Map<String, List<Tuple2<Point, Person>>> map = new TreeMap<>();
        map.put("first", List.of(Tuple2.of(new Point(1, 2), new Person("p", 1, 2, false, null))));
        map.put("second", new ArrayList<>(List.of(Tuple2.of(null, new Employee("e", 3, List.of(), map.keySet())))));
        record Outer(Tuple3<Map<String, List<Tuple2<Point, Person>>>, List<Color>, Set<Integer>> inner) {
        }
        Outer outer = new Outer(Tuple3.of(map, List.of(Color.BLUE), Set.of(1)));
        assertThat(roundTrip(outer)).isEqualTo(outer);
    }

    @Test
    void otherSerializableValuesFallBackToJavaSerialization() {
        assertThat(roundTrip(LocalDate.of(2024, 2, 29))).isEqualTo(LocalDate.of(2024, 2, 29));
        assertThat(roundTrip(Duration.ofMillis(1234))).isEqualTo(Duration.ofMillis(1234));
        assertThat(roundTrip(new SerializableThing("s"))).isEqualTo(new SerializableThing("s"));
        assertThat(roundTrip(List.of(new SerializableThing("in a list")))).isEqualTo(
                List.of(new SerializableThing("in a list")));
    }

    @Test
    void anUnsupportedValueFailsNamingItsClassWhereItIsAndWhatIsSupported() {
        Employee holder = new Employee("e", 1, List.of(), new Opaque());
        assertThatThrownBy(() -> serializer.serializeStandalone(holder, new DataOutputBuffer()))
                .isInstanceOf(SerializationException.class)
                .hasMessageContaining("field Employee.anything")
                .hasMessageContaining(Opaque.class.getName())
                .hasMessageContaining("the class is not public")
                .hasMessageContaining("Java records, POJOs");
        assertThatThrownBy(() -> serializer.serializeStandalone(Optional.of(1), new DataOutputBuffer()))
                .isInstanceOf(SerializationException.class).hasMessageContaining("java.util.Optional");
    }

    @Test
    void aCycleFailsInsteadOfOverflowingTheStack() {
        Node node = new Node();
        node.next = node;
        assertThatThrownBy(() -> serializer.serializeStandalone(node, new DataOutputBuffer()))
                .isInstanceOf(SerializationException.class).hasMessageContaining("cycle");
    }

    @Test
    void aFailedValueLeavesTheBufferAndTheScopeAsTheyWere() {
        DataOutputBuffer out = new DataOutputBuffer();
        WriteScope scope = serializer.newWriteScope();
        serializer.serialize(new Point(1, 1), out, scope);
        int end = out.position();
        // Defines Color, then fails on Opaque: Color's definition must not survive.
        Object failing = List.of(Color.RED, new Opaque());
        assertThatThrownBy(() -> serializer.serialize(failing, out, scope))
                .isInstanceOf(SerializationException.class);
        assertThat(out.position()).isEqualTo(end);
        serializer.serialize(List.of(Color.BLUE, new Point(2, 2)), out, scope);

        RecordSerializer reader = new RecordSerializer();
        ReadScope readScope = reader.newReadScope();
        DataInputView in = new DataInputView(out.data(), 0, out.position());
        assertThat(reader.deserialize(in, readScope)).isEqualTo(new Point(1, 1));
        assertThat(reader.deserialize(in, readScope)).isEqualTo(List.of(Color.BLUE, new Point(2, 2)));
    }

    @Test
    void classNamesAreWrittenOncePerScopeAndAgainAfterAReset() {
        String name = Point.class.getName();
        DataOutputBuffer out = new DataOutputBuffer();
        WriteScope scope = serializer.newWriteScope();
        int first = serializer.serialize(new Point(1, 2), out, scope);
        int afterFirst = out.position();
        int second = serializer.serialize(new Point(3, 4), out, scope);
        int afterSecond = out.position();
        assertThat(first).isEqualTo(RecordSerializer.DEFINED_CLASSES);
        assertThat(second).isEqualTo(RecordSerializer.REFERRED_TO_EARLIER_CLASSES);
        assertThat(afterFirst).isGreaterThan(name.length());
        assertThat(afterSecond - afterFirst).isLessThan(8);

        scope.reset();
        int third = serializer.serialize(new Point(5, 6), out, scope);
        assertThat(third).isEqualTo(RecordSerializer.DEFINED_CLASSES);
        assertThat(out.position() - afterSecond).isEqualTo(afterFirst);
        assertThat(serializer.serialize(Tuple2.of("no", 1), out, scope)).isZero();

        // A reader must reset where the writer did.
        RecordSerializer reader = new RecordSerializer();
        ReadScope readScope = reader.newReadScope();
        DataInputView in = new DataInputView(out.data(), 0, out.position());
        assertThat(reader.deserialize(in, readScope)).isEqualTo(new Point(1, 2));
        assertThat(reader.deserialize(in, readScope)).isEqualTo(new Point(3, 4));
        readScope.reset();
        assertThat(reader.deserialize(in, readScope)).isEqualTo(new Point(5, 6));
        assertThat(reader.deserialize(in, readScope)).isEqualTo(Tuple2.of("no", 1));
    }

    @Test
    void aValueThatDefinesItsOwnClassesCanBeReadAloneFromTheMiddleOfAScope() {
        DataOutputBuffer out = new DataOutputBuffer();
        WriteScope scope = serializer.newWriteScope();
        serializer.serialize(List.of(Color.RED, new Point(0, 0)), out, scope);
        int start = out.position();
        Object value = List.of(new Person("x", 1, 1, true, null), new Person("y", 2, 2, false, null));
        int flags = serializer.serialize(value, out, scope);
        assertThat(flags).isEqualTo(RecordSerializer.DEFINED_CLASSES);
        assertThat(serializer.serialize(new Person("z", 3, 3, true, Color.RED), new DataOutputBuffer(), scope))
                .as("Color was defined by an earlier value").isEqualTo(RecordSerializer.REFERRED_TO_EARLIER_CLASSES);
        Object alone = new RecordSerializer().deserializeStandalone(
                new DataInputView(out.data(), start, out.position() - start));
        assertThat(alone).isEqualTo(value);
    }

    @Test
    void aReaderThatMissedTheScopeStartFailsClearly() {
        DataOutputBuffer out = new DataOutputBuffer();
        WriteScope scope = serializer.newWriteScope();
        serializer.serialize(new Point(1, 2), out, scope);
        int start = out.position();
        serializer.serialize(new Point(3, 4), out, scope);
        DataInputView in = new DataInputView(out.data(), start, out.position() - start);
        assertThatThrownBy(() -> new RecordSerializer().deserializeStandalone(in))
                .isInstanceOf(SerializationException.class).hasMessageContaining("did not start a scope");
    }

    @Test
    void aClassTheReaderCannotLoadFailsNamingTheClassAndTheLoader() {
        DataOutputBuffer out = new DataOutputBuffer();
        serializer.serializeStandalone(Tuple2.of(1, new Point(1, 2)), out);
        ClassLoader bootstrapOnly = new ClassLoader(null) {
        };
        RecordSerializer reader = new RecordSerializer(bootstrapOnly);
        assertThatThrownBy(() -> reader.deserializeStandalone(new DataInputView(out.data(), 0, out.position())))
                .isInstanceOf(SerializationException.class)
                .hasMessageContaining(Point.class.getName())
                .hasMessageContaining("cannot be loaded through class loader")
                .hasMessageContaining("class path");
        out.reset();
        serializer.serializeStandalone(new SerializableThing("x"), out);
        assertThatThrownBy(() -> reader.deserializeStandalone(new DataInputView(out.data(), 0, out.position())))
                .isInstanceOf(SerializationException.class).hasMessageContaining(SerializableThing.class.getName());
    }

    @Test
    void classesAreLoadedThroughTheGivenClassLoader() {
        ClassLoader loader = new ClassLoader(getClass().getClassLoader()) {
        };
        assertThat(new RecordSerializer(loader).classLoader()).isSameAs(loader);
        DataOutputBuffer out = new DataOutputBuffer();
        serializer.serializeStandalone(new Point(1, 2), out);
        assertThat(new RecordSerializer(loader).deserializeStandalone(new DataInputView(out.data(), 0,
                out.position()))).isEqualTo(new Point(1, 2));
    }

    @Test
    void garbageFailsWithASerializationExceptionNotAnAllocationOrAStackOverflow() {
        SplittableRandom random = new SplittableRandom(99);
        RecordSerializer reader = new RecordSerializer();
        byte[] garbage = new byte[64];
        for (int i = 0; i < 5_000; i++) {
            random.nextBytes(garbage);
            try {
                reader.deserializeStandalone(new DataInputView(garbage));
            } catch (SerializationException expected) {
                // The only acceptable failure: not an OutOfMemoryError, a StackOverflowError or a stray
                // ClassCastException.
            }
        }
    }

    @Test
    void randomValuesRoundTrip() {
        for (long seed = 0; seed < 300; seed++) {
            SplittableRandom random = new SplittableRandom(seed);
            List<Object> values = new ArrayList<>();
            for (int i = 0; i < 20; i++) {
                values.add(RandomValues.any(random, 4));
            }
            RecordSerializer reader = new RecordSerializer();
            DataOutputBuffer out = new DataOutputBuffer();
            WriteScope scope = serializer.newWriteScope();
            for (Object v : values) {
                serializer.serialize(v, out, scope);
            }
            ReadScope readScope = reader.newReadScope();
            DataInputView in = new DataInputView(out.data(), 0, out.position());
            for (Object v : values) {
                assertThat(reader.deserialize(in, readScope)).as("seed %d", seed).isEqualTo(v);
            }
            assertThat(in.remaining()).isZero();
        }
    }

    // ---- keys

    private byte[] keyBytes(Object key) {
        DataOutputBuffer out = new DataOutputBuffer();
        serializer.serializeKey(key, out);
        return Arrays.copyOf(out.data(), out.position());
    }

    @Test
    void equalKeysGiveEqualBytesWhateverTheirHistoryOrCollectionClass() {
        HashSet<String> grown = new HashSet<>();
        for (int i = 0; i < 1000; i++) {
            grown.add("k" + i);
        }
        for (int i = 10; i < 1000; i++) {
            grown.remove("k" + i);
        }
        HashSet<String> fresh = new HashSet<>();
        for (int i = 9; i >= 0; i--) {
            fresh.add("k" + i);
        }
        assertThat(grown).isEqualTo(fresh);
        assertThat(keyBytes(grown)).isEqualTo(keyBytes(fresh));
        assertThat(keyBytes(new TreeSet<>(fresh))).isEqualTo(keyBytes(fresh));
        assertThat(keyBytes(Set.copyOf(fresh))).isEqualTo(keyBytes(fresh));

        Map<Object, Object> a = new HashMap<>();
        Map<Object, Object> b = new LinkedHashMap<>();
        for (int i = 0; i < 50; i++) {
            a.put(Tuple2.of(i, Color.values()[i % 3]), new Point(i, -i));
            b.put(Tuple2.of(49 - i, Color.values()[(49 - i) % 3]), new Point(49 - i, i - 49));
        }
        assertThat(a).isEqualTo(b);
        assertThat(keyBytes(a)).isEqualTo(keyBytes(b));
        assertThat(keyBytes(Map.of("x", Set.of(1, 2, 3)))).isEqualTo(keyBytes(new TreeMap<>(Map.of("x",
                new LinkedHashSet<>(List.of(3, 2, 1))))));

        assertThat(keyBytes(new LinkedList<>(List.of(1, 2)))).isEqualTo(keyBytes(new ArrayList<>(List.of(1, 2))));
        assertThat(keyBytes(List.of(1, 2))).isEqualTo(keyBytes(Arrays.asList(1, 2)));
        assertThat(keyBytes(Double.NaN)).isEqualTo(keyBytes(Double.longBitsToDouble(0x7ff8000000000001L)));
        assertThat(keyBytes(Tuple2.of("a", new Point(1, 2)))).isEqualTo(keyBytes(Tuple2.of(new String("a"),
                new Point(1, 2))));
    }

    @Test
    void keyBytesDoNotDependOnWhatTheSerializerWroteBefore() {
        byte[] before = keyBytes(List.of(new Point(1, 2), Color.RED));
        DataOutputBuffer out = new DataOutputBuffer();
        WriteScope scope = serializer.newWriteScope();
        serializer.serialize(Tuple2.of(new Point(0, 0), Color.BLUE), out, scope);
        byte[] after = keyBytes(List.of(new Point(1, 2), Color.RED));
        assertThat(after).isEqualTo(before);
        assertThat(new RecordSerializer().deserializeKey(new DataInputView(after)))
                .isEqualTo(List.of(new Point(1, 2), Color.RED));
        // The record scope was not disturbed by the key.
        serializer.serialize(new Point(9, 9), out, scope);
        RecordSerializer reader = new RecordSerializer();
        ReadScope readScope = reader.newReadScope();
        DataInputView in = new DataInputView(out.data(), 0, out.position());
        reader.deserialize(in, readScope);
        assertThat(reader.deserialize(in, readScope)).isEqualTo(new Point(9, 9));
    }

    @Test
    void keysWithUnorderedCollectionsOfClassesReadBack() {
        Map<Object, Object> key = new HashMap<>();
        key.put(new Point(1, 1), Set.of(Color.RED, Color.GREEN));
        key.put(Color.BLUE, List.of(new Point(2, 2)));
        byte[] bytes = keyBytes(key);
        assertThat(new RecordSerializer().deserializeKey(new DataInputView(bytes))).isEqualTo(key);
    }

    @Test
    void differentKeysGiveDifferentBytes() {
        SplittableRandom random = new SplittableRandom(5);
        Map<String, Object> seen = new HashMap<>();
        for (int i = 0; i < 5_000; i++) {
            Object key = RandomValues.key(random, 3);
            Object previous = seen.put(Arrays.toString(keyBytes(key)), key);
            if (previous != null) {
                assertThat(previous).isEqualTo(key);
            }
        }
    }

    @Test
    void randomEqualKeysGiveEqualBytes() {
        for (long seed = 0; seed < 500; seed++) {
            Object key = RandomValues.key(new SplittableRandom(seed), 3);
            Object same = RandomValues.key(new SplittableRandom(seed), 3);
            assertThat(keyBytes(key)).as("seed %d: %s", seed, key).isEqualTo(keyBytes(same));
            assertThat(new RecordSerializer().deserializeKey(new DataInputView(keyBytes(key)))).isEqualTo(key);
        }
    }

    @Test
    void arraysAreRejectedAsKeys() {
        assertThatThrownBy(() -> keyBytes(new int[]{1}))
                .isInstanceOf(SerializationException.class).hasMessageContaining("cannot be a key");
        assertThatThrownBy(() -> keyBytes(Tuple2.of("a", new String[]{"b"})))
                .isInstanceOf(SerializationException.class).hasMessageContaining("String[]");
    }

    @Test
    void scopesCannotBeSharedBetweenSerializers() {
        WriteScope foreign = new RecordSerializer().newWriteScope();
        assertThatThrownBy(() -> serializer.serialize(1, new DataOutputBuffer(), foreign))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
