package io.weir.api.datastream;

import io.weir.api.dag.OneInputTransformation;
import io.weir.api.dag.Operation;
import io.weir.api.environment.StreamExecutionEnvironment;
import io.weir.api.functions.CoGroupFunction;
import io.weir.api.functions.Collector;
import io.weir.api.functions.JoinFunction;
import io.weir.api.functions.KeySelector;
import io.weir.api.windowing.assigners.TumblingEventTimeWindows;
import io.weir.api.windowing.assigners.TumblingProcessingTimeWindows;
import io.weir.api.windowing.evictors.CountEvictor;
import io.weir.api.windowing.triggers.CountTrigger;
import io.weir.api.windowing.windows.TimeWindow;
import org.junit.jupiter.api.Test;

import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Building window joins and coGroups: what reaches the plan, and the mistakes rejected while the job is built. */
class WindowJoinBuilderTest {
    private final StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment();
    private final DataStream<Long> numbers = env.fromSequence(1, 10);
    private final DataStream<String> words = env.fromElements("a", "bb");

    /** Keys of numbers as ints, declared by the class. */
    static final class IntKey implements KeySelector<Long, Integer> {
        @Override
        public Integer getKey(Long value) {
            return (int) (value % 3);
        }
    }

    static final class Concat implements JoinFunction<Long, String, String> {
        @Override
        public String join(Long first, String second) {
            return first + second;
        }
    }

    static final class Count implements CoGroupFunction<Long, String, Integer> {
        @Override
        public void coGroup(Iterable<Long> first, Iterable<String> second, Collector<Integer> out) {
            out.collect(1);
        }
    }

    private static Operation.Window windowOperation(DataStream<?> joined) {
        return (Operation.Window) ((OneInputTransformation<?, ?>) joined.getTransformation()).getOperation();
    }

    @Test
    void theJoinIsAWindowOverBothInputsKeyedByTheirKeys() {
        SingleOutputStreamOperator<String> joined = numbers.join(words)
                .where(n -> (int) (n % 3)).equalTo(String::length)
                .window(TumblingEventTimeWindows.of(Duration.ofMillis(10)))
                .apply(new Concat());

        OneInputTransformation<?, ?> window = (OneInputTransformation<?, ?>) joined.getTransformation();
        assertThat(window.isKeyed()).isTrue();
        assertThat(window.getName()).startsWith("Window(").endsWith(", join)");
        assertThat(windowOperation(joined).evictor()).isNull();
    }

    @Test
    void triggerEvictorAndAllowedLatenessReachTheWindow() {
        CountTrigger<TimeWindow> trigger = CountTrigger.of(3);
        CountEvictor<TimeWindow> evictor = CountEvictor.of(2);
        SingleOutputStreamOperator<Integer> grouped = numbers.coGroup(words)
                .where(n -> (int) (n % 3)).equalTo(String::length)
                .window(TumblingEventTimeWindows.of(Duration.ofMillis(10)))
                .trigger(trigger).evictor(evictor).allowedLateness(Duration.ofMillis(7))
                .apply(new Count());

        Operation.Window window = windowOperation(grouped);
        assertThat(window.trigger()).isSameAs(trigger);
        assertThat(window.evictor()).isSameAs(evictor);
        assertThat(window.allowedLateness()).isEqualTo(7);
        assertThat(grouped.getName()).endsWith(", coGroup)");
    }

    @Test
    void allowedLatenessOnProcessingTimeWindowsIsRejectedAsOnAnyWindow() {
        assertThatThrownBy(() -> numbers.join(words).where(n -> (int) (n % 3)).equalTo(String::length)
                .window(TumblingProcessingTimeWindows.of(Duration.ofMillis(10)))
                .allowedLateness(Duration.ofMillis(5)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("only event-time windows");
    }

    @Test
    @SuppressWarnings({"unchecked", "rawtypes"})
    void keySelectorsOfDifferentTypesAreRejected() {
        KeySelector<String, Long> longKey = s -> (long) s.length();
        KeySelector<String, Integer> intLambda = String::length;

        assertThatThrownBy(() -> numbers.join(words).where((KeySelector) new IntKey()).equalTo((KeySelector) longKey))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("join(...).where(...).equalTo(...)")
                .hasMessageContaining("java.lang.Integer (first input) and java.lang.Long (second input)");
        assertThatThrownBy(() -> numbers.coGroup(words).where((KeySelector) new IntKey())
                .equalTo((KeySelector) longKey)).hasMessageContaining("coGroup(...).where(...).equalTo(...)");
        // Equal types, however declared, pass.
        numbers.join(words).where(new IntKey()).equalTo(intLambda);
    }

    @Test
    void keyTypesAreReadFromLambdasMethodReferencesAndClasses() {
        KeySelector<String, Integer> methodReference = String::length;
        KeySelector<String, Long> lambda = s -> (long) s.length();

        assertThat(KeyTypes.keyType(methodReference)).isEqualTo(Integer.class);
        assertThat(KeyTypes.keyType(lambda)).isEqualTo(Long.class);
        assertThat(KeyTypes.keyType(new IntKey())).isEqualTo(Integer.class);
        assertThat(KeyTypes.keyType(FieldKeySelector.forPositions(0))).isNull();
    }

    @Test
    void missingPartsAreRejectedNamingThem() {
        assertThatThrownBy(() -> numbers.join(null)).hasMessageContaining("join needs two streams");
        assertThatThrownBy(() -> numbers.coGroup(null)).hasMessageContaining("coGroup needs two streams");
        assertThatThrownBy(() -> numbers.join(words).where(null)).hasMessageContaining("join(...).where needs a key");
        assertThatThrownBy(() -> numbers.join(words).where(n -> 1).equalTo(null))
                .hasMessageContaining("join(...).where(...).equalTo needs a key selector");
        assertThatThrownBy(() -> numbers.join(words).where(n -> 1).equalTo(s -> 1).window(null))
                .hasMessageContaining("window assigner must not be null");
        assertThatThrownBy(() -> numbers.join(words).where(n -> 1).equalTo(s -> 1)
                .window(TumblingEventTimeWindows.of(Duration.ofMillis(10)))
                .apply((JoinFunction<Long, String, String>) null))
                .hasMessageContaining("needs a JoinFunction");
        assertThatThrownBy(() -> numbers.coGroup(words).where(n -> 1).equalTo(s -> 1)
                .window(TumblingEventTimeWindows.of(Duration.ofMillis(10))).apply(null))
                .hasMessageContaining("needs a CoGroupFunction");
    }

    @Test
    void streamsOfAnotherEnvironmentAreRejected() {
        DataStream<String> elsewhere = StreamExecutionEnvironment.getExecutionEnvironment().fromElements("x");

        assertThatThrownBy(() -> numbers.join(elsewhere)).hasMessageContaining("same environment");
        assertThatThrownBy(() -> numbers.coGroup(elsewhere)).hasMessageContaining("same environment");
    }

    @Test
    void taggedUnionsKnowTheirSide() {
        CoGroupedStreams.TaggedUnion<Long, String> one = CoGroupedStreams.TaggedUnion.one(1L);
        CoGroupedStreams.TaggedUnion<Long, String> two = CoGroupedStreams.TaggedUnion.two("x");

        assertThat(one.isOne()).isTrue();
        assertThat(one.isTwo()).isFalse();
        assertThat(one.getOne()).isEqualTo(1L);
        assertThat(two.isTwo()).isTrue();
        assertThat(two.getTwo()).isEqualTo("x");
        assertThat(one).isEqualTo(CoGroupedStreams.TaggedUnion.one(1L)).isNotEqualTo(two);
        assertThatThrownBy(() -> CoGroupedStreams.TaggedUnion.one(null)).hasMessageContaining("must not be null");
    }
}
