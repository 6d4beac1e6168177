package io.weir.runtime.differential;

import io.weir.api.tuple.Tuple2;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The harness's comparisons on hand-made outputs: they accept what the modes may differ in, and nothing else. */
class ModeOutputsTest {

    private static <T> ModeOutputs<T> outputs(List<T> streaming, List<T> batch) {
        return new ModeOutputs<>("job X over input(seed=42)", streaming, batch);
    }

    @Test
    void multisetsIgnoreOrderButNotMultiplicity() {
        outputs(List.of("a", "b", "a"), List.of("a", "a", "b")).assertSameMultiset();
        assertThatThrownBy(() -> outputs(List.of("a", "b", "a"), List.of("a", "b", "b")).assertSameMultiset())
                .isInstanceOf(AssertionError.class)
                .hasMessageContaining("job X over input(seed=42)")
                .hasMessageContaining("1 only in STREAMING, e.g. [a]")
                .hasMessageContaining("1 only in BATCH, e.g. [b]");
    }

    @Test
    void bothModesMustAlsoMatchTheOracle() {
        outputs(List.of(1, 2), List.of(2, 1)).assertBothEqual(List.of(1, 2));
        assertThatThrownBy(() -> outputs(List.of(1, 2), List.of(2, 1)).assertBothEqual(List.of(1, 3)))
                .isInstanceOf(AssertionError.class)
                .hasMessageContaining("both modes agree, but not with the expected records");
    }

    @Test
    void finalValuesReadStreamingAsUpsertsAndWantOneBatchRecordPerKey() {
        Map<String, Tuple2<String, Integer>> finals = outputs(
                List.of(Tuple2.of("a", 1), Tuple2.of("b", 5), Tuple2.of("a", 3)),
                List.of(Tuple2.of("b", 5), Tuple2.of("a", 3))).assertSameFinalValues(t -> t.f0);
        assertThat(finals).containsOnly(Map.entry("a", Tuple2.of("a", 3)), Map.entry("b", Tuple2.of("b", 5)));
    }

    @Test
    void finalValuesRejectARepeatedBatchKey() {
        assertThatThrownBy(() -> outputs(List.of(Tuple2.of("a", 1), Tuple2.of("a", 3)),
                List.of(Tuple2.of("a", 1), Tuple2.of("a", 3))).assertSameFinalValues(t -> t.f0))
                .isInstanceOf(AssertionError.class)
                .hasMessageContaining("BATCH must emit one final record per key")
                .hasMessageContaining("a: (a,1) then (a,3)");
    }

    @Test
    void finalValuesRejectADifferentOrMissingKey() {
        assertThatThrownBy(() -> outputs(List.of(Tuple2.of("a", 1), Tuple2.of("a", 3)),
                List.of(Tuple2.of("a", 1))).assertSameFinalValues(t -> t.f0))
                .isInstanceOf(AssertionError.class)
                .hasMessageContaining("1 keys with different values")
                .hasMessageContaining("STREAMING (last update) (a,3) vs BATCH (a,1)");
        assertThatThrownBy(() -> outputs(List.of(Tuple2.of("a", 1), Tuple2.of("b", 3)),
                List.of(Tuple2.of("a", 1))).assertSameFinalValues(t -> t.f0))
                .isInstanceOf(AssertionError.class)
                .hasMessageContaining("1 keys only in STREAMING (last update), e.g. {b=(b,3)}");
    }

    @Test
    void finalValuesCanCompareAProjection() {
        outputs(List.of(Tuple2.of("a", 1)), List.of(Tuple2.of("a", 2))).assertSameFinalValues(t -> t.f0, t -> t.f0);
    }

    @Test
    void lastValuesWantTheSameNumberOfUpdatesPerKey() {
        outputs(List.of(Tuple2.of("a", 1), Tuple2.of("b", 1), Tuple2.of("a", 2)),
                List.of(Tuple2.of("a", 1), Tuple2.of("a", 2), Tuple2.of("b", 1))).assertSameLastValues(t -> t.f0);
        assertThatThrownBy(() -> outputs(List.of(Tuple2.of("a", 1), Tuple2.of("a", 2)),
                List.of(Tuple2.of("a", 2))).assertSameLastValues(t -> t.f0))
                .isInstanceOf(AssertionError.class)
                .hasMessageContaining("different numbers of updates per key");
        assertThatThrownBy(() -> outputs(List.of(Tuple2.of("a", 1), Tuple2.of("a", 2)),
                List.of(Tuple2.of("a", 2), Tuple2.of("a", 1))).assertSameLastValues(t -> t.f0))
                .isInstanceOf(AssertionError.class)
                .hasMessageContaining("the modes' last updates differ");
    }

    @Test
    void oracleComparisonOfFinalValuesNamesTheDifference() {
        ModeOutputs<Integer> out = outputs(List.of(), List.of());
        out.assertFinalValuesEqual(Map.of(1, "x"), Map.of(1, "x"));
        assertThatThrownBy(() -> out.assertFinalValuesEqual(Map.of(1, "x", 2, "y"), Map.of(1, "z")))
                .isInstanceOf(AssertionError.class)
                .hasMessageContaining("1 keys only in expected, e.g. {2=y}")
                .hasMessageContaining("expected x vs both modes z");
    }
}
