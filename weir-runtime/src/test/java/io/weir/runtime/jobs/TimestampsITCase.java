package io.weir.runtime.jobs;

import io.weir.api.connector.source.lib.NumberSequenceSource;
import io.weir.api.environment.StreamExecutionEnvironment;
import io.weir.api.eventtime.WatermarkStrategy;
import io.weir.api.functions.Collector;
import io.weir.api.functions.KeyedProcessFunction;
import io.weir.api.functions.ProcessFunction;
import io.weir.api.tuple.Tuple2;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class TimestampsITCase {

    @ParameterizedTest
    @ValueSource(ints = {1, 2, 4})
    void timestampsAssignedAtTheSourceTravelThroughExchangesAndChains(int parallelism) throws Exception {
        StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment();
        env.setParallelism(parallelism);
        List<Tuple2<Long, Long>> out = env.fromSource(new NumberSequenceSource(1, 5000),
                        WatermarkStrategy.<Long>forMonotonousTimestamps().withTimestampAssigner((v, ts) -> v * 10),
                        "timed")
                .rebalance()
                .map(v -> v)
                .keyBy(v -> v % 13)
                .process(new EmitTimestamp())
                .executeAndCollect(10_000);

        assertThat(out).hasSize(5000);
        assertThat(out).allSatisfy(t -> assertThat(t.f1).isEqualTo(t.f0 * 10));
    }

    @ParameterizedTest
    @ValueSource(ints = {1, 2, 4})
    void recordsWithoutTimestampsReportNone(int parallelism) throws Exception {
        StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment();
        env.setParallelism(parallelism);
        List<Boolean> out = env.fromSequence(1, 100).rebalance().process(new HasTimestamp()).executeAndCollect(1000);

        assertThat(out).hasSize(100).containsOnly(false);
    }

    static final class EmitTimestamp extends KeyedProcessFunction<Long, Long, Tuple2<Long, Long>> {
        @Override
        public void processElement(Long value, Context ctx, Collector<Tuple2<Long, Long>> out) {
            out.collect(Tuple2.of(value, ctx.timestamp()));
        }
    }

    static final class HasTimestamp extends ProcessFunction<Long, Boolean> {
        @Override
        public void processElement(Long value, Context ctx, Collector<Boolean> out) {
            out.collect(ctx.timestamp() != null);
        }
    }
}
