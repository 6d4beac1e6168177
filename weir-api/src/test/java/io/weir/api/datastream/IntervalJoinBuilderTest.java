package io.weir.api.datastream;

import io.weir.api.common.OutputTag;
import io.weir.api.dag.Operation;
import io.weir.api.dag.TwoInputTransformation;
import io.weir.api.environment.StreamExecutionEnvironment;
import io.weir.api.functions.Collector;
import io.weir.api.functions.ProcessJoinFunction;
import org.junit.jupiter.api.Test;

import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Building an interval join: what reaches the plan, and the mistakes rejected while the job is built. */
class IntervalJoinBuilderTest {
    private final StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment();
    private final KeyedStream<Long, Long> left = env.fromSequence(1, 10).keyBy(x -> x % 3);
    private final KeyedStream<Long, Long> right = env.fromSequence(1, 10).keyBy(x -> x % 3);

    static final class Concat extends ProcessJoinFunction<Long, Long, String> {
        @Override
        public void processElement(Long l, Long r, Context ctx, Collector<String> out) {
            out.collect(l + "," + r);
        }
    }

    private static Operation.IntervalJoin operation(DataStream<?> joined) {
        TwoInputTransformation<?, ?, ?> t = (TwoInputTransformation<?, ?, ?>) joined.getTransformation();
        assertThat(t.isKeyed()).isTrue();
        return (Operation.IntervalJoin) t.getOperation();
    }

    @Test
    void exclusiveBoundsBecomeTheNearestInclusiveMilliseconds() {
        Operation.IntervalJoin inclusive = operation(left.intervalJoin(right).inEventTime()
                .between(Duration.ofMillis(-3), Duration.ofSeconds(2)).process(new Concat()));
        Operation.IntervalJoin exclusive = operation(left.intervalJoin(right)
                .between(Duration.ofMillis(-3), Duration.ofSeconds(2)).lowerBoundExclusive().upperBoundExclusive()
                .process(new Concat()));

        assertThat(inclusive.lowerBound()).isEqualTo(-3);
        assertThat(inclusive.upperBound()).isEqualTo(2000);
        assertThat(exclusive.lowerBound()).isEqualTo(-2);
        assertThat(exclusive.upperBound()).isEqualTo(1999);
    }

    @Test
    void lateDataTagsReachThePlan() {
        OutputTag<Long> lateLeft = new OutputTag<>("late left") {};
        OutputTag<Long> lateRight = new OutputTag<>("late right") {};
        Operation.IntervalJoin join = operation(left.intervalJoin(right).between(Duration.ZERO, Duration.ZERO)
                .sideOutputLeftLateData(lateLeft).sideOutputRightLateData(lateRight).process(new Concat()));

        assertThat(join.leftLateData()).isEqualTo(lateLeft);
        assertThat(join.rightLateData()).isEqualTo(lateRight);
        assertThat(operation(left.intervalJoin(right).between(Duration.ZERO, Duration.ZERO).process(new Concat()))
                .leftLateData()).isNull();
    }

    @Test
    void aLowerBoundAboveTheUpperBoundIsRejected() {
        assertThatThrownBy(() -> left.intervalJoin(right).between(Duration.ofMillis(5), Duration.ofMillis(4)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("between(PT0.005S, PT0.004S)")
                .hasMessageContaining("lower bound is greater than the upper bound");
    }

    @Test
    void exclusiveBoundsThatLeaveNoMillisecondAreRejected() {
        assertThatThrownBy(() -> left.intervalJoin(right).between(Duration.ofMillis(4), Duration.ofMillis(5))
                .lowerBoundExclusive().upperBoundExclusive().process(new Concat()))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("(4 ms, 5 ms)").hasMessageContaining("contains no millisecond");
        assertThatThrownBy(() -> left.intervalJoin(right).between(Duration.ZERO, Duration.ZERO)
                .upperBoundExclusive().process(new Concat()))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("[0 ms, 0 ms)");
        assertThatThrownBy(() -> left.intervalJoin(right)
                .between(Duration.ofMillis(Long.MAX_VALUE), Duration.ofMillis(Long.MAX_VALUE))
                .lowerBoundExclusive().process(new Concat()))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("contains no millisecond");
    }

    @Test
    void missingPartsAreRejectedNamingThem() {
        assertThatThrownBy(() -> left.intervalJoin(null)).hasMessageContaining("other keyed stream");
        assertThatThrownBy(() -> left.intervalJoin(right).between(null, Duration.ZERO))
                .hasMessageContaining("lower bound is null");
        assertThatThrownBy(() -> left.intervalJoin(right).between(Duration.ZERO, Duration.ofSeconds(Long.MAX_VALUE)))
                .hasMessageContaining("upper bound").hasMessageContaining("does not fit");
        assertThatThrownBy(() -> left.intervalJoin(right).between(Duration.ZERO, Duration.ZERO)
                .sideOutputLeftLateData(null)).hasMessageContaining("sideOutputLeftLateData needs an OutputTag");
        assertThatThrownBy(() -> left.intervalJoin(right).between(Duration.ZERO, Duration.ZERO).process(null))
                .hasMessageContaining("needs a ProcessJoinFunction");
    }

    @Test
    void streamsOfAnotherEnvironmentAreRejected() {
        KeyedStream<Long, Long> elsewhere = StreamExecutionEnvironment.getExecutionEnvironment()
                .fromSequence(1, 2).keyBy(x -> x);

        assertThatThrownBy(() -> left.intervalJoin(elsewhere)).hasMessageContaining("same environment");
    }
}
