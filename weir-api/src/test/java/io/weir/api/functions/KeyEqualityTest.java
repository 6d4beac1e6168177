package io.weir.api.functions;

import io.weir.api.tuple.Tuple2;
import io.weir.api.tuple.Tuple3;
import org.junit.jupiter.api.Test;

import java.io.Serializable;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** Which key types and keys group by value, and what the message says for those that do not. */
class KeyEqualityTest {

    /** Inherits equals and hashCode from Object. */
    static final class IdentityKey implements Serializable {
        final String name;

        IdentityKey(String name) {
            this.name = name;
        }
    }

    static final class EqualsOnly {
        @Override
        public boolean equals(Object o) {
            return o instanceof EqualsOnly;
        }
    }

    static final class HashCodeOnly {
        @Override
        public int hashCode() {
            return 1;
        }
    }

    static class ValueKey {
        final int id;

        ValueKey(int id) {
            this.id = id;
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof ValueKey other && other.id == id;
        }

        @Override
        public int hashCode() {
            return id;
        }
    }

    /** Inherits value equality from its superclass. */
    static final class SubValueKey extends ValueKey2 {
        SubValueKey() {
            super(1);
        }
    }

    static class ValueKey2 extends ValueKey {
        ValueKey2(int id) {
            super(id);
        }
    }

    enum Plain { A }

    enum WithBodies {
        A {
            @Override
            int n() {
                return 1;
            }
        };

        abstract int n();
    }

    record Pair(String name, int count) {
    }

    record WithArray(String name, long[] values) {
    }

    record WithIdentity(Pair pair, IdentityKey inner) {
    }

    /** Compares its array by the elements, as its author wrote. */
    record OwnEquality(int[] values) {
        @Override
        public boolean equals(Object o) {
            return o instanceof OwnEquality other && Arrays.equals(values, other.values);
        }

        @Override
        public int hashCode() {
            return Arrays.hashCode(values);
        }
    }

    record Nested(Pair pair, WithArray deep) {
    }

    record Open(Object value, Pair pair) {
    }

    @Test
    void valuesWithTheirOwnEqualityPass() {
        for (Class<?> type : List.of(String.class, Integer.class, Long.class, int.class, BigDecimal.class,
                Plain.class, WithBodies.A.getClass(), ValueKey.class, SubValueKey.class, Pair.class,
                OwnEquality.class, ArrayList.class)) {
            assertThat(KeyEquality.problemOfType(type)).as(type.getName()).isNull();
            assertThat(KeyEquality.alwaysHasValueEquality(type)).as(type.getName()).isTrue();
        }
        assertThat(KeyEquality.problemOfKey("k")).isNull();
        assertThat(KeyEquality.problemOfKey(WithBodies.A)).isNull();
        assertThat(KeyEquality.problemOfKey(new Pair("a", 1))).isNull();
    }

    @Test
    void arraysAreRejectedAsTypesAndAsKeys() {
        assertThat(KeyEquality.problemOfType(int[].class)).contains("arrays compare by identity");
        assertThat(KeyEquality.problemOfType(String[][].class)).contains("arrays compare by identity");
        assertThat(KeyEquality.problemOfKey(new byte[]{1})).contains("arrays compare by identity");
    }

    @Test
    void classesWithoutTheirOwnEqualsAndHashCodeAreRejectedNamingTheClass() {
        assertThat(KeyEquality.problemOfType(IdentityKey.class))
                .isEqualTo("it inherits equals and hashCode from Object, so it compares by identity");
        assertThat(KeyEquality.problemOfType(EqualsOnly.class)).contains("overrides equals but not hashCode");
        assertThat(KeyEquality.problemOfType(HashCodeOnly.class)).contains("overrides hashCode but not equals");
        assertThat(KeyEquality.problemOfKey(new IdentityKey("a"))).contains("inherits equals and hashCode");
    }

    @Test
    void recordsAreRejectedNamingTheComponentWithoutEquality() {
        assertThat(KeyEquality.problemOfType(WithArray.class))
                .contains("component 'values'").contains("long[]").contains("arrays compare by identity");
        assertThat(KeyEquality.problemOfType(WithIdentity.class))
                .contains("component 'inner'").contains(IdentityKey.class.getTypeName());
        assertThat(KeyEquality.problemOfType(Nested.class)).contains("component 'deep'").contains("'values'");
    }

    @Test
    void objectInterfacesAbstractClassesAndTuplesAreLeftToTheKeysThemselves() {
        for (Class<?> type : List.of(Object.class, Serializable.class, Number.class, List.class, Map.class,
                Tuple2.class, Open.class)) {
            assertThat(KeyEquality.problemOfType(type)).as(type.getName()).isNull();
        }
        assertThat(KeyEquality.alwaysHasValueEquality(Tuple2.class)).isFalse();
        assertThat(KeyEquality.alwaysHasValueEquality(Open.class)).isFalse();
    }

    @Test
    void tupleAndRecordKeysAreCheckedByTheirContents() {
        assertThat(KeyEquality.problemOfKey(Tuple2.of("a", 1))).isNull();
        assertThat(KeyEquality.problemOfKey(Tuple2.of(null, 1))).as("a null field is a value").isNull();
        assertThat(KeyEquality.problemOfKey(Tuple3.of("a", 1, new int[]{1})))
                .contains("field f2 is a int[]").contains("arrays compare by identity");
        assertThat(KeyEquality.problemOfKey(Tuple2.of("a", Tuple2.of(new IdentityKey("x"), 1))))
                .contains("field f1").contains("field f0").contains(IdentityKey.class.getTypeName());
        assertThat(KeyEquality.problemOfKey(new Open("s", new Pair("a", 1)))).isNull();
        assertThat(KeyEquality.problemOfKey(new Open(null, null))).isNull();
        assertThat(KeyEquality.problemOfKey(new Open(new IdentityKey("x"), null)))
                .contains("component 'value'").contains(IdentityKey.class.getTypeName());
    }
}
