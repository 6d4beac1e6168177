package io.weir.api.eventtime;

import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class WatermarkStrategyTest {
    private final AtomicLong clock = new AtomicLong(0);
    private final WatermarkStrategy.GeneratorContext context = clock::get;
    private final RecordingWatermarkOutput out = new RecordingWatermarkOutput();

    @Test
    void boundedOutOfOrdernessTrailsTheHighestTimestampByTheBoundAndOne() {
        WatermarkGenerator<String> generator = WatermarkStrategy.<String>forBoundedOutOfOrderness(Duration.ofMillis(5))
                .createWatermarkGenerator(context);
        generator.onEvent("a", 100, out);
        generator.onEvent("b", 90, out);
        generator.onPeriodicEmit(out);

        assertThat(out.drain()).containsExactly(94L);
    }

    @Test
    void noWatermarksEmitsNothing() {
        WatermarkGenerator<String> generator = WatermarkStrategy.<String>noWatermarks().createWatermarkGenerator(context);
        generator.onEvent("a", 100, out);
        generator.onPeriodicEmit(out);

        assertThat(out.drain()).isEmpty();
    }

    @Test
    void invalidArgumentsFailWhenTheStrategyIsBuilt() {
        assertThatThrownBy(() -> WatermarkStrategy.forBoundedOutOfOrderness(Duration.ofMillis(-1)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("maxOutOfOrderness")
                .hasMessageContaining("PT-0.001S");
        assertThatThrownBy(() -> WatermarkStrategy.forBoundedOutOfOrderness(null))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> WatermarkStrategy.forGenerator(null))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("forGenerator");
        assertThatThrownBy(() -> WatermarkStrategy.<String>noWatermarks().withIdleness(Duration.ZERO))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("withIdleness");
        assertThatThrownBy(() -> WatermarkStrategy.<String>noWatermarks().withIdleness(Duration.ofSeconds(-2)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("PT-2S");
        assertThatThrownBy(() -> WatermarkStrategy.<String>noWatermarks()
                .withTimestampAssigner((TimestampAssigner<String>) null))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("withTimestampAssigner");
    }

    @Test
    void theAssignerAndIdlenessCombineInEitherOrder() {
        WatermarkStrategy<String> assignerFirst = WatermarkStrategy.<String>forMonotonousTimestamps()
                .withTimestampAssigner((s, ts) -> Long.parseLong(s)).withIdleness(Duration.ofMillis(10));
        WatermarkStrategy<String> idlenessFirst = WatermarkStrategy.<String>forMonotonousTimestamps()
                .withIdleness(Duration.ofMillis(10)).withTimestampAssigner((s, ts) -> Long.parseLong(s));

        for (WatermarkStrategy<String> strategy : java.util.List.of(assignerFirst, idlenessFirst)) {
            clock.set(0);
            assertThat(strategy.createTimestampAssigner().extractTimestamp("42", 7)).isEqualTo(42);
            WatermarkGenerator<String> generator = strategy.createWatermarkGenerator(context);
            generator.onEvent("42", 42, out);
            generator.onPeriodicEmit(out);
            clock.set(10);
            generator.onPeriodicEmit(out);
            assertThat(out.drain()).containsExactly(41L, "idle");
        }
    }

    @Test
    void idlenessIsMeasuredOnTheClockOfTheContextTheRuntimeGives() {
        WatermarkGenerator<String> generator = WatermarkStrategy.<String>noWatermarks()
                .withIdleness(Duration.ofHours(1)).createWatermarkGenerator(context);
        generator.onPeriodicEmit(out);
        assertThat(out.drain()).isEmpty();

        clock.set(Duration.ofHours(1).toMillis());
        generator.onPeriodicEmit(out);
        assertThat(out.drain()).containsExactly("idle");
    }

    @Test
    void aTimestampAssignerSupplierMakesAFreshAssignerPerCall() {
        WatermarkStrategy<String> strategy = WatermarkStrategy.<String>noWatermarks()
                .withTimestampAssigner(CountingAssigner::new);

        TimestampAssigner<String> first = strategy.createTimestampAssigner();
        first.extractTimestamp("a", 0);
        first.extractTimestamp("b", 0);
        TimestampAssigner<String> second = strategy.createTimestampAssigner();

        assertThat(first.extractTimestamp("c", 0)).isEqualTo(3);
        assertThat(second.extractTimestamp("d", 0)).isEqualTo(1);
    }

    @Test
    void strategiesBuiltFromLambdasSurviveSerialization() throws Exception {
        WatermarkStrategy<String> strategy = WatermarkStrategy.<String>forBoundedOutOfOrderness(Duration.ofMillis(3))
                .withTimestampAssigner((s, ts) -> s.length() * 100L).withIdleness(Duration.ofMillis(50));

        WatermarkStrategy<String> copy = roundTrip(strategy);

        assertThat(copy.createTimestampAssigner().extractTimestamp("abc", 0)).isEqualTo(300);
        WatermarkGenerator<String> generator = copy.createWatermarkGenerator(context);
        generator.onEvent("abc", 300, out);
        generator.onPeriodicEmit(out);
        assertThat(out.drain()).containsExactly(296L);
    }

    @SuppressWarnings("unchecked")
    private static <T> T roundTrip(T value) throws Exception {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ObjectOutputStream o = new ObjectOutputStream(bytes)) {
            o.writeObject(value);
        }
        try (ObjectInputStream in = new ObjectInputStream(new ByteArrayInputStream(bytes.toByteArray()))) {
            return (T) in.readObject();
        }
    }

    /** Not serializable state: numbers the records it sees. */
    private static final class CountingAssigner implements TimestampAssigner<String> {
        private transient long seen;

        @Override
        public long extractTimestamp(String element, long recordTimestamp) {
            return ++seen;
        }
    }
}
