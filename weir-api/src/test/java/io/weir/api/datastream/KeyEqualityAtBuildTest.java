package io.weir.api.datastream;

import io.weir.api.environment.StreamExecutionEnvironment;
import io.weir.api.functions.KeySelector;
import io.weir.api.windowing.assigners.TumblingEventTimeWindows;
import org.junit.jupiter.api.Test;

import java.io.Serializable;
import java.time.Duration;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Key types without value equality are rejected while the job is built wherever the key selector's return type
 * is visible: {@code keyBy} (and so windows and interval joins on its result), {@code connect(...).keyBy}, and
 * both key selectors of window joins and coGroups. The message names the type, why, and what to key by instead.
 */
class KeyEqualityAtBuildTest {
    private final StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment();
    private final DataStream<Long> numbers = env.fromSequence(1, 10);
    private final DataStream<String> words = env.fromElements("a", "bb");

    /** Inherits equals and hashCode from Object. */
    static final class Account implements Serializable {
        final long id;

        Account(long id) {
            this.id = id;
        }

        static Account of(long id) {
            return new Account(id);
        }
    }

    record Tagged(String tag, byte[] bytes) implements Serializable {
    }

    /** An array key, declared by the class. */
    static final class ArrayKey implements KeySelector<Long, long[]> {
        @Override
        public long[] getKey(Long value) {
            return new long[]{value};
        }
    }

    /** A word's bytes as its key, declared by the class. */
    static final class WordBytes implements KeySelector<String, byte[]> {
        @Override
        public byte[] getKey(String value) {
            return value.getBytes();
        }
    }

    @Test
    void keyByRejectsAClassThatInheritsObjectsEquality() {
        assertThatThrownBy(() -> numbers.keyBy(n -> new Account(n % 3)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("keyBy")
                .hasMessageContaining(Account.class.getTypeName())
                .hasMessageContaining("inherits equals and hashCode from Object")
                .hasMessageContaining("Key by a value that defines equals and hashCode");
        assertThatThrownBy(() -> numbers.keyBy(Account::of))
                .as("a method reference").hasMessageContaining(Account.class.getTypeName());
    }

    @Test
    void keyByRejectsArraysFromLambdasAndDeclaringClasses() {
        assertThatThrownBy(() -> numbers.keyBy(n -> new int[]{(int) (n % 3)}))
                .hasMessageContaining("int[]").hasMessageContaining("arrays compare by identity")
                .hasMessageContaining("a List instead of an array");
        assertThatThrownBy(() -> words.keyBy(w -> w.split("")))
                .hasMessageContaining("java.lang.String[]");
        assertThatThrownBy(() -> numbers.keyBy(new ArrayKey())).hasMessageContaining("long[]");
    }

    @Test
    void keyByRejectsARecordWithAComponentWithoutEquality() {
        assertThatThrownBy(() -> words.keyBy(w -> new Tagged(w, w.getBytes())))
                .hasMessageContaining(Tagged.class.getTypeName())
                .hasMessageContaining("component 'bytes'")
                .hasMessageContaining("byte[]");
    }

    @Test
    void windowsAndIntervalJoinsAreKeyedByKeyBySoTheyAreCheckedThere() {
        assertThatThrownBy(() -> numbers.keyBy(n -> new Account(n))
                .window(TumblingEventTimeWindows.of(Duration.ofMillis(10))))
                .hasMessageContaining(Account.class.getTypeName());
        assertThatThrownBy(() -> numbers.keyBy(n -> new Account(n))
                .intervalJoin(numbers.keyBy(n -> new Account(n))))
                .hasMessageContaining(Account.class.getTypeName());
    }

    @Test
    @SuppressWarnings("unchecked")
    void connectKeyByRejectsEitherKeySelector() {
        assertThatThrownBy(() -> numbers.connect(words).keyBy(n -> new Account(n), w -> new Account(w.length())))
                .hasMessageContaining(Account.class.getTypeName());
        KeySelector<Long, Object> opaque = n -> n;
        @SuppressWarnings("rawtypes")
        KeySelector rawBytes = new WordBytes();
        assertThatThrownBy(() -> numbers.connect(words).keyBy(opaque, rawBytes)).hasMessageContaining("byte[]");
    }

    @Test
    @SuppressWarnings("unchecked")
    void joinsAndCoGroupsRejectEitherKeySelector() {
        assertThatThrownBy(() -> numbers.join(words).where(n -> new Account(n)))
                .hasMessageContaining("join(...).where").hasMessageContaining(Account.class.getTypeName());
        assertThatThrownBy(() -> numbers.join(words).where(n -> new long[]{n}).equalTo(w -> new long[0]))
                .hasMessageContaining("join(...).where").hasMessageContaining("long[]");
        KeySelector<Long, Object> opaque = n -> n;
        @SuppressWarnings("rawtypes")
        KeySelector rawBytes = new WordBytes();
        assertThatThrownBy(() -> numbers.join(words).where(opaque).equalTo(rawBytes))
                .hasMessageContaining("join(...).where(...).equalTo").hasMessageContaining("byte[]");
        assertThatThrownBy(() -> numbers.coGroup(words).where(opaque).equalTo(rawBytes))
                .hasMessageContaining("coGroup(...).where(...).equalTo").hasMessageContaining("byte[]");
        assertThatThrownBy(() -> numbers.coGroup(words).where(n -> new Account(n)))
                .hasMessageContaining("coGroup(...).where").hasMessageContaining(Account.class.getTypeName());
    }

    @Test
    void keysWhoseTypeDoesNotTellAreLeftToTheRuntime() {
        KeySelector<Long, Object> opaque = n -> new Account(n);
        assertThatCode(() -> numbers.keyBy(opaque)).doesNotThrowAnyException();
        assertThatCode(() -> numbers.keyBy(n -> List.of(n, n))).doesNotThrowAnyException();
        assertThatCode(() -> numbers.keyBy(n -> n % 3)).doesNotThrowAnyException();
    }
}
