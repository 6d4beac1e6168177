package io.weir.api.tuple;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class TupleTest {
    @Test
    void printsLikeFlink() {
        assertThat(Tuple2.of("word", 3)).hasToString("(word,3)");
        assertThat(Tuple5.of(1, "b", 2.5, null, 'x')).hasToString("(1,b,2.5,null,x)");
    }

    @Test
    void withFieldCopiesAndLeavesTheOriginalUnchanged() {
        Tuple3<String, Integer, Long> t = Tuple3.of("a", 1, 2L);
        Tuple3<String, Integer, Long> u = t.withField(1, 5);
        assertThat(u).isEqualTo(Tuple3.of("a", 5, 2L));
        assertThat(t).isEqualTo(Tuple3.of("a", 1, 2L));
    }

    @Test
    void equalTuplesHaveEqualHashCodes() {
        assertThat(Tuple4.of(1, 2, 3, 4)).isEqualTo(Tuple4.of(1, 2, 3, 4)).hasSameHashCodeAs(Tuple4.of(1, 2, 3, 4));
        assertThat(Tuple2.of(1, 2)).isNotEqualTo(Tuple2.of(2, 1));
    }

    @Test
    void aBadPositionSaysTheRange() {
        assertThatThrownBy(() -> Tuple2.of(1, 2).getField(2)).hasMessageContaining("positions 0..1");
    }
}
