package io.weir.runtime.jobs;

import io.weir.api.common.RuntimeExecutionMode;
import io.weir.api.environment.StreamExecutionEnvironment;
import io.weir.api.tuple.Tuple2;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class SmokeITCase {
    @ParameterizedTest
    @EnumSource(value = RuntimeExecutionMode.class, names = {"STREAMING", "BATCH"})
    void countsWords(RuntimeExecutionMode mode) throws Exception {
        StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment();
        env.setParallelism(2);
        env.setRuntimeMode(mode);
        List<Tuple2<String, Integer>> out = env.fromElements("a b", "b c", "c c")
                .flatMap((String line, io.weir.api.functions.Collector<Tuple2<String, Integer>> o) -> {
                    for (String w : line.split(" ")) {
                        o.collect(Tuple2.of(w, 1));
                    }
                })
                .keyBy(t -> t.f0)
                .sum(1)
                .executeAndCollect(100);
        assertThat(out).contains(Tuple2.of("a", 1), Tuple2.of("b", 2), Tuple2.of("c", 3));
        assertThat(out).hasSize(mode == RuntimeExecutionMode.BATCH ? 3 : 6);
    }
}
