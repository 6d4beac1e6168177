package io.weir.runtime.jobs;

import io.weir.api.common.RuntimeExecutionMode;
import io.weir.api.datastream.DataStream;
import io.weir.api.environment.StreamExecutionEnvironment;
import io.weir.api.functions.CoMapFunction;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A stream used twice as an input of one task (unioned with itself, or connected to itself) makes two exchanges
 * that are alike in every property: each must still carry every record.
 */
@Timeout(30)
class SelfUnionITCase {

    @ParameterizedTest
    @EnumSource(value = RuntimeExecutionMode.class, names = {"STREAMING", "BATCH"})
    void aStreamUnionedWithItselfDeliversEachRecordTwice(RuntimeExecutionMode mode) throws Exception {
        StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment();
        env.setParallelism(2);
        env.setRuntimeMode(mode);
        DataStream<Long> numbers = env.fromSequence(1, 1000).map(x -> x * 10);
        List<Long> out = numbers.union(numbers).map(x -> x + 1).executeAndCollect(10_000);
        assertThat(out).hasSize(2000);
        assertThat(out.stream().distinct().count()).isEqualTo(1000);
        assertThat(out).filteredOn(x -> x == 11).hasSize(2);
    }

    @ParameterizedTest
    @EnumSource(value = RuntimeExecutionMode.class, names = {"STREAMING", "BATCH"})
    void aStreamConnectedToItselfFeedsBothInputs(RuntimeExecutionMode mode) throws Exception {
        StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment();
        env.setParallelism(2);
        env.setRuntimeMode(mode);
        DataStream<Long> numbers = env.fromSequence(1, 1000).map(x -> x * 10);
        List<String> out = numbers.connect(numbers)
                .map(new Label())
                .executeAndCollect(10_000);
        assertThat(out).hasSize(2000);
        assertThat(out).filteredOn(s -> s.startsWith("first ")).hasSize(1000);
        assertThat(out).contains("first 10", "second 10", "first 10000", "second 10000");
    }

    /** Tells the two inputs apart. */
    private static final class Label implements CoMapFunction<Long, Long, String> {
        @Override
        public String map1(Long value) {
            return "first " + value;
        }

        @Override
        public String map2(Long value) {
            return "second " + value;
        }
    }
}
