package io.weir.runtime.jobs;

import io.weir.api.environment.StreamExecutionEnvironment;
import io.weir.api.tuple.Tuple2;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class SmokeITCase {
    @Test
    void countsWords() throws Exception {
        StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment();
        env.setParallelism(2);
        List<Tuple2<String, Integer>> out = env.fromElements("a b", "b c", "c c")
                .flatMap((String line, io.weir.api.functions.Collector<Tuple2<String, Integer>> o) -> {
                    for (String w : line.split(" ")) {
                        o.collect(Tuple2.of(w, 1));
                    }
                })
                .keyBy(t -> t.f0)
                .sum(1)
                .executeAndCollect(100);
        System.out.println(out);
        System.out.println(env.getExecutionPlan());
        assertThat(out).hasSize(6);
    }
}
